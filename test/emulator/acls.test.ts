/** ACL endpoints (§2 #33–38, §3.8, §4.6), including SetACLs. */
import { type Api, expectInvalidArgument, list, str, useEmulator } from "./support/api";

const emu = useEmulator();
const api = (): Api => emu.api();

const allowAll = { name: "a", action: { type: "allow", redirect: null }, index: 1, description: "" };

describe("ACLs", () => {
  it("creates with observed normalisations: [] for null values, lower-cased header name", async () => {
    const { frontendId } = await api().stack();
    const res = await api().post(`frontends/${frontendId}/acls`, {
      ...allowAll,
      match: {
        ip_subnet: ["0.0.0.0/0", "2001:db8::/32"],
        ips_edge_services: false,
        http_filter: "http_header_match",
        http_filter_value: ["example.com"],
        http_filter_option: "Host",
        invert: false,
      },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      action: { type: "allow", redirect: null },
      description: "",
      index: 1,
      match: {
        http_filter_option: "host",
        http_filter_value: ["example.com"],
        ip_subnet: ["0.0.0.0/0", "2001:db8::/32"],
      },
      frontend: { id: frontendId, lb: { instances: [] }, backend: { lb: { instances: [] } } },
    });
    const bare = await api().ok(
      api().post(`frontends/${frontendId}/acls`, {
        ...allowAll,
        index: 2,
        match: { ip_subnet: null, http_filter_value: null },
      }),
    );
    expect(bare.match).toMatchObject({
      ip_subnet: ["0.0.0.0/0"],
      http_filter_value: [],
      http_filter: "acl_http_filter_none",
      http_filter_option: null,
    });
  });

  it("supports redirect actions and validates them", async () => {
    const { frontendId } = await api().stack();
    const redirect = await api().ok(
      api().post(`frontends/${frontendId}/acls`, {
        ...allowAll,
        action: {
          type: "redirect",
          redirect: { type: "location", target: "https://example.com", code: 307 },
        },
      }),
    );
    expect(redirect.action).toEqual({
      type: "redirect",
      redirect: { type: "location", target: "https://example.com", code: 307 },
    });
    expectInvalidArgument(
      await api().post(`frontends/${frontendId}/acls`, { ...allowAll, action: { type: "redirect" } }),
      "action.redirect.target",
      "required",
    );
    expectInvalidArgument(
      await api().post(`frontends/${frontendId}/acls`, {
        ...allowAll,
        action: { type: "redirect", redirect: { target: "https://x", code: 200 } },
      }),
      "action.redirect.code",
      "constraint",
    );
    expectInvalidArgument(
      await api().post(`frontends/${frontendId}/acls`, { ...allowAll, action: { type: "drop" } }),
      "action.type",
      "constraint",
    );
  });

  it("rejects bad subnets and HTTP filters on a TCP frontend", async () => {
    const lbId = str(await api().createLb(), "id");
    const tcp = str(await api().createBackend(lbId, { forward_protocol: "tcp" }), "id");
    const frontendId = str(await api().createFrontend(lbId, tcp), "id");
    expectInvalidArgument(
      await api().post(`frontends/${frontendId}/acls`, {
        ...allowAll,
        match: { ip_subnet: ["10.0.0.0/33"] },
      }),
      "match.ip_subnet[0]",
    );
    expectInvalidArgument(
      await api().post(`frontends/${frontendId}/acls`, {
        ...allowAll,
        match: { http_filter: "path_begin", http_filter_value: ["/a"] },
      }),
      "match.http_filter",
      "constraint",
    );
    expectInvalidArgument(
      await api().post(`frontends/${frontendId}/acls`, { name: "x", action: {} }),
      "index",
      "required",
    );
  });

  it("PUT /frontends/{id}/acls replaces the whole set with new ids", async () => {
    const { frontendId } = await api().stack();
    const old = await api().ok(api().post(`frontends/${frontendId}/acls`, allowAll));
    const res = await api().put(`frontends/${frontendId}/acls`, {
      acls: [
        { ...allowAll, name: "one", index: 0 },
        { ...allowAll, name: "two", index: 1, action: { type: "deny" } },
      ],
    });
    expect(res.status).toBe(200);
    expect(res.body.total_count).toBe(2);
    expect((await api().get(`acls/${str(old, "id")}`)).body).toEqual({ message: "acl not Found" });
    const listed = await api().get(`frontends/${frontendId}/acls?order_by=name_desc`);
    expect(list(listed.body, "acls").map((a) => str(a, "name"))).toEqual(["two", "one"]);
    expect((await api().get(`frontends/${frontendId}/acls?name=tw`)).body.total_count).toBe(1);
    expectInvalidArgument(
      await api().put(`frontends/${frontendId}/acls`, { acls: [{ name: "x" }] }),
      "acls[0].action",
      "required",
    );
  });

  it("updates by full replacement and deletes", async () => {
    const { frontendId } = await api().stack();
    const acl = await api().ok(api().post(`frontends/${frontendId}/acls`, { ...allowAll, description: "d" }));
    const id = str(acl, "id");
    const res = await api().put(`acls/${id}`, { name: "n", action: { type: "deny" }, index: 3 });
    expect(res.body).toMatchObject({
      name: "n",
      description: "",
      index: 3,
      action: { type: "deny" },
      frontend: { lb: { instances: [{}] } },
    });
    expect(res.body.created_at).toBe(acl.created_at);
    expect((await api().del(`acls/${id}`)).status).toBe(204);
    expect((await api().get(`acls/${id}`)).status).toBe(404);
  });
});
