/**
 * Lookups of what hangs off a load balancer or a frontend — backends, frontends, certificates,
 * routes, ACLs — against the emulator: by id (and checked against the parent given), by exact name
 * within the parent, list filters, every page read, missing parents, "not found" and "more than one".
 */
import { type EmulatorHarness, startHarness } from "../../support/emulator-harness";
import { configureRuntime, create, TEST_PROJECT } from "../../support/runtime-harness";
import { failure, items, lookup, lookupContext, OTHER_PROJECT } from "./support";

const MISSING = "fr-par-1/00000000-0000-4000-8000-000000000000";

describe("lookups of backends, frontends, certificates, routes and ACLs", () => {
  let emulator: EmulatorHarness;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    emulator = await startHarness();
    await configureRuntime(emulator.url);
    ids.lb = (await create("LoadBalancer", { name: "shop" })).id;
    ids.otherLb = (await create("LoadBalancer", { name: "blog", projectId: OTHER_PROJECT })).id;
    const backend = (name: string, port: number, lbId = ids.lb) =>
      create("Backend", { lbId, name, forwardPort: port, forwardProtocol: "http", serverIps: ["10.0.0.1"] });
    ids.app = (await backend("app", 8080)).id;
    ids.api = (await backend("api", 8081)).id;
    ids.twin1 = (await backend("twin", 8082)).id;
    ids.twin2 = (await backend("twin", 8083)).id;
    ids.blogBackend = (await backend("app", 8080, ids.otherLb)).id;
    ids.http = (
      await create("Frontend", { lbId: ids.lb, name: "http", backendId: ids.app, inboundPort: 80 })
    ).id;
    ids.alt = (
      await create("Frontend", { lbId: ids.lb, name: "alt", backendId: ids.api, inboundPort: 8080 })
    ).id;
    ids.blogHttp = (
      await create("Frontend", {
        lbId: ids.otherLb,
        name: "http",
        backendId: ids.blogBackend,
        inboundPort: 80,
      })
    ).id;
    ids.route1 = (
      await create("Route", {
        frontendId: ids.http,
        backendId: ids.api,
        match: { hostHeader: "api.shop.fr" },
      })
    ).id;
    ids.route2 = (
      await create("Route", { frontendId: ids.alt, backendId: ids.app, match: { pathBegin: "/app" } })
    ).id;
    ids.blogRoute = (
      await create("Route", {
        frontendId: ids.blogHttp,
        backendId: ids.blogBackend,
        match: { hostHeader: "blog.fr" },
      })
    ).id;
    for (const [name, index] of [
      ["office", 1],
      ["vpn", 2],
      ["office-2", 3],
    ] as const) {
      ids[`acl-${name}`] = (
        await create("Acl", {
          frontendId: ids.http,
          name,
          index,
          action: { type: "allow" },
          match: { ipSubnet: ["10.0.0.0/8"] },
        })
      ).id;
    }
    ids.cert = (
      await create("Certificate", {
        lbId: ids.lb,
        name: "site",
        letsencrypt: { commonName: "shop.acme-corp.fr" },
      })
    ).id;
  }, 60_000);
  afterAll(async () => emulator.close());

  const ctx = () => lookupContext(emulator.url);
  const idsOf = (result: Record<string, unknown>, key: string) =>
    items(result as never, key).map((x) => x.id);

  it("getBackend: by id, or by exact name within its load balancer, with the Backend's properties", async () => {
    const byName = await lookup(ctx(), "getBackend", { name: "app", lbId: ids.lb });
    expect(byName).toMatchObject({
      id: ids.app,
      backendId: ids.app,
      lbId: ids.lb,
      name: "app",
      forwardPort: 8080,
    });
    expect(byName.serverIps).toEqual(["10.0.0.1"]);
    expect(byName).toHaveProperty("healthCheck.tcpConfig");
    expect(await lookup(ctx(), "getBackend", { backendId: ids.app })).toEqual(byName);
    const elsewhere = await failure(ctx(), "getBackend", { backendId: ids.app, lbId: ids.otherLb });
    expect(elsewhere).toEqual({
      kind: "not_found",
      message: expect.stringContaining(
        `backend ${ids.app} belongs to load balancer ${ids.lb}, not ${ids.otherLb}`,
      ),
    });
  });

  it("getBackend: more than one, none, a missing parent, and a name without its parent", async () => {
    const twins = await failure(ctx(), "getBackend", { name: "twin", lbId: ids.lb });
    expect(twins.kind).toBe("ambiguous");
    expect(twins.message).toContain(`${ids.twin1}, ${ids.twin2}; give backendId to pick one`);
    const none = await failure(ctx(), "getBackend", { name: "ap", lbId: ids.lb });
    expect(none.message).toBe(
      `getBackend: no backend found (searched: name "ap", lbId "${ids.lb}", zone fr-par-1)`,
    );
    expect(await failure(ctx(), "getBackend", { name: "app", lbId: MISSING })).toEqual({
      kind: "not_found",
      message: `getBackend: no load balancer found (searched: name "app", lbId "${MISSING}", zone fr-par-1)`,
    });
    expect((await failure(ctx(), "getBackend", { name: "app" })).message).toContain("name needs lbId too");
  });

  it("getBackends: name substring, project filter, every page", async () => {
    const all = await lookup(ctx(), "getBackends", { lbId: ids.lb });
    expect(idsOf(all, "backends")).toEqual([ids.app, ids.api, ids.twin1, ids.twin2]);
    expect(all).toMatchObject({ id: "fr-par-1", zone: "fr-par-1", lbId: ids.lb });
    expect(idsOf(await lookup(ctx(), "getBackends", { lbId: ids.lb, name: "tw" }), "backends")).toEqual([
      ids.twin1,
      ids.twin2,
    ]);
    expect(
      idsOf(await lookup(ctx(), "getBackends", { lbId: ids.lb, projectId: OTHER_PROJECT }), "backends"),
    ).toEqual([]);
    const before = (await emulator.log()).length;
    const paged = await lookup(lookupContext(emulator.url, { pageSize: 3 }), "getBackends", { lbId: ids.lb });
    expect(idsOf(paged, "backends")).toHaveLength(4);
    expect((await emulator.calls()).slice(before)).toHaveLength(2);
    expect((await failure(ctx(), "getBackends", {})).message).toContain("lbId is required");
  });

  it("getFrontend and getFrontends", async () => {
    const http = await lookup(ctx(), "getFrontend", { name: "http", lbId: ids.lb });
    expect(http).toMatchObject({ id: ids.http, frontendId: ids.http, backendId: ids.app, inboundPort: 80 });
    expect(await lookup(ctx(), "getFrontend", { frontendId: ids.http })).toEqual(http);
    expect(idsOf(await lookup(ctx(), "getFrontends", { lbId: ids.lb }), "frontends")).toEqual([
      ids.http,
      ids.alt,
    ]);
    expect(
      idsOf(await lookup(ctx(), "getFrontends", { lbId: ids.otherLb, name: "ht" }), "frontends"),
    ).toEqual([ids.blogHttp]);
    expect((await failure(ctx(), "getFrontend", { frontendId: MISSING })).kind).toBe("not_found");
  });

  it("getRoute and getRoutes: by frontend, the whole zone, or one project's", async () => {
    const route = await lookup(ctx(), "getRoute", { routeId: ids.route1 });
    expect(route).toMatchObject({
      id: ids.route1,
      routeId: ids.route1,
      frontendId: ids.http,
      backendId: ids.api,
    });
    expect(route.match).toMatchObject({ hostHeader: "api.shop.fr" });
    expect(idsOf(await lookup(ctx(), "getRoutes", { frontendId: ids.alt }), "routes")).toEqual([ids.route2]);
    expect(idsOf(await lookup(ctx(), "getRoutes", {}), "routes")).toEqual([
      ids.route1,
      ids.route2,
      ids.blogRoute,
    ]);
    // A route does not name its project: each distinct frontend is read once.
    const before = (await emulator.log()).length;
    const mine = await lookup(ctx(), "getRoutes", { projectId: TEST_PROJECT });
    expect(idsOf(mine, "routes")).toEqual([ids.route1, ids.route2]);
    const calls = (await emulator.calls()).slice(before);
    expect(calls.filter((c) => c.startsWith("GET /frontends/"))).toHaveLength(3);
    expect(calls.every((c) => c.startsWith("GET "))).toBe(true);
    expect((await failure(ctx(), "getRoute", { routeId: MISSING })).message).toBe(
      `getRoute: no route found (searched: routeId "${MISSING}", zone fr-par-1)`,
    );
  });

  it("getAcls: by frontend, filtered by name", async () => {
    const acls = await lookup(ctx(), "getAcls", { frontendId: ids.http });
    expect(idsOf(acls, "acls")).toEqual([ids["acl-office"], ids["acl-vpn"], ids["acl-office-2"]]);
    expect(items(acls, "acls")[0]).toMatchObject({ name: "office", index: 1, action: { type: "allow" } });
    expect(idsOf(await lookup(ctx(), "getAcls", { frontendId: ids.http, name: "office" }), "acls")).toEqual([
      ids["acl-office"],
      ids["acl-office-2"],
    ]);
    const paged = await lookup(lookupContext(emulator.url, { pageSize: 1 }), "getAcls", {
      frontendId: ids.http,
    });
    expect(idsOf(paged, "acls")).toHaveLength(3);
    expect((await failure(ctx(), "getAcls", { frontendId: MISSING })).message).toContain("no frontend found");
  });

  it("getCertificate: by name within the load balancer, or by id; never a private key", async () => {
    const cert = await lookup(ctx(), "getCertificate", { name: "site", lbId: ids.lb });
    expect(cert).toMatchObject({
      id: ids.cert,
      certificateId: ids.cert,
      type: "letsencrypt",
      commonName: "shop.acme-corp.fr",
    });
    expect(cert).not.toHaveProperty("customCertificate");
    expect(await lookup(ctx(), "getCertificate", { certificateId: ids.cert })).toEqual(cert);
    expect((await failure(ctx(), "getCertificate", { name: "site", lbId: ids.otherLb })).kind).toBe(
      "not_found",
    );
  });
});
