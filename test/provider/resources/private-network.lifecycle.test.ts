/**
 * PrivateNetwork (the LB ↔ private network attachment) against the emulator, with the exact API
 * calls of each step: attach (IPAM id, booked by the LB, static), no drift after a read, drift
 * after out-of-band changes, adoption, exactly-once attach after a lost answer, detach; and the
 * LoadBalancer's `privateIps`/`ipv6Address` and its delete with an attachment left on.
 */

import * as runtime from "../../../provider/runtime";
import { type EmulatorHarness, startHarness } from "../../support/emulator-harness";
import { configureRuntime, create, destroy, type Managed, read, update } from "../../support/runtime-harness";

let emulator: EmulatorHarness;
let lb: string;
let lbUuid: string;

beforeAll(async () => {
  emulator = await startHarness();
  await configureRuntime(emulator.url);
  lb = (await create("LoadBalancer", { __resourceName: "edge", assignFlexibleIpv6: true })).id;
  lbUuid = lb.split("/")[1] ?? "";
});
afterAll(async () => emulator.close());

/** The calls `action` makes, zone prefix removed and ids replaced by `{lb}`, `{pn}`. */
async function callsDuring(action: () => Promise<unknown>, pn = ""): Promise<string[]> {
  const before = (await emulator.log()).length;
  await action();
  return (await emulator.calls()).slice(before).map((c) =>
    c
      .replaceAll(lbUuid, "{lb}")
      .replaceAll(pn || "{pn}", "{pn}")
      .replace(/\?.*$/, ""),
  );
}

async function bookIpamIp(pn: string): Promise<string> {
  const res = await fetch(`${emulator.url}/ipam/v1/regions/fr-par/ips`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-auth-token": "00000000-0000-4000-8000-000000000000" },
    body: JSON.stringify({ source: { private_network_id: pn }, is_ipv6: false }),
  });
  const body: unknown = await res.json();
  if (typeof body !== "object" || body === null || !("id" in body) || typeof body.id !== "string")
    throw new Error(`IPAM booking failed: ${JSON.stringify(body)}`);
  return body.id;
}

async function attachOutOfBand(pn: string, body: Record<string, unknown> = {}): Promise<number> {
  const res = await fetch(`${emulator.url}/lb/v1/zones/fr-par-1/lbs/${lbUuid}/attach-private-network`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-auth-token": "00000000-0000-4000-8000-000000000000" },
    body: JSON.stringify({ private_network_id: pn, ...body }),
  });
  await res.arrayBuffer();
  return res.status;
}

async function detachOutOfBand(pn: string): Promise<void> {
  const res = await fetch(`${emulator.url}/lb/v1/zones/fr-par-1/lbs/${lbUuid}/detach-private-network`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-auth-token": "00000000-0000-4000-8000-000000000000" },
    body: JSON.stringify({ private_network_id: pn }),
  });
  await res.arrayBuffer();
}

async function diffOf(managed: Managed, args: Record<string, unknown>) {
  const provider = runtime.provider("PrivateNetwork");
  const refreshed = await provider.read(managed.id, managed.outputs);
  const checked = await provider.check(managed.inputs, args);
  return { refreshed, diff: await provider.diff(managed.id, refreshed.props, checked.inputs) };
}

