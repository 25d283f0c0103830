/** Load balancer endpoints (§2 #1–6, §4.1): JSON shape, IP rules, lists, updates, migrate, delete. */
import { type Api, expectInvalidArgument, list, MISSING, PROJECT, str, useEmulator } from "./support/api";

const emu = useEmulator();
const api = (): Api => emu.api();

const LB_KEYS = [
  "backend_count",
  "created_at",
  "description",
  "frontend_count",
  "id",
  "instances",
  "ip",
  "name",
  "organization_id",
  "private_network_count",
  "project_id",
  "region",
  "route_count",
  "ssl_compatibility_level",
  "status",
  "subscriber",
  "tags",
  "type",
  "updated_at",
  "zone",
];

describe("POST /lbs", () => {
  it("answers 200 with the LB in to_create, lower-cased type, defaults and RFC 3339 timestamps", async () => {
    const ip = await api().createIp();
    const res = await api().post("lbs", {
      project_id: PROJECT,
      name: "web",
      description: "",
      ip_id: str(ip, "id"),
      ip_ids: [],
      tags: null,
      type: "LB-S",
      ssl_compatibility_level: "ssl_compatibility_level_unknown",
    });
    expect(res.status).toBe(200);
    expect(Object.keys(res.body).sort()).toEqual(LB_KEYS);
    expect(res.body).toMatchObject({
      status: "to_create",
      instances: [],
      type: "lb-s",
      tags: [],
      subscriber: null,
      region: "fr-par",
      zone: "fr-par-1",
      ssl_compatibility_level: "ssl_compatibility_level_intermediate",
      organization_id: PROJECT,
      project_id: PROJECT,
      backend_count: 0,
    });
    expect(str(res.body, "created_at")).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);
    expect(list(res.body, "ip")).toEqual([
      expect.objectContaining({ id: str(ip, "id"), lb_id: str(res.body, "id") }),
    ]);
    expect(res.headers.get("content-type")).toBe("application/json");
  });

  it("allocates a new IPv4 when no IP is given, and v4 + v6 with both assign flags", async () => {
    const plain = await api().createLb();
    expect(list(plain, "ip")).toHaveLength(1);
    const both = await api().createLb({ assign_flexible_ip: true, assign_flexible_ipv6: true });
    const addresses = list(both, "ip").map((ip) => str(ip, "ip_address"));
    expect(addresses[0]).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(addresses[1]).toMatch(/^2001:bc8:/);
    expect(str(list(both, "ip")[1], "reverse")).toMatch(/^([0-9a-f]\.){32}lb\.fr-par\.scw\.cloud$/);
  });

  it("makes a private LB with assign_flexible_ip false and rejects an IPv6-only public LB", async () => {
    const priv = await api().createLb({ assign_flexible_ip: false });
    expect(list(priv, "ip")).toEqual([]);
    const v6 = await api().createIp({ is_ipv6: true });
    expectInvalidArgument(
      await api().post("lbs", { name: "x", ip_ids: [str(v6, "id")] }),
      "assign_flexible_ip",
    );
  });

  it("attaches exactly the given ip_ids and refuses an IP already attached (412)", async () => {
    const v4 = await api().createIp();
    const v6 = await api().createIp({ is_ipv6: true });
    const lb = await api().createLb({ ip_ids: [str(v4, "id"), str(v6, "id")] });
    expect(list(lb, "ip").map((ip) => str(ip, "id"))).toEqual([str(v4, "id"), str(v6, "id")]);
    const again = await api().post("lbs", { name: "y", ip_id: str(v4, "id") });
    expect(again.status).toBe(412);
    expect(again.body).toMatchObject({ type: "precondition_failed", precondition: "resource_still_in_use" });
  });

  it("answers 404 for an IP of another zone (ids are zone-scoped)", async () => {
    const ip = await api().createIp({}, "fr-par-2");
    const res = await api().post("lbs", { name: "x", ip_id: str(ip, "id") });
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ message: "ips not Found" });
  });

  it("validates: missing name, unknown type, bad enum, bad UUID, both project and organization", async () => {
    expectInvalidArgument(await api().post("lbs", { type: "lb-s" }), "name", "required");
    expectInvalidArgument(await api().post("lbs", { name: "x", type: "LB-HUGE" }), "type", "constraint");
    expectInvalidArgument(
      await api().post("lbs", { name: "x", ssl_compatibility_level: "very_modern" }),
      "ssl_compatibility_level",
      "constraint",
    );
    expectInvalidArgument(await api().post("lbs", { name: "x", ip_ids: ["nope"] }), "ip_ids[0]");
    expectInvalidArgument(
      await api().post("lbs", { name: "x", project_id: PROJECT, organization_id: PROJECT }),
      "organization_id",
    );
  });

  it("defaults an empty type to lb-s and accepts any case", async () => {
    expect(await api().createLb({ type: "" })).toMatchObject({ type: "lb-s" });
    expect(await api().createLb({ type: "lb-gp-m" })).toMatchObject({ type: "lb-gp-m" });
  });
});

