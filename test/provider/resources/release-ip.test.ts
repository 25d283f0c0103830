/**
 * Deleting a load balancer releases only the IPs it allocated itself, and only with releaseIp: an
 * IP given through ipIds belongs to its Ip resource and survives, detached.
 */
import { type EmulatorHarness, startHarness } from "../../support/emulator-harness";
import { configureRuntime, create, destroy, read } from "../../support/runtime-harness";

let emulator: EmulatorHarness;
beforeAll(async () => {
  emulator = await startHarness();
  await configureRuntime(emulator.url);
});
afterAll(async () => emulator.close());

describe("LoadBalancer delete and its IPs", () => {
  it("keeps an Ip resource's address even with releaseIp, detached from the deleted LB", async () => {
    const ip = await create("Ip", {});
    const lb = await create("LoadBalancer", { ipIds: [ip.id], releaseIp: true });
    expect((await read("Ip", ip)).props.lbId).toBe(lb.id);
    await destroy("LoadBalancer", lb);
    const after = await read("Ip", ip);
    expect(after.id).toBe(ip.id);
    expect(after.props.lbId).toBe("");
  });

  it("releases the IP it allocated itself when releaseIp is set", async () => {
    const lb = await create("LoadBalancer", { releaseIp: true });
    const ips = (lb.outputs.ipIds as string[]).map((id) => id.split("/")[1]);
    expect(ips).toHaveLength(1);
    const before = (await emulator.log()).length;
    await destroy("LoadBalancer", lb);
    expect((await emulator.calls()).slice(before)[0]).toBe(`DELETE /lbs/${lb.id.split("/")[1]}`);
    const state = await emulator.state();
    expect(state.ips.map((ip) => ip.id)).not.toContain(ips[0]);
  });

  it("keeps the IP it allocated itself by default, detached", async () => {
    const lb = await create("LoadBalancer", {});
    const ipId = (lb.outputs.ipIds as string[])[0]?.split("/")[1];
    await destroy("LoadBalancer", lb);
    const state = await emulator.state();
    const ip = state.ips.find((candidate) => candidate.id === ipId);
    expect(ip).toBeDefined();
    expect(ip?.lb_id).toBeNull();
  });

  it("refuses, before any call, to mix ipIds with allocated IPs", async () => {
    const before = (await emulator.log()).length;
    await expect(
      create("LoadBalancer", {
        ipIds: ["fr-par-1/00000000-0000-4000-8000-000000000001"],
        assignFlexibleIpv6: true,
      }),
    ).rejects.toThrow(/assignFlexibleIpv6.*declare the IPv6 as an Ip resource/);
    expect((await emulator.log()).length).toBe(before);
  });
});