describe("PrivateNetwork with an IPAM id", () => {
  let pn: string;
  let ipam: string;
  let managed: Managed;
  let args: Record<string, unknown>;

  beforeAll(async () => {
    pn = await emulator.createPrivateNetwork();
    ipam = await bookIpamIp(pn);
    args = { lbId: lb, privateNetworkId: `fr-par/${pn}`, ipamIds: [ipam] };
  });

  it("creates with 3 calls: attach, one list until ready, one IPAM list for the address", async () => {
    const calls = await callsDuring(async () => {
      managed = await create("PrivateNetwork", args);
    }, pn);
    expect(calls).toEqual([
      "POST /lbs/{lb}/attach-private-network",
      "GET /lbs/{lb}/private-networks",
      "GET /ipam/v1/regions/fr-par/ips",
    ]);
    expect(managed.id).toBe(`fr-par-1/${lbUuid}/${pn}`);
    expect(managed.outputs).toMatchObject({
      lbId: lb,
      zone: "fr-par-1",
      privateNetworkId: `fr-par/${pn}`,
      ipamIds: [`fr-par/${ipam}`],
      staticConfig: null,
      status: "ready",
      privateIps: [{ id: `fr-par/${ipam}`, ipAddress: expect.stringMatching(/^172\.\d+\.\d+\.2$/) }],
    });
  });

  it("a bare UUID and a regional id are the same network: no diff, and refresh (2 calls) shows no drift", async () => {
    let outcome: Awaited<ReturnType<typeof diffOf>> | undefined;
    const calls = await callsDuring(async () => {
      outcome = await diffOf(managed, {
        lbId: lb,
        privateNetworkId: pn,
        ipamIds: [`FR-PAR/${ipam}`.toLowerCase()],
      });
    }, pn);
    expect(calls).toEqual(["GET /lbs/{lb}/private-networks", "GET /ipam/v1/regions/fr-par/ips"]);
    expect(outcome?.refreshed.id).toBe(managed.id);
    expect(outcome?.diff.changes).toBe(false);
    const again = await update("PrivateNetwork", managed, args);
    expect(again.diff.changes).toBe(false);
  });

  it("the LoadBalancer now shows the private IP (one IPAM call) and its IPv6 address", async () => {
    let props: Record<string, unknown> = {};
    const calls = await callsDuring(async () => {
      props = (await runtime.provider("LoadBalancer").read(lb, {})).props;
    });
    expect(calls).toEqual(["GET /lbs/{lb}", "GET /ipam/v1/regions/fr-par/ips"]);
    expect(props.privateIps).toEqual(managed.outputs.privateIps);
    expect(props.ipv6Address).toMatch(/^2001:bc8:/);
  });

  it("another IPAM id re-attaches: the diff replaces ipamIds, deleting first", async () => {
    const other = await bookIpamIp(pn);
    const { diff } = await diffOf(managed, { ...args, ipamIds: [other] });
    expect(diff).toEqual({ changes: true, replaces: ["ipamIds"], deleteBeforeReplace: true });
  });

  it("refresh shows drift: re-attached out of band with the LB's own IP, ipamIds differ", async () => {
    await detachOutOfBand(pn);
    await emulator.calls();
    expect(await attachOutOfBand(pn, { ipam_ids: [] })).toBe(200);
    const { refreshed, diff } = await diffOf(managed, args);
    expect(refreshed.props.ipamIds).not.toEqual([`fr-par/${ipam}`]);
    expect(diff.replaces).toEqual(["ipamIds"]);
  });

  it("refresh shows detachment: a read of a detached attachment is gone (empty id)", async () => {
    await detachOutOfBand(pn);
    expect((await read("PrivateNetwork", managed)).id).toBe("");
  });

  it("deletes an attachment already gone with one detach (404 = done, nothing to wait for)", async () => {
    const calls = await callsDuring(() => destroy("PrivateNetwork", managed), pn);
    expect(calls).toEqual(["POST /lbs/{lb}/detach-private-network"]);
  });
});

