/** Route endpoints (§2 #26–30, §3.7, §4.5). */
import { type Api, expectInvalidArgument, list, MISSING, str, useEmulator } from "./support/api";

const emu = useEmulator();
const api = (): Api => emu.api();

describe("routes", () => {
  it("routes by host header to an HTTP backend and emits only the set match member", async () => {
    const { lbId, frontendId } = await api().stack();
    const target = str(await api().createBackend(lbId, { name: "b2" }), "id");
    const res = await api().post("routes", {
      frontend_id: frontendId,
      backend_id: target,
      match: { host_header: "host.scaleway.com", match_subdomains: false },
    });
    expect(res.status).toBe(200);
    expect(res.body.match).toEqual({ host_header: "host.scaleway.com", match_subdomains: false });
    expect((await api().get(`lbs/${lbId}`)).body.route_count).toBe(1);
  });

  it("needs a TCP backend for sni and exactly one match member", async () => {
    const { frontendId, backendId } = await api().stack();
    expectInvalidArgument(
      await api().post("routes", { frontend_id: frontendId, backend_id: backendId, match: { sni: "a.b" } }),
      "match.sni",
      "constraint",
    );
    expectInvalidArgument(
      await api().post("routes", {
        frontend_id: frontendId,
        backend_id: backendId,
        match: { host_header: "a", path_begin: "/x" },
      }),
      "match.host_header",
      "constraint",
    );
    expectInvalidArgument(
      await api().post("routes", { frontend_id: frontendId, backend_id: backendId, match: {} }),
      "match",
      "required",
    );
  });

  it("updates, lists by frontend, and answers the real (odd) 404 body", async () => {
    const lbId = str(await api().createLb(), "id");
    const tcp = str(await api().createBackend(lbId, { forward_protocol: "tcp" }), "id");
    const frontendId = str(await api().createFrontend(lbId, tcp), "id");
    const route = await api().ok(
      api().post("routes", { frontend_id: frontendId, backend_id: tcp, match: { sni: "sni.scaleway.com" } }),
    );
    const id = str(route, "id");
    const updated = await api().put(`routes/${id}`, {
      backend_id: tcp,
      match: { sni: "sni.scaleway.com", match_subdomains: true },
    });
    expect(updated.body).toMatchObject({
      frontend_id: frontendId,
      match: { sni: "sni.scaleway.com", match_subdomains: true },
    });
    const listed = await api().get(`routes?frontend_id=${frontendId}&order_by=created_at_asc`);
    expect(list(listed.body, "routes").map((r) => str(r, "id"))).toEqual([id]);
    expect((await api().get(`routes?frontend_id=${MISSING}`)).body).toEqual({ routes: [], total_count: 0 });
    expect((await api().del(`routes/${id}`)).status).toBe(204);
    expect((await api().get(`routes/${id}`)).body).toEqual({ message: "privateNetwork not Found" });
  });
});
