/** Flexible IP endpoints (§2 #7–11, §4.2). */
import { DEFAULT_PROJECT_ID } from "../../emulator/handlers/project";
import { type Api, expectInvalidArgument, list, MISSING, PROJECT, str, useEmulator } from "./support/api";

const emu = useEmulator();
const api = (): Api => emu.api();

describe("flexible IPs", () => {
  it("creates an IPv4 with its generated reverse and every field present", async () => {
    const res = await api().post("ips", { project_id: PROJECT, is_ipv6: false, tags: [] });
    expect(res.status).toBe(200);
    expect(Object.keys(res.body).sort()).toEqual(
      [
        "id",
        "ip_address",
        "lb_id",
        "organization_id",
        "project_id",
        "region",
        "reverse",
        "tags",
        "zone",
      ].sort(),
    );
    const address = str(res.body, "ip_address");
    expect(res.body).toMatchObject({
      lb_id: null,
      region: "fr-par",
      zone: "fr-par-1",
      reverse: `${address.replaceAll(".", "-")}.lb.fr-par.scw.cloud`,
    });
  });

  it("creates an IPv6 with a nibble-format reverse, in the zone's region", async () => {
    const ip = await api().createIp({ is_ipv6: true }, "nl-ams-1");
    expect(str(ip, "ip_address")).toMatch(/^2001:bc8:71[01]:[0-9a-f]+::$/);
    expect(str(ip, "reverse")).toMatch(/^([0-9a-f]\.){32}lb\.nl-ams\.scw\.cloud$/);
    expect(ip).toMatchObject({ region: "nl-ams", zone: "nl-ams-1" });
  });

  it("PATCH changes only the fields present", async () => {
    const ip = await api().createIp({ tags: ["a"] });
    const id = str(ip, "id");
    const reversed = await api().patch(`ips/${id}`, { reverse: "myreverse.com" });
    expect(reversed.body).toMatchObject({ reverse: "myreverse.com", tags: ["a"] });
    const tagged = await api().patch(`ips/${id}`, { tags: ["a", "b"], reverse: null });
    expect(tagged.body).toMatchObject({ reverse: "myreverse.com", tags: ["a", "b"] });
  });

  it("PATCH lb_id attaches the IP to an LB", async () => {
    const lb = await api().createLb({ assign_flexible_ip: false });
    const ip = await api().createIp();
    const res = await api().patch(`ips/${str(ip, "id")}`, { lb_id: str(lb, "id") });
    expect(res.body).toMatchObject({ lb_id: str(lb, "id") });
    expect(list((await api().get(`lbs/${str(lb, "id")}`)).body, "ip")).toHaveLength(1);
    const second = await api().createIp();
    expectInvalidArgument(await api().patch(`ips/${str(second, "id")}`, { lb_id: str(lb, "id") }), "lb_id");
    expect((await api().patch(`ips/${str(second, "id")}`, { lb_id: MISSING })).body).toEqual({
      message: "lbs not Found",
    });
  });

  it("releases a free IP (204, then 404) and refuses one attached to an LB (412)", async () => {
    const lb = await api().createLb();
    const attached = await api().del(`ips/${str(lb, "ip[0].id")}`);
    expect(attached.status).toBe(412);
    expect(attached.body).toMatchObject({
      type: "precondition_failed",
      precondition: "resource_still_in_use",
    });
    const ip = await api().createIp();
    expect((await api().del(`ips/${str(ip, "id")}`)).status).toBe(204);
    expect((await api().get(`ips/${str(ip, "id")}`)).body).toEqual({ message: "ips not Found" });
    expect((await api().del(`ips/${str(ip, "id")}`)).body).toEqual({ message: "ips not Found" });
  });

  it("lists sorted by address, filtered by ip_type, tags (any of) and exact address", async () => {
    const v4 = await api().createIp({ tags: ["x"] });
    await api().createIp({ tags: ["y"] });
    await api().createIp({ is_ipv6: true, tags: ["z"] });
    const all = list((await api().get("ips")).body, "ips").map((ip) => str(ip, "ip_address"));
    expect(all).toEqual([...all].sort((a, b) => a.localeCompare(b)));
    expect((await api().get("ips?ip_type=ipv6")).body.total_count).toBe(1);
    expect((await api().get("ips?ip_type=ipv4")).body.total_count).toBe(2);
    expect((await api().get("ips?tags=x&tags=z")).body.total_count).toBe(2);
    expect((await api().get(`ips?ip_address=${str(v4, "ip_address")}`)).body.total_count).toBe(1);
    expect((await api().get("ips", { zone: "fr-par-2" })).body).toEqual({ ips: [], total_count: 0 });
    expectInvalidArgument(await api().get("ips?ip_type=ipv5"), "ip_type", "constraint");
  });

  it("falls back to the default project when none is named", async () => {
    const res = await api().post("ips", {});
    expect(res.body).toMatchObject({ project_id: DEFAULT_PROJECT_ID, organization_id: DEFAULT_PROJECT_ID });
    const org = await api().post("ips", { organization_id: PROJECT });
    expect(org.body).toMatchObject({ project_id: PROJECT, organization_id: PROJECT });
  });

  it("validates types", async () => {
    expectInvalidArgument(await api().post("ips", { is_ipv6: "yes" }), "is_ipv6", "format");
    expectInvalidArgument(await api().post("ips", { tags: "a" }), "tags", "format");
  });
});