describe("PrivateNetwork booked by the LB, static, adopted", () => {
  it("without ipamIds the LB books an address; ipamIds (computed) never diffs; delete = detach + list", async () => {
    const pn = await emulator.createPrivateNetwork();
    const managed = await create("PrivateNetwork", { lbId: lb, privateNetworkId: pn });
    expect(managed.outputs.ipamIds).toHaveLength(1);
    expect(managed.outputs.privateIps).toEqual([
      { id: (managed.outputs.ipamIds as string[])[0], ipAddress: expect.stringMatching(/\.2$/) },
    ]);
    expect((await diffOf(managed, { lbId: lb, privateNetworkId: pn })).diff.changes).toBe(false);
    const calls = await callsDuring(() => destroy("PrivateNetwork", managed), pn);
    expect(calls).toEqual(["POST /lbs/{lb}/detach-private-network", "GET /lbs/{lb}/private-networks"]);
    expect((await read("PrivateNetwork", managed)).id).toBe("");
  });

  it("the deprecated configs: dhcpConfig sends dhcp_config {}, staticConfig a fixed address and no IPAM call", async () => {
    const dhcpPn = await emulator.createPrivateNetwork();
    const dhcp = await create("PrivateNetwork", { lbId: lb, privateNetworkId: dhcpPn, dhcpConfig: true });
    const attach = (await emulator.log()).filter((c) => c.path.endsWith("/attach-private-network")).at(-1);
    expect(attach?.body).toEqual({ private_network_id: dhcpPn, dhcp_config: {} });
    expect((await diffOf(dhcp, { lbId: lb, privateNetworkId: dhcpPn, dhcpConfig: true })).diff.changes).toBe(
      false,
    );
    await destroy("PrivateNetwork", dhcp);

    const staticPn = await emulator.createPrivateNetwork("fr-par", ["192.168.1.0/24"]);
    let managed: Managed | undefined;
    const calls = await callsDuring(async () => {
      managed = await create("PrivateNetwork", {
        lbId: lb,
        privateNetworkId: staticPn,
        staticConfig: "192.168.1.10",
      });
    }, staticPn);
    expect(calls).toEqual(["POST /lbs/{lb}/attach-private-network", "GET /lbs/{lb}/private-networks"]);
    expect(managed?.outputs).toMatchObject({ staticConfig: "192.168.1.10", ipamIds: [], privateIps: [] });
    if (!managed) throw new Error("not created");
    const changed = await diffOf(managed, {
      lbId: lb,
      privateNetworkId: staticPn,
      staticConfig: "192.168.1.11",
    });
    expect(changed.diff.replaces).toEqual(["staticConfig"]);
    await destroy("PrivateNetwork", managed);
  });

  it("adopts an existing attachment by importId (reads only); refuses one that differs, changing nothing", async () => {
    const pn = await emulator.createPrivateNetwork();
    const ipam = await bookIpamIp(pn);
    expect(await attachOutOfBand(pn, { ipam_ids: [ipam] })).toBe(200);
    const importId = `fr-par-1/${lbUuid}/${pn}`;
    const provider = runtime.provider("PrivateNetwork");
    const other = await bookIpamIp(pn);
    const mismatch = await provider.check({}, { lbId: lb, privateNetworkId: pn, ipamIds: [other], importId });
    await expect(provider.create(mismatch.inputs)).rejects.toThrow(
      /cannot adopt .*\n {2}ipamIds: declared \["fr-par\/[0-9a-f-]+"\], found \["fr-par\//,
    );
    let adopted: Managed | undefined;
    const calls = await callsDuring(async () => {
      adopted = await create("PrivateNetwork", { lbId: lb, privateNetworkId: pn, ipamIds: [ipam], importId });
    }, pn);
    expect(calls).toEqual(["GET /lbs/{lb}/private-networks", "GET /ipam/v1/regions/fr-par/ips"]);
    expect(adopted?.id).toBe(importId);
    if (adopted) await destroy("PrivateNetwork", adopted);
  });
});

describe("PrivateNetwork: an attachment that ends in error", () => {
  it("is detached again and the create fails naming the configuration: nothing is recorded", async () => {
    const pn = await emulator.createPrivateNetwork("fr-par", ["192.168.1.0/24"]);
    let failure: unknown;
    const calls = await callsDuring(async () => {
      failure = await create("PrivateNetwork", {
        lbId: lb,
        privateNetworkId: pn,
        staticConfig: "10.9.9.9",
      }).catch((error: unknown) => error);
    }, pn);
    expect(String(failure)).toContain(
      `attaching load balancer ${lbUuid} to private network ${pn} ended in status error, so it was detached again; check the configuration (staticConfig "10.9.9.9"`,
    );
    expect(failure).not.toHaveProperty("id");
    expect(calls).toEqual([
      "POST /lbs/{lb}/attach-private-network",
      "GET /lbs/{lb}/private-networks",
      "POST /lbs/{lb}/detach-private-network",
      "GET /lbs/{lb}/private-networks",
    ]);
  });
});

describe("PrivateNetwork: check before any call, exactly once", () => {
  it("refuses bad ids, another region, two configurations — without a call", async () => {
    const provider = runtime.provider("PrivateNetwork");
    const calls = await callsDuring(async () => {
      const bad = await provider.check({}, { lbId: lb, privateNetworkId: "fr-par-1/not-a-uuid" });
      // The engine gets failures as text: "property <path>[ value <v>]: <reason>" (check-failures.ts).
      expect(bad.failures.map((f) => f.reason.split(/[: ]/, 2)[1])).toEqual(["privateNetworkId"]);
      const region = await provider.check({}, { lbId: lb, privateNetworkId: `nl-ams/${lbUuid}` });
      expect(region.failures).toEqual([
        {
          property: "",
          reason: `property privateNetworkId: "nl-ams/${lbUuid}" is in region nl-ams, but the load balancer is in zone fr-par-1 (region fr-par): a load balancer can only attach private networks of its own region`,
        },
      ]);
      const both = await provider.check(
        {},
        { lbId: lb, privateNetworkId: lbUuid, ipamIds: [lbUuid], staticConfig: "10.0.0.1" },
      );
      expect(both.failures).toEqual([
        {
          property: "",
          reason:
            'property staticConfig value "10.0.0.1": accepts at most one of ipamIds, dhcpConfig, staticConfig (the API\'s attachment configurations); ipamIds and staticConfig are set',
        },
      ]);
      const importId = await provider.check({}, { lbId: lb, privateNetworkId: lbUuid, importId: lb });
      expect(importId.failures.map((f) => f.reason.split(/[: ]/, 2)[1])).toEqual(["importId"]);
    });
    expect(calls).toEqual([]);
  });

  it("a private network that does not exist: the attach fails with the API's 404, nothing recorded", async () => {
    const missing = "0f0f0f0f-0000-4000-8000-000000000000";
    await expect(create("PrivateNetwork", { lbId: lb, privateNetworkId: missing })).rejects.toThrow(
      /not found/i,
    );
  });

  it("a lost attach answer is reconciled by listing the LB's attachments: attached once", async () => {
    const pn = await emulator.createPrivateNetwork();
    await emulator.configure({
      faults: [
        { kind: "reset", rate: 1, phase: "after", method: "POST", pathPattern: "attach-private-network$" },
      ],
    });
    let managed: Managed | undefined;
    try {
      managed = await create("PrivateNetwork", { lbId: lb, privateNetworkId: pn });
    } finally {
      await emulator.configure({ faults: [] });
    }
    const attaches = (await emulator.log()).filter(
      (c) => c.path.endsWith("/attach-private-network") && JSON.stringify(c.body).includes(pn),
    );
    expect(attaches).toHaveLength(1);
    expect(managed?.outputs.status).toBe("ready");
    if (managed) await destroy("PrivateNetwork", managed);
  });
});

describe("PrivateNetwork: an attachment an earlier run made but never recorded", () => {
  it("is taken over when it is the declared one (the refused attach, then one list), refused otherwise", async () => {
    const pn = await emulator.createPrivateNetwork();
    const ipam = await bookIpamIp(pn);
    expect(await attachOutOfBand(pn, { ipam_ids: [ipam] })).toBe(200);
    const other = await bookIpamIp(pn);
    await expect(
      create("PrivateNetwork", { lbId: lb, privateNetworkId: pn, ipamIds: [other] }),
    ).rejects.toThrow(/already attached/);
    let managed: Managed | undefined;
    const calls = await callsDuring(async () => {
      managed = await create("PrivateNetwork", { lbId: lb, privateNetworkId: pn, ipamIds: [ipam] });
    }, pn);
    expect(calls).toEqual([
      "POST /lbs/{lb}/attach-private-network",
      "GET /lbs/{lb}/private-networks",
      "GET /lbs/{lb}/private-networks",
      "GET /ipam/v1/regions/fr-par/ips",
    ]);
    expect(managed?.outputs).toMatchObject({ status: "ready", ipamIds: [`fr-par/${ipam}`] });
    if (managed) await destroy("PrivateNetwork", managed);
  });
});

describe("LoadBalancer with an attachment left on", () => {
  it("deletes (the API takes the attachment along) and releases what the attachment booked", async () => {
    const other = await create("LoadBalancer", { __resourceName: "doomed" });
    const pn = await emulator.createPrivateNetwork();
    await create("PrivateNetwork", { lbId: other.id, privateNetworkId: pn });
    const refreshed = await runtime.provider("LoadBalancer").read(other.id, other.outputs);
    expect(refreshed.props.privateIps).toHaveLength(1);
    expect(refreshed.props.ipv6Address).toBeNull();
    await destroy("LoadBalancer", { ...other, outputs: refreshed.props });
    expect((await read("LoadBalancer", other)).id).toBe("");
    const ips = await fetch(`${emulator.url}/ipam/v1/regions/fr-par/ips?private_network_id=${pn}`, {
      headers: { "x-auth-token": "00000000-0000-4000-8000-000000000000" },
    });
    expect(await ips.json()).toEqual({ ips: [], total_count: 0 });
  });
});
