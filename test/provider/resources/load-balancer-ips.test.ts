/**
 * IPs added to a running load balancer are attached in place — `PATCH /ips/{id}` `lb_id`
 * (reference §4.2), then one read — with the same id; an address booked for it is never left
 * behind when attaching it fails.
 */
import { type EmulatorHarness, startHarness } from "../../support/emulator-harness";
import { configureRuntime, create, type Managed, read, update } from "../../support/runtime-harness";

let emulator: EmulatorHarness;
beforeAll(async () => {
  emulator = await startHarness();
  await configureRuntime(emulator.url);
});
afterAll(async () => emulator.close());

const bare = (zoned: string) => zoned.slice(zoned.indexOf("/") + 1);

async function callsDuring<T>(action: () => Promise<T>): Promise<{ result: T; calls: string[] }> {
  const before = (await emulator.log()).length;
  const result = await action();
  return { result, calls: (await emulator.calls()).slice(before) };
}

/** The update must be in place, and a second run (after a refresh) must change nothing. */
async function updateInPlace(lb: Managed, args: Record<string, unknown>) {
  const { result, calls } = await callsDuring(() => update("LoadBalancer", lb, args));
  expect(result.diff.replaces).toEqual([]);
  expect(result.managed.id).toBe(lb.id);
  const refreshed = await read("LoadBalancer", result.managed);
  const again = await update("LoadBalancer", { ...result.managed, outputs: refreshed.props }, args);
  expect(again.diff.changes).toBe(false);
  return { lb: result.managed, calls };
}

describe("IPs added to a running LoadBalancer", () => {
  it("an Ip resource's IPv6 added to ipIds: one PATCH attaching it, one read", async () => {
    const v4 = await create("Ip", {});
    const v6 = await create("Ip", { isIpv6: true });
    const lb = await create("LoadBalancer", { ipIds: [v4.id] });
    const { lb: after, calls } = await updateInPlace(lb, { ipIds: [v4.id, v6.id] });
    expect(calls).toEqual([`PATCH /ips/${bare(v6.id)}`, `GET /lbs/${bare(lb.id)}`]);
    expect(after.outputs.ipIds).toEqual([v4.id, v6.id]);
    expect(after.outputs.ipAddresses).toEqual([v4.outputs.ipAddress, v6.outputs.ipAddress]);
    expect((await read("Ip", v6)).props.lbId).toBe(lb.id);
  });

  it("an IPv4 given to a private load balancer: attached in place", async () => {
    const v4 = await create("Ip", {});
    const lb = await create("LoadBalancer", { assignFlexibleIp: false });
    expect(lb.outputs.ipIds).toEqual([]);
    const { lb: after, calls } = await updateInPlace(lb, { ipIds: [v4.id] });
    expect(calls).toEqual([`PATCH /ips/${bare(v4.id)}`, `GET /lbs/${bare(lb.id)}`]);
    expect(after.outputs.ipAddress).toBe(v4.outputs.ipAddress);
  });

  it("assignFlexibleIpv6 turned on: an IPv6 booked, attached, then one read", async () => {
    const lb = await create("LoadBalancer", {});
    const { lb: after, calls } = await updateInPlace(lb, { assignFlexibleIpv6: true });
    const [v4, v6] = after.outputs.ipIds as string[];
    expect(v4).toBe((lb.outputs.ipIds as string[])[0]);
    expect(calls).toEqual([
      "GET /ips",
      "POST /ips",
      `PATCH /ips/${bare(v6 ?? "")}`,
      `GET /lbs/${bare(lb.id)}`,
    ]);
    expect((after.outputs.ipAddresses as string[])[1]).toContain(":");
  });

  it("releases the IPv6 it booked when attaching fails, and says so", async () => {
    // Own resource names: objects with an earlier test's identity would be taken over.
    const lb = await create("LoadBalancer", { __resourceName: "refuses-v6" });
    // Out of band, the load balancer already got an IPv6: the API refuses a second one.
    const other = await create("Ip", { isIpv6: true, __resourceName: "out-of-band-v6" });
    const response = await fetch(`${emulator.url}/lb/v1/zones/fr-par-1/ips/${bare(other.id)}`, {
      method: "PATCH",
      headers: { "x-auth-token": "4f9b1c2e-test-secret-key-value-0000", "content-type": "application/json" },
      body: JSON.stringify({ lb_id: bare(lb.id) }),
    });
    expect(response.status).toBe(200);
    const before = (await emulator.state()).ips.map((ip) => ip.id);
    await expect(update("LoadBalancer", lb, { assignFlexibleIpv6: true })).rejects.toThrow(
      /LoadBalancer fr-par-1\/[0-9a-f-]+: assignFlexibleIpv6: the new IPv6 .* could not be attached \(.*already has an IPv6.*\); it was released/,
    );
    expect((await emulator.state()).ips.map((ip) => ip.id)).toEqual(before);
  });
});
