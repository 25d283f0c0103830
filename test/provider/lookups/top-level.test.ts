/**
 * getLoadBalancer(s) and getIp(s) against the emulator: by id and by name/address, the filters
 * (name substring, every tag, family, CIDR range), zone and project defaults from configuration,
 * every page read, "not found" and "more than one" naming the search — with GET calls only.
 */
import { type EmulatorHarness, startHarness } from "../../support/emulator-harness";
import { configureRuntime, create, TEST_PROJECT } from "../../support/runtime-harness";
import { failure, items, lookup, lookupContext, OTHER_PROJECT, postIp } from "./support";

const MUTATING = /^(POST|PUT|PATCH|DELETE) /;

describe("load balancer and IP lookups", () => {
  let emulator: EmulatorHarness;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    emulator = await startHarness();
    await configureRuntime(emulator.url);
    ids.edge = (await create("LoadBalancer", { name: "edge", tags: ["prod", "web"] })).id;
    ids.edge2 = (await create("LoadBalancer", { name: "edge-2", tags: ["prod"] })).id;
    ids.otherEdge = (
      await create("LoadBalancer", { name: "edge", projectId: OTHER_PROJECT, tags: ["web"] })
    ).id;
    ids.amsEdge = (await create("LoadBalancer", { name: "edge", zone: "nl-ams-1" })).id;
    // IPs in a zone of their own: 101 IPv4 (every other one tagged), one IPv6, one of another project.
    for (let i = 0; i < 101; i++)
      await postIp(emulator.url, "pl-waw-1", TEST_PROJECT, { tags: i % 2 ? [] : ["even"] });
    await postIp(emulator.url, "pl-waw-1", TEST_PROJECT, { is_ipv6: true, tags: ["v6"] });
    await postIp(emulator.url, "pl-waw-1", OTHER_PROJECT, { tags: ["even"] });
  }, 60_000);
  afterAll(async () => emulator.close());

  describe("getLoadBalancer", () => {
    it("finds one by exact name in the configured zone and project, with the LoadBalancer's properties", async () => {
      const ctx = lookupContext(emulator.url);
      const before = (await emulator.log()).length;
      const lb = await lookup(ctx, "getLoadBalancer", { name: "edge" });
      expect(lb).toMatchObject({
        id: ids.edge,
        lbId: ids.edge,
        name: "edge",
        zone: "fr-par-1",
        projectId: TEST_PROJECT,
      });
      expect(lb.tags).toEqual(["prod", "web"]);
      expect(lb.status).toBe("ready");
      expect(lb).toHaveProperty("ipAddress");
      expect((await emulator.calls()).slice(before)).toEqual(["GET /lbs"]);
    });

    it("searches the zone and project given instead of the configured ones", async () => {
      const ctx = lookupContext(emulator.url);
      expect((await lookup(ctx, "getLoadBalancer", { name: "edge", zone: "nl-ams-1" })).id).toBe(ids.amsEdge);
      expect((await lookup(ctx, "getLoadBalancer", { name: "edge", projectId: OTHER_PROJECT })).id).toBe(
        ids.otherEdge,
      );
      const amsterdam = lookupContext(emulator.url, { defaultZone: "nl-ams-1" });
      expect((await lookup(amsterdam, "getLoadBalancer", { name: "edge" })).id).toBe(ids.amsEdge);
    });

    it("by id: the zone comes from the id; a bare UUID is in `zone`", async () => {
      const ctx = lookupContext(emulator.url);
      const bare = (ids.amsEdge ?? "").split("/")[1];
      expect((await lookup(ctx, "getLoadBalancer", { lbId: ids.amsEdge })).name).toBe("edge");
      expect((await lookup(ctx, "getLoadBalancer", { lbId: bare, zone: "nl-ams-1" })).id).toBe(ids.amsEdge);
      // A lookup by id ignores the configured project, and checks a given one.
      expect((await lookup(ctx, "getLoadBalancer", { lbId: ids.otherEdge })).projectId).toBe(OTHER_PROJECT);
      const wrongProject = await failure(ctx, "getLoadBalancer", {
        lbId: ids.otherEdge,
        projectId: TEST_PROJECT,
      });
      expect(wrongProject.kind).toBe("not_found");
      expect(wrongProject.message).toContain(`belongs to project ${OTHER_PROJECT}, not ${TEST_PROJECT}`);
    });

    it("not found: the message names the function and what was searched", async () => {
      const ctx = lookupContext(emulator.url);
      const byName = await failure(ctx, "getLoadBalancer", { name: "edg" });
      expect(byName.kind).toBe("not_found");
      expect(byName.message).toBe(
        `getLoadBalancer: no load balancer found (searched: name "edg", zone fr-par-1, project ${TEST_PROJECT})`,
      );
      const byId = await failure(ctx, "getLoadBalancer", {
        lbId: "fr-par-2/00000000-0000-4000-8000-000000000000",
      });
      expect(byId.kind).toBe("not_found");
      expect(byId.message).toContain('lbId "fr-par-2/00000000-0000-4000-8000-000000000000", zone fr-par-2');
    });

    it("more than one match: lists them and says how to pick one", async () => {
      const anyProject = lookupContext(emulator.url, { defaultProjectId: undefined });
      const { kind, message } = await failure(anyProject, "getLoadBalancer", { name: "edge" });
      expect(kind).toBe("ambiguous");
      expect(message).toContain(
        'getLoadBalancer: 2 objects match, expected one load balancer (searched: name "edge", zone fr-par-1, every project)',
      );
      expect(message).toContain(`${ids.edge} (project ${TEST_PROJECT})`);
      expect(message).toContain(`${ids.otherEdge} (project ${OTHER_PROJECT})`);
      expect(message).toContain("give lbId (or projectId) to pick one");
    });

    it.each([
      [{}, "give exactly one of lbId, name; none is given"],
      [{ name: "edge", lbId: "fr-par-1/00000000-0000-4000-8000-000000000000" }, "lbId and name are given"],
      [{ lbid: "x" }, "lbid is not an argument of getLoadBalancer: allowed are lbId, name, zone, projectId"],
      [{ name: "edge", zone: "mars-1" }, 'zone "mars-1" is not valid'],
      [
        { lbId: "nl-ams-1/00000000-0000-4000-8000-000000000000", zone: "fr-par-1" },
        "lbId is in zone nl-ams-1, but zone is fr-par-1",
      ],
      [{ name: "edge", projectId: "not-a-uuid" }, 'projectId "not-a-uuid" is not valid'],
    ])("invalid arguments %j: %s", async (args, reason) => {
      const { kind, message } = await failure(lookupContext(emulator.url), "getLoadBalancer", args);
      expect(kind).toBe("invalid_arguments");
      expect(message).toContain(reason);
    });
  });

  describe("getLoadBalancers", () => {
    it("filters by name substring in the configured zone and project", async () => {
      const found = await lookup(lookupContext(emulator.url), "getLoadBalancers", { name: "edge" });
      expect(items(found, "lbs").map((lb) => lb.id)).toEqual([ids.edge, ids.edge2]);
      expect(found).toMatchObject({
        id: "fr-par-1",
        zone: "fr-par-1",
        projectId: TEST_PROJECT,
        name: "edge",
      });
    });

    it("keeps only those with every tag given (the API's filter matches any one)", async () => {
      const ctx = lookupContext(emulator.url, { defaultProjectId: undefined });
      const both = await lookup(ctx, "getLoadBalancers", { tags: ["prod", "web"] });
      expect(items(both, "lbs").map((lb) => lb.id)).toEqual([ids.edge]);
      const web = await lookup(ctx, "getLoadBalancers", { tags: ["web"] });
      expect(items(web, "lbs").map((lb) => lb.id)).toEqual([ids.edge, ids.otherEdge]);
      expect(web).not.toHaveProperty("projectId");
    });

    it("reads every page: with 2 per page, three load balancers take two GETs", async () => {
      const ctx = lookupContext(emulator.url, { defaultProjectId: undefined, pageSize: 2 });
      const before = (await emulator.log()).length;
      const found = await lookup(ctx, "getLoadBalancers", {});
      expect(items(found, "lbs")).toHaveLength(3);
      expect((await emulator.calls()).slice(before)).toEqual(["GET /lbs", "GET /lbs"]);
    });
  });

  describe("getIps and getIp", () => {
    it("reads beyond the first page: 102 IPs of the project take two GETs of 100", async () => {
      const ctx = lookupContext(emulator.url);
      const before = (await emulator.log()).length;
      const found = await lookup(ctx, "getIps", { zone: "pl-waw-1" });
      expect(items(found, "ips")).toHaveLength(102);
      expect((await emulator.calls()).slice(before)).toEqual(["GET /ips", "GET /ips"]);
      expect(items(found, "ips").every((ip) => ip.projectId === TEST_PROJECT)).toBe(true);
    });

    it("filters by family, tags and project", async () => {
      const ctx = lookupContext(emulator.url, { defaultZone: "pl-waw-1" });
      expect(items(await lookup(ctx, "getIps", { ipType: "ipv6" }), "ips").map((ip) => ip.isIpv6)).toEqual([
        true,
      ]);
      expect(items(await lookup(ctx, "getIps", { ipType: "ipv4" }), "ips")).toHaveLength(101);
      expect(items(await lookup(ctx, "getIps", { tags: ["even"] }), "ips")).toHaveLength(51);
      expect(
        items(await lookup(ctx, "getIps", { tags: ["even"], projectId: OTHER_PROJECT }), "ips"),
      ).toHaveLength(1);
    });

    it("filters by CIDR range, IPv4 and IPv6", async () => {
      const ctx = lookupContext(emulator.url, { defaultZone: "pl-waw-1" });
      const all = items(await lookup(ctx, "getIps", {}), "ips").map((ip) => String(ip.ipAddress));
      const v4 = all.find((a) => !a.includes(":")) ?? "";
      const v6 = all.find((a) => a.includes(":")) ?? "";
      const [a, b] = v4.split(".");
      const sameSlash16 = all.filter((x) => x.startsWith(`${a}.${b}.`));
      const inRange = await lookup(ctx, "getIps", { ipCidrRange: `${a}.${b}.0.0/16` });
      expect(items(inRange, "ips").map((ip) => ip.ipAddress)).toEqual(sameSlash16);
      expect(
        items(await lookup(ctx, "getIps", { ipCidrRange: `${v4}/32` }), "ips").map((ip) => ip.ipAddress),
      ).toEqual([v4]);
      expect(
        items(await lookup(ctx, "getIps", { ipCidrRange: v6 }), "ips").map((ip) => ip.ipAddress),
      ).toEqual([v6]);
      expect(items(await lookup(ctx, "getIps", { ipCidrRange: "192.0.2.0/24" }), "ips")).toEqual([]);
      expect((await failure(ctx, "getIps", { ipCidrRange: "10.0.0.0/33" })).kind).toBe("invalid_arguments");
    });

    it("getIp finds one by address or id, with the Ip's properties", async () => {
      const ctx = lookupContext(emulator.url, { defaultZone: "pl-waw-1" });
      const [first] = items(await lookup(ctx, "getIps", { tags: ["v6"] }), "ips");
      const byAddress = await lookup(ctx, "getIp", { ipAddress: String(first?.ipAddress) });
      expect(byAddress).toMatchObject({
        id: first?.id,
        ipId: first?.id,
        isIpv6: true,
        tags: ["v6"],
        lbId: "",
      });
      expect(await lookup(lookupContext(emulator.url), "getIp", { ipId: first?.id })).toEqual(byAddress);
      const missing = await failure(ctx, "getIp", { ipAddress: "192.0.2.1" });
      expect(missing.message).toBe(
        `getIp: no flexible IP found (searched: ipAddress "192.0.2.1", zone pl-waw-1, project ${TEST_PROJECT})`,
      );
    });

    it("change nothing: every call they make is a GET", async () => {
      const before = (await emulator.log()).length;
      const ctx = lookupContext(emulator.url, { defaultProjectId: undefined });
      for (const name of ["getLoadBalancers", "getIps"]) await lookup(ctx, name, {});
      await lookup(ctx, "getLoadBalancer", { lbId: ids.edge });
      const calls = (await emulator.calls()).slice(before);
      expect(calls.length).toBeGreaterThan(0);
      expect(calls.filter((c) => MUTATING.test(c))).toEqual([]);
    });
  });
});
