/** Frontend endpoints (§2 #21–25, §3.6, §4.4). */
import { type Api, expectInvalidArgument, list, MISSING, str, useEmulator } from "./support/api";

const emu = useEmulator();
const api = (): Api => emu.api();

describe("frontends", () => {
  it("creates with defaults and embeds backend and LB the way the real API does", async () => {
    const lbId = str(await api().createLb(), "id");
    const backendId = str(await api().createBackend(lbId), "id");
    const res = await api().post(`lbs/${lbId}/frontends`, {
      name: "frt",
      inbound_port: 80,
      backend_id: backendId,
      connection_rate_limit: 0,
      certificate_ids: null,
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      certificate: null,
      certificate_ids: [],
      connection_rate_limit: null,
      timeout_client: null,
      enable_http3: false,
      enable_access_logs: false,
      backend: { id: backendId, lb: { id: lbId, instances: [] } },
      lb: { id: lbId, frontend_count: 1, instances: [{}] },
    });
    const read = await api().get(`frontends/${str(res.body, "id")}`);
    expect(read.body).toMatchObject({ lb: { instances: [] }, backend: { lb: { instances: [] } } });
    const listed = await api().get(`lbs/${lbId}/frontends`);
    expect(list(listed.body, "frontends")[0]).toMatchObject({
      lb: { instances: [{}] },
      backend: { lb: { instances: [{}] } },
    });
  });

  it("refuses a second frontend on the same inbound port of one LB", async () => {
    const { lbId, backendId } = await api().stack();
    expectInvalidArgument(
      await api().post(`lbs/${lbId}/frontends`, { name: "dup", inbound_port: 80, backend_id: backendId }),
      "inbound_port",
      "constraint",
    );
    expect(
      (await api().post(`lbs/${lbId}/frontends`, { name: "ok", inbound_port: 81, backend_id: backendId }))
        .status,
    ).toBe(200);
  });

  it("refuses a backend of another LB and answers 404 for an unknown one", async () => {
    const { lbId } = await api().stack();
    const otherLb = str(await api().createLb(), "id");
    const foreign = str(await api().createBackend(otherLb), "id");
    expectInvalidArgument(
      await api().post(`lbs/${lbId}/frontends`, { name: "x", inbound_port: 81, backend_id: foreign }),
      "backend_id",
      "constraint",
    );
    const unknown = await api().post(`lbs/${lbId}/frontends`, {
      name: "x",
      inbound_port: 81,
      backend_id: MISSING,
    });
    expect(unknown.body).toEqual({ message: "backend not Found" });
  });

  it("PUT replaces the frontend, including the backend and the timeouts", async () => {
    const { lbId, frontendId } = await api().stack();
    const second = str(await api().createBackend(lbId, { name: "b2" }), "id");
    const res = await api().put(`frontends/${frontendId}`, {
      name: "renamed",
      inbound_port: 8080,
      backend_id: second,
      timeout_client: "30000",
      connection_rate_limit: 100,
      enable_http3: true,
    });
    expect(res.body).toMatchObject({
      name: "renamed",
      inbound_port: 8080,
      backend: { id: second },
      timeout_client: 30000,
      connection_rate_limit: 100,
      enable_http3: true,
      enable_access_logs: false,
    });
    expectInvalidArgument(
      await api().put(`frontends/${frontendId}`, { name: "x", backend_id: second }),
      "inbound_port",
      "required",
    );
  });

  it("delete cascades to the frontend's ACLs and routes", async () => {
    const { frontendId } = await api().stack();
    const acl = await api().ok(
      api().post(`frontends/${frontendId}/acls`, { name: "a", action: { type: "allow" }, index: 0 }),
    );
    expect((await api().del(`frontends/${frontendId}`)).status).toBe(204);
    expect((await api().get(`frontends/${frontendId}`)).body).toEqual({ message: "frontend not Found" });
    expect((await api().get(`acls/${str(acl, "id")}`)).body).toEqual({ message: "acl not Found" });
  });
});
