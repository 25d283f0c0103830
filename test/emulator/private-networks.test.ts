/** Private network attachments (§2 #52–54L, §3.10, §4.9), both path styles, and their IPAM side. */
import { type Api, expectInvalidArgument, list, MISSING, PROJECT, str, useEmulator } from "./support/api";

const emu = useEmulator();
const api = (): Api => emu.api();
const IPAM = "/ipam/v1/regions/fr-par/ips";

async function bookIp(pnId: string, address?: string): Promise<string> {
  const ip = await api().ok(
    api().post(IPAM, { project_id: PROJECT, source: { private_network_id: pnId }, is_ipv6: false, address }),
  );
  return str(ip, "id");
}

describe("private networks", () => {
  it("attach answers pending, then ready on a later list; detach shows pending, then the entry is gone", async () => {
    await api().configure({ timings: { privateNetwork: { mode: "reads", reads: 1 } } });
    const lbId = str(await api().createLb(), "id");
    const pn = str(await api().createPrivateNetwork(), "id");
    const ipam = await bookIp(pn);
    const res = await api().post(`lbs/${lbId}/attach-private-network`, {
      private_network_id: pn,
      ipam_ids: [ipam],
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      private_network_id: pn,
      ipam_ids: [ipam],
      dhcp_config: { ip_id: ipam },
      status: "pending",
      lb: { id: lbId, private_network_count: 1, instances: [{}] },
    });
    expect(res.body).not.toHaveProperty("static_config");
    expect(res.body).not.toHaveProperty("ipam_config");
    const statuses = async () =>
      list(
        (await api().get(`lbs/${lbId}/private-networks?order_by=created_at_asc`)).body,
        "private_network",
      ).map((entry) => str(entry, "status"));
    expect(await statuses()).toEqual(["pending"]);
    expect(await statuses()).toEqual(["ready"]);
    expect((await api().post(`lbs/${lbId}/detach-private-network`, { private_network_id: pn })).status).toBe(
      204,
    );
    expect(await statuses()).toEqual(["pending"]);
    expect(await statuses()).toEqual([]);
    expect((await api().get(`lbs/${lbId}`)).body.private_network_count).toBe(0);
  });

  it("binds the given IPAM IP to the LB while attached, and unbinds (keeps) it on detach", async () => {
    const lb = await api().createLb({ name: "web" });
    const lbId = str(lb, "id");
    const pn = str(await api().createPrivateNetwork({ subnets: ["172.16.32.0/22"] }), "id");
    const ipam = await bookIp(pn, "172.16.32.7");
    await api().ok(
      api().post(`lbs/${lbId}/attach-private-network`, { private_network_id: pn, ipam_ids: [ipam] }),
    );
    await api().get(`lbs/${lbId}/private-networks`);
    const byResource = await api().get(
      `${IPAM}?order_by=created_at_desc&private_network_id=${pn}&resource_id=${lbId}&resource_type=lb_server`,
    );
    expect(byResource.body).toMatchObject({
      total_count: 1,
      ips: [{ id: ipam, address: "172.16.32.7/22", resource: { id: lbId, name: "web", type: "lb_server" } }],
    });
    expect(str(byResource.body, "ips[0].resource.mac_address")).toMatch(/^02:00:00(:[0-9A-F]{2}){3}$/);
    const byName = await api().get(`${IPAM}?is_ipv6=false&resource_name=web&resource_type=lb_server`);
    expect(byName.body.total_count).toBe(1);
    // Bound, the IP cannot be released; the network cannot be deleted while the LB is attached.
    expect((await api().del(`${IPAM}/${ipam}`)).status).toBe(412);
    expect((await api().del(`/vpc/v2/regions/fr-par/private-networks/${pn}`)).status).toBe(412);
    await api().post(`lbs/${lbId}/detach-private-network`, { private_network_id: pn });
    await api().get(`lbs/${lbId}/private-networks`);
    expect((await api().get(`${IPAM}/${ipam}`)).body.resource).toBeNull();
    expect((await api().del(`${IPAM}/${ipam}`)).status).toBe(204);
    expect((await api().del(`/vpc/v2/regions/fr-par/private-networks/${pn}`)).status).toBe(204);
  });

  it("books a private IP of its own when attached without IPAM ids, and releases it on detach", async () => {
    const lbId = str(await api().createLb(), "id");
    const pn = str(await api().createPrivateNetwork({ subnets: ["172.31.216.0/22"] }), "id");
    const res = await api().post(`lbs/${lbId}/attach-private-network`, {
      private_network_id: pn,
      ipam_ids: [],
    });
    expect(res.body).toMatchObject({ ipam_ids: [], dhcp_config: { ip_id: null } });
    const entry = list((await api().get(`lbs/${lbId}/private-networks`)).body, "private_network")[0];
    expect(list(entry, "ipam_ids")).toHaveLength(1);
    const booked = str(entry, "ipam_ids[0]");
    expect(str(entry, "dhcp_config.ip_id")).toBe(booked);
    expect((await api().get(`${IPAM}/${booked}`)).body).toMatchObject({
      address: "172.31.216.2/22",
      resource: { id: lbId, type: "lb_server" },
    });
    await api().post(`lbs/${lbId}/detach-private-network`, { private_network_id: pn });
    await api().get(`lbs/${lbId}/private-networks`);
    expect((await api().get(`${IPAM}/${booked}`)).status).toBe(404);
  });

  it("an LB delete takes its attachments along (booked IPs released, given ones unbound)", async () => {
    const lbId = str(await api().createLb(), "id");
    const pn1 = str(await api().createPrivateNetwork(), "id");
    const pn2 = str(await api().createPrivateNetwork(), "id");
    const given = await bookIp(pn1);
    await api().ok(
      api().post(`lbs/${lbId}/attach-private-network`, { private_network_id: pn1, ipam_ids: [given] }),
    );
    await api().ok(api().post(`lbs/${lbId}/attach-private-network`, { private_network_id: pn2 }));
    const entries = list((await api().get(`lbs/${lbId}/private-networks`)).body, "private_network");
    const booked = str(entries.find((e) => str(e, "private_network_id") === pn2) ?? null, "ipam_ids[0]");
    expect((await api().del(`lbs/${lbId}?release_ip=false`)).status).toBe(204);
    expect((await api().get(`lbs/${lbId}`)).status).toBe(404);
    expect((await api().get(`${IPAM}/${given}`)).body.resource).toBeNull();
    expect((await api().get(`${IPAM}/${booked}`)).status).toBe(404);
  });

  it("a static address outside the network's subnet ends in error; inside it, ready", async () => {
    const lbId = str(await api().createLb(), "id");
    const outside = str(await api().createPrivateNetwork({ subnets: ["172.16.32.0/22"] }), "id");
    const inside = str(await api().createPrivateNetwork({ subnets: ["192.168.1.0/24"] }), "id");
    for (const [pn, address] of [
      [outside, "10.9.9.9"],
      [inside, "192.168.1.10/24"],
    ])
      await api().ok(
        api().post(`lbs/${lbId}/attach-private-network`, {
          private_network_id: pn,
          static_config: { ip_address: [address] },
        }),
      );
    const entries = list((await api().get(`lbs/${lbId}/private-networks`)).body, "private_network");
    const statusOf = (pn: string) =>
      str(entries.find((e) => str(e, "private_network_id") === pn) ?? null, "status");
    expect([statusOf(outside), statusOf(inside)]).toEqual(["error", "ready"]);
  });

  it("serves the legacy paths, with static configs", async () => {
    const lbId = str(await api().createLb(), "id");
    const pn = str(await api().createPrivateNetwork(), "id");
    const res = await api().post(`lbs/${lbId}/private-networks/${pn}/attach`, {
      static_config: { ip_address: ["172.16.0.100", "192.168.1.1/25"] },
    });
    expect(res.body).toMatchObject({
      private_network_id: pn,
      static_config: { ip_address: ["172.16.0.100", "192.168.1.1/25"] },
    });
    expect(res.body).not.toHaveProperty("dhcp_config");
    expect((await api().post(`lbs/${lbId}/private-networks/${pn}/detach`, {})).status).toBe(204);
    expect((await api().get(`lbs/${lbId}/private-networks`)).body.total_count).toBe(0);
  });

  it("refuses unknown networks and IPs (404 in the VPC/IPAM format), foreign IPs, double attachment, two configs, unknown detach", async () => {
    const lbId = str(await api().createLb(), "id");
    const unknown = await api().post(`lbs/${lbId}/attach-private-network`, { private_network_id: MISSING });
    expect(unknown.status).toBe(404);
    expect(unknown.body).toEqual({
      message: "resource is not found",
      resource: "private_network",
      resource_id: MISSING,
      type: "not_found",
    });
    const pn = str(await api().createPrivateNetwork(), "id");
    const other = str(await api().createPrivateNetwork(), "id");
    const unknownIp = await api().post(`lbs/${lbId}/attach-private-network`, {
      private_network_id: pn,
      ipam_ids: [MISSING],
    });
    expect(unknownIp.status).toBe(404);
    expect(unknownIp.body).toMatchObject({ resource: "ip", resource_id: MISSING, type: "not_found" });
    expectInvalidArgument(
      await api().post(`lbs/${lbId}/attach-private-network`, {
        private_network_id: pn,
        ipam_ids: [await bookIp(other)],
      }),
      "ipam_ids",
    );
    await api().ok(api().post(`lbs/${lbId}/attach-private-network`, { private_network_id: pn }));
    expectInvalidArgument(
      await api().post(`lbs/${lbId}/attach-private-network`, { private_network_id: pn }),
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
