/** The VPC v2 part LB attachments need: VPCs and private networks (regional, recorded shapes). */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startEmulator } from "../../emulator";
import { loadDataFile } from "../../emulator/persistence";
import { Api, list, MISSING, PROJECT, str, useEmulator } from "./support/api";

const emu = useEmulator();
const api = (): Api => emu.api();
const VPC = "/vpc/v2/regions/fr-par";

describe("VPC v2", () => {
  it("creates, reads, lists and deletes a VPC; routing is always on", async () => {
    const vpc = await api().ok(
      api().post(`${VPC}/vpcs`, { name: "my vpc", project_id: PROJECT, tags: [], enable_routing: false }),
    );
    expect(vpc).toMatchObject({
      name: "my vpc",
      region: "fr-par",
      is_default: false,
      routing_enabled: true,
      private_network_count: 0,
    });
    const id = str(vpc, "id");
    expect((await api().get(`${VPC}/vpcs/${id}`)).body).toEqual(vpc);
    expect((await api().get(`${VPC}/vpcs`)).body.total_count).toBe(1);
    expect((await api().del(`${VPC}/vpcs/${id}`)).status).toBe(204);
    expect((await api().get(`${VPC}/vpcs/${id}`)).body).toEqual({
      message: "resource is not found",
      resource: "vpc",
      resource_id: id,
      type: "not_found",
    });
  });

  it("puts a private network in the given VPC with the given subnet plus an IPv6 /64", async () => {
    const vpcId = str(await api().ok(api().post(`${VPC}/vpcs`, { name: "v", project_id: PROJECT })), "id");
    const pn = await api().createPrivateNetwork({ vpc_id: vpcId, subnets: ["172.16.32.0/22"] });
    expect(pn).toMatchObject({ vpc_id: vpcId, dhcp_enabled: true, default_route_propagation_enabled: false });
    const subnets = list(pn, "subnets").map((s) => str(s, "subnet"));
    expect(subnets[0]).toBe("172.16.32.0/22");
    expect(subnets[1]).toMatch(/^fd5f:519c:6d46:[0-9a-f]{1,4}::\/64$/);
    expect((await api().get(`${VPC}/vpcs/${vpcId}`)).body.private_network_count).toBe(1);
    // A VPC holding networks cannot go.
    expect((await api().del(`${VPC}/vpcs/${vpcId}`)).status).toBe(412);
    const listed = await api().get(`${VPC}/private-networks?vpc_id=${vpcId}`);
    expect(list(listed.body, "private_networks").map((p) => str(p, "id"))).toEqual([str(pn, "id")]);
  });

  it("without vpc_id or subnets: the project's default VPC (made once) and a free /22", async () => {
    const a = await api().createPrivateNetwork({ subnets: null });
    const b = await api().createPrivateNetwork();
    expect(str(a, "vpc_id")).toBe(str(b, "vpc_id"));
    expect((await api().get(`${VPC}/vpcs/${str(a, "vpc_id")}`)).body).toMatchObject({ is_default: true });
    expect(str(a, "subnets[0].subnet")).toMatch(/^172\.(1[6-9]|2\d|3[01])\.\d+\.0\/22$/);
    expect(str(a, "subnets[0].subnet")).not.toBe(str(b, "subnets[0].subnet"));
  });

  it("answers 404 in the VPC format, and 400 for an unknown region or VPC id", async () => {
    const res = await api().get(`${VPC}/private-networks/${MISSING}`);
    expect(res.status).toBe(404);
    expect(res.body).toEqual({
      message: "resource is not found",
      resource: "private_network",
      resource_id: MISSING,
      type: "not_found",
    });
    expect((await api().get("/vpc/v2/regions/xx-yyy/vpcs")).status).toBe(400);
    expect((await api().post(`${VPC}/private-networks`, { name: "p", vpc_id: MISSING })).status).toBe(404);
  });
});

describe("VPC and IPAM objects in the data file", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "lb-emulator-vpc-"));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("survive a restart, with the IP an attachment booked; a file written before they existed loads", async () => {
    const file = join(dir, "data.json");
    const first = await startEmulator({ dataFile: file });
    const api = new Api(first.url);
    const lbId = str(await api.createLb(), "id");
    const pn = str(await api.createPrivateNetwork(), "id");
    await api.ok(api.post(`lbs/${lbId}/attach-private-network`, { private_network_id: pn }));
    const entry = list((await api.get(`lbs/${lbId}/private-networks`)).body, "private_network")[0];
    const booked = str(entry, "ipam_ids[0]");
    const ip = (await api.get(`/ipam/v1/regions/fr-par/ips/${booked}`)).body;
    await first.close();

    const second = await startEmulator({ dataFile: file });
    try {
      const again = new Api(second.url);
      expect((await again.get(`/vpc/v2/regions/fr-par/private-networks/${pn}`)).status).toBe(200);
      expect((await again.get(`/ipam/v1/regions/fr-par/ips/${booked}`)).body).toEqual(ip);
    } finally {
      await second.close();
    }

    // A file of the format before VPC and IPAM existed: one snapshot line without their tables.
    const loaded = loadDataFile(file);
    if (!loaded) throw new Error("the data file is gone");
    const old: Record<string, unknown> = { ...loaded.snapshot };
    for (const key of ["vpcs", "vpcPrivateNetworks", "ipamIps"]) delete old[key];
    writeFileSync(file, `${JSON.stringify(old)}\n`);
    const third = await startEmulator({ dataFile: file });
    try {
      expect((await new Api(third.url).get(`lbs/${lbId}`)).status).toBe(200);
    } finally {
      await third.close();
    }
  });
});
