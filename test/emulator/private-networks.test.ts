/** Private network attachments (§2 #52–54L, §3.10, §4.9), both path styles. */
import { type Api, expectInvalidArgument, list, MISSING, str, useEmulator } from "./support/api";

const emu = useEmulator();
const api = (): Api => emu.api();

const PN = "925eac0c-4b14-4c81-b800-b83418e63593";
const IPAM = "6f37ce50-98f4-4a8f-84ae-ef1e1b2f06bf";

describe("private networks", () => {
  it("attach answers pending, then ready on a later list; detach shows pending, then the entry is gone", async () => {
    await api().configure({ timings: { privateNetwork: { mode: "reads", reads: 1 } } });
    const lbId = str(await api().createLb(), "id");
    const res = await api().post(`lbs/${lbId}/attach-private-network`, {
      private_network_id: PN,
      ipam_ids: [IPAM],
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      private_network_id: PN,
      ipam_ids: [IPAM],
      dhcp_config: { ip_id: IPAM },
      status: "pending",
      lb: { id: lbId, private_network_count: 1, instances: [{}] },
    });
    expect(res.body).not.toHaveProperty("static_config");
    expect(res.body).not.toHaveProperty("ipam_config");
    const statuses = async () =>
      list(
        (await api().get(`lbs/${lbId}/private-networks?order_by=created_at_asc`)).body,
        "private_network",
      ).map((pn) => str(pn, "status"));
    expect(await statuses()).toEqual(["pending"]);
    expect(await statuses()).toEqual(["ready"]);
    expect((await api().post(`lbs/${lbId}/detach-private-network`, { private_network_id: PN })).status).toBe(
      204,
    );
    expect(await statuses()).toEqual(["pending"]);
    expect(await statuses()).toEqual([]);
    expect((await api().get(`lbs/${lbId}`)).body.private_network_count).toBe(0);
  });

  it("books a private IP of its own when attached without IPAM ids", async () => {
    const lbId = str(await api().createLb(), "id");
    const res = await api().post(`lbs/${lbId}/attach-private-network`, {
      private_network_id: PN,
      ipam_ids: [],
    });
    expect(res.body).toMatchObject({ ipam_ids: [], dhcp_config: { ip_id: null } });
    const entry = list((await api().get(`lbs/${lbId}/private-networks`)).body, "private_network")[0];
    expect(list(entry, "ipam_ids")).toHaveLength(1);
    expect(str(entry, "dhcp_config.ip_id")).toBe(str(entry, "ipam_ids[0]"));
  });

  it("serves the legacy paths, with static configs", async () => {
    const lbId = str(await api().createLb(), "id");
    const res = await api().post(`lbs/${lbId}/private-networks/${PN}/attach`, {
      static_config: { ip_address: ["172.16.0.100", "192.168.1.1/25"] },
    });
    expect(res.body).toMatchObject({
      private_network_id: PN,
      static_config: { ip_address: ["172.16.0.100", "192.168.1.1/25"] },
    });
    expect(res.body).not.toHaveProperty("dhcp_config");
    expect((await api().post(`lbs/${lbId}/private-networks/${PN}/detach`, {})).status).toBe(204);
    expect((await api().get(`lbs/${lbId}/private-networks`)).body.total_count).toBe(0);
  });

  it("refuses double attachment, two configs, unknown detach", async () => {
    const lbId = str(await api().createLb(), "id");
    await api().ok(api().post(`lbs/${lbId}/attach-private-network`, { private_network_id: PN }));
    expectInvalidArgument(
      await api().post(`lbs/${lbId}/attach-private-network`, { private_network_id: PN }),
      "private_network_id",
    );
    expectInvalidArgument(
      await api().post(`lbs/${lbId}/attach-private-network`, {
        private_network_id: MISSING,
        static_config: { ip_address: [] },
        dhcp_config: {},
      }),
      "dhcp_config",
      "constraint",
    );
    expectInvalidArgument(
      await api().post(`lbs/${lbId}/attach-private-network`, {}),
      "private_network_id",
      "required",
    );
    const res = await api().post(`lbs/${lbId}/detach-private-network`, { private_network_id: MISSING });
    expect(res.status).toBe(404);
  });
});