describe("GET /lbs/{id}", () => {
  it("shows the LB ready with one ready instance after creation (instant timings)", async () => {
    const lb = await api().ok(api().post("lbs", { name: "a", project_id: PROJECT }));
    const res = await api().get(`lbs/${str(lb, "id")}`);
    expect(res.body).toMatchObject({ status: "ready", instances: [{ status: "ready", ip_address: "" }] });
  });

  it("answers the bare 404 of the real API for an unknown LB", async () => {
    const res = await api().get(`lbs/${MISSING}`);
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ message: "lbs not Found" });
    expect(res.headers.get("content-type")).toBe("application/json");
  });

  it("does not find an LB from another zone", async () => {
    const lb = await api().createLb();
    expect((await api().get(`lbs/${str(lb, "id")}`, { zone: "nl-ams-1" })).status).toBe(404);
  });
});

describe("GET /lbs", () => {
  it("paginates with page_size 20 by default and counts every match", async () => {
    for (let i = 0; i < 23; i += 1)
      await api().ok(api().post("lbs", { name: `lb-${String(i).padStart(2, "0")}` }));
    const first = await api().get("lbs");
    expect(list(first.body, "lbs")).toHaveLength(20);
    expect(first.body.total_count).toBe(23);
    const second = await api().get("lbs?page=2");
    expect(list(second.body, "lbs")).toHaveLength(3);
    const sized = await api().get("lbs?page_size=5&page=5");
    expect(list(sized.body, "lbs")).toHaveLength(3);
    expectInvalidArgument(await api().get("lbs?page_size=101"), "page_size", "constraint");
    expectInvalidArgument(await api().get("lbs?page=0"), "page", "constraint");
    expectInvalidArgument(await api().get("lbs?page=abc"), "page", "format");
  });

  it("filters by name substring, tags (any of), project and ids, and orders", async () => {
    const a = await api().createLb({ name: "tf-lb-datasource0", tags: ["a", "x"] });
    await api().createLb({ name: "tf-lb-datasource1", tags: ["b"] });
    await api().createLb({ name: "other", tags: ["c"], project_id: "22222222-2222-4222-8222-222222222222" });
    const names = async (q: string) =>
      list((await api().get(`lbs?${q}`)).body, "lbs").map((lb) => str(lb, "name"));
    expect(await names("name=tf-lb-datasource")).toEqual(["tf-lb-datasource0", "tf-lb-datasource1"]);
    expect(await names("tags=a&tags=c")).toEqual(["tf-lb-datasource0", "other"]);
    expect(await names(`project_id=${PROJECT}`)).toHaveLength(2);
    expect(await names(`lb_ids=${str(a, "id")}`)).toEqual(["tf-lb-datasource0"]);
    expect(await names("order_by=name_desc")).toEqual(["tf-lb-datasource1", "tf-lb-datasource0", "other"]);
    expect(await names("order_by=created_at_desc")).toEqual([
      "other",
      "tf-lb-datasource1",
      "tf-lb-datasource0",
    ]);
    expectInvalidArgument(await api().get("lbs?order_by=size"), "order_by", "constraint");
    expect((await api().get("lbs", { zone: "fr-par-2" })).body).toEqual({ lbs: [], total_count: 0 });
  });
});

describe("PUT /lbs/{id}", () => {
  it("replaces the editable fields and puts the instance in pending", async () => {
    const lb = await api().createLb({ description: "d", tags: ["t"] });
    const res = await api().put(`lbs/${str(lb, "id")}`, {
      name: "renamed",
      ssl_compatibility_level: "ssl_compatibility_level_modern",
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      name: "renamed",
      description: "",
      tags: [],
      status: "ready",
      ssl_compatibility_level: "ssl_compatibility_level_modern",
      instances: [{ status: "pending" }],
    });
    expectInvalidArgument(await api().put(`lbs/${str(lb, "id")}`, { description: "x" }), "name", "required");
  });
});

describe("POST /lbs/{id}/migrate", () => {
  it("answers migrating with the old type, then shows the new type on a new instance", async () => {
    const lb = await api().createLb();
    const id = str(lb, "id");
    const before = await api().get(`lbs/${id}`);
    const res = await api().post(`lbs/${id}/migrate`, { type: "LB-GP-M" });
    expect(res.body).toMatchObject({ status: "migrating", type: "lb-s" });
    const after = await api().get(`lbs/${id}`);
    expect(after.body).toMatchObject({ status: "ready", type: "lb-gp-m" });
    expect(str(after.body, "instances[0].id")).not.toBe(str(before.body, "instances[0].id"));
    expectInvalidArgument(await api().post(`lbs/${id}/migrate`, { type: "LB-NOPE" }), "type", "constraint");
    expectInvalidArgument(await api().post(`lbs/${id}/migrate`, {}), "type", "required");
  });

  it("refuses to migrate an LB that is not ready (409 transient_state)", async () => {
    await api().configure({ timings: { lbCreate: { mode: "reads", reads: 5 } } });
    const lb = await api().ok(api().post("lbs", { name: "slow" }));
    const res = await api().post(`lbs/${str(lb, "id")}/migrate`, { type: "LB-GP-M" });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({
      type: "transient_state",
      resource: "lb",
      resource_id: str(lb, "id"),
      current_state: "to_create",
    });
  });
});

describe("DELETE /lbs/{id}", () => {
  it("keeps the flexible IP with lb_id null by default, and cascades to children", async () => {
    const ip = await api().createIp();
    const lb = await api().createLb({ ip_id: str(ip, "id") });
    const lbId = str(lb, "id");
    const backend = await api().createBackend(lbId);
    const res = await api().del(`lbs/${lbId}?release_ip=false`);
    expect(res.status).toBe(204);
    expect(res.text).toBe("");
    expect((await api().get(`lbs/${lbId}`)).body).toEqual({ message: "lbs not Found" });
    expect((await api().get(`backends/${str(backend, "id")}`)).body).toEqual({
      message: "backend not Found",
    });
    expect((await api().get(`ips/${str(ip, "id")}`)).body).toMatchObject({ lb_id: null });
  });

  it("releases the IP with release_ip=true", async () => {
    const lb = await api().createLb();
    const ipId = str(lb, "ip[0].id");
    expect((await api().del(`lbs/${str(lb, "id")}?release_ip=true`)).status).toBe(204);
    expect((await api().get(`ips/${ipId}`)).body).toEqual({ message: "ips not Found" });
    const other = await api().createLb();
    expectInvalidArgument(
      await api().del(`lbs/${str(other, "id")}?release_ip=maybe`),
      "release_ip",
      "format",
    );
  });

  it("shows to_delete for the configured number of reads, and a second delete is a no-op", async () => {
    await api().configure({ timings: { lbDelete: { mode: "reads", reads: 2 } } });
    const lb = await api().createLb();
    const id = str(lb, "id");
    await api().del(`lbs/${id}`);
    expect((await api().get(`lbs/${id}`)).body).toMatchObject({ status: "to_delete" });
    expect((await api().del(`lbs/${id}`)).status).toBe(204);
    expect((await api().get(`lbs/${id}`)).body).toMatchObject({ status: "to_delete" });
    expect((await api().get(`lbs/${id}`)).status).toBe(404);
  });

  it("refuses children of an LB being created, and answers 404 for children of an unknown LB", async () => {
    await api().configure({ timings: { lbCreate: { mode: "reads", reads: 3 } } });
    const lb = await api().ok(api().post("lbs", { name: "slow" }));
    await api().get(`lbs/${str(lb, "id")}`);
    const res = await api().post(`lbs/${str(lb, "id")}/backends`, {
      name: "b",
      forward_port: 80,
      health_check: { port: 80 },
    });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ type: "transient_state", current_state: "creating" });
    const orphan = await api().post(`lbs/${MISSING}/backends`, {
      name: "b",
      forward_port: 80,
      health_check: {},
    });
    expect(orphan.body).toEqual({ message: "lbs not Found" });
  });
});
