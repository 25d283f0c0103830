/**
 * Acceptance: with ~30% of answers faulted (429, 503 before and after the change, connection
 * resets before and after), a scripted sequence of 200 operations completes with no error and
 * no duplicate object; then an outage longer than the deadline ends in a timeout naming the
 * operation, within the deadline.
 */
import { isScalewayError, type LbClient, type ScalewayError } from "../../provider/client";
import { type EmulatorHarness, type EmulatorState, startHarness } from "../support/emulator-harness";
import { fakeClock } from "./support/fake-clock";
import { testClient } from "./support/test-client";

jest.setTimeout(120_000);

let emulator: EmulatorHarness;
beforeAll(async () => {
  emulator = await startHarness();
});
afterAll(async () => {
  await emulator.close();
});

const FAULTS = [
  { kind: "429", rate: 0.08 },
  { kind: "503", rate: 0.08, phase: "before" },
  { kind: "503", rate: 0.07, phase: "after" },
  { kind: "reset", rate: 0.05, phase: "before" },
  { kind: "reset", rate: 0.05, phase: "after" },
];

const http = {
  forwardProtocol: "http" as const,
  forwardPort: 80,
  forwardPortAlgorithm: "roundrobin" as const,
  stickySessions: "none" as const,
};
const healthCheck = {
  port: 80,
  checkMaxRetries: 2,
  checkDelay: 3000,
  checkTimeout: 1000,
  transientCheckDelay: 500,
  tcpConfig: {},
};

/** What the script believes exists; compared with the emulator's state at the end. */
interface Model {
  lbs: Set<string>;
  backends: Set<string>;
  frontends: Set<string>;
  routes: Set<string>;
  acls: Set<string>;
  standaloneIps: Set<string>;
}

async function runScript(client: LbClient, rounds: number): Promise<{ operations: number; model: Model }> {
  const model: Model = {
    lbs: new Set(),
    backends: new Set(),
    frontends: new Set(),
    routes: new Set(),
    acls: new Set(),
    standaloneIps: new Set(),
  };
  let operations = 0;
  const op = async <T>(run: () => Promise<T>): Promise<T> => {
    operations++;
    return run();
  };

  for (let round = 0; round < rounds; round++) {
    const lb = await op(() => client.createLb({ name: `acc-lb-${round}`, tags: ["acceptance"] }));
    model.lbs.add(lb.id);
    await client.waitForLb({ lbId: lb.id });
    const a = await op(() =>
      client.createBackend({
        lbId: lb.id,
        name: "a",
        ...http,
        healthCheck,
        serverIp: ["10.0.0.1"],
        timeoutQueue: 0,
      }),
    );
    const b = await op(() =>
      client.createBackend({
        lbId: lb.id,
        name: "b",
        ...http,
        healthCheck,
        serverIp: [],
        timeoutServer: 300000,
      }),
    );
    model.backends.add(a.id).add(b.id);
    await op(() =>
      client.updateBackend({ backendId: a.id, name: "a", ...http, forwardPort: 8080, timeoutQueue: 250 }),
    );
    await op(() => client.setBackendServers({ backendId: a.id, serverIp: ["10.0.0.2", "10.0.0.3"] }));
    await op(() => client.addBackendServers({ backendId: b.id, serverIp: ["10.0.1.1"] }));
    await op(() => client.addBackendServers({ backendId: b.id, serverIp: ["10.0.1.2"] }));
    await op(() => client.removeBackendServers({ backendId: b.id, serverIp: ["10.0.1.1"] }));
    await op(() => client.updateHealthCheck({ backendId: b.id, ...healthCheck, port: 81 }));
    const f80 = await op(() =>
      client.createFrontend({ lbId: lb.id, name: "web", inboundPort: 80, backendId: a.id }),
    );
    const f81 = await op(() =>
      client.createFrontend({ lbId: lb.id, name: "alt", inboundPort: 81, backendId: b.id }),
    );
    model.frontends.add(f80.id).add(f81.id);
    await op(() =>
      client.updateFrontend({
        frontendId: f80.id,
        name: "web",
        inboundPort: 80,
        backendId: a.id,
        timeoutClient: 30000,
      }),
    );
    const route = await op(() =>
      client.createRoute({
        frontendId: f80.id,
        backendId: b.id,
        match: { hostHeader: `r${round}.a.example` },
      }),
    );
    model.routes.add(route.id);
    await op(() => client.updateRoute({ routeId: route.id, backendId: b.id, match: { pathBegin: "/api" } }));
    const deny = await op(() =>
      client.createAcl({
        frontendId: f80.id,
        name: "deny",
        index: 0,
        action: { type: "deny" },
        match: { ipSubnet: ["192.0.2.0/24"] },
      }),
    );
    model.acls.add(deny.id);
    await op(() =>
      client.updateAcl({
        aclId: deny.id,
        name: "deny",
        index: 1,
        action: { type: "deny" },
        match: { ipSubnet: ["198.51.100.0/24"] },
      }),
    );
    const set = await op(() =>
      client.setAcls({
        frontendId: f81.id,
        acls: [
          { name: "allow", index: 0, action: { type: "allow" }, match: { ipSubnet: ["10.0.0.0/8"] } },
          { name: "rest", index: 1, action: { type: "deny" }, match: { ipSubnet: ["0.0.0.0/0"] } },
        ],
      }),
    );
    for (const acl of set.acls) model.acls.add(acl.id);
    const temp = await op(() =>
      client.createAcl({
        frontendId: f81.id,
        name: "temp",
        index: 5,
        action: { type: "allow" },
        match: { ipSubnet: ["203.0.113.0/24"] },
      }),
    );
    await op(() => client.deleteAcl({ aclId: temp.id }));
    await op(() =>
      client.updateLb({
        lbId: lb.id,
        name: `acc-lb-${round}`,
        description: `round ${round}`,
        tags: ["acceptance", "updated"],
      }),
    );
    await op(() => client.getLb({ lbId: lb.id }));
    await op(() => client.listAllBackends({ lbId: lb.id }));
    const ip = await op(() => client.createIp({ tags: [`round-${round}`] }));
    model.standaloneIps.add(ip.id);
    await op(() => client.updateIp({ ipId: ip.id, tags: [`round-${round}`, "kept"] }));

    if (round % 2 === 1) {
      // Tear this LB down piece by piece, then the LB itself.
      await op(() => client.deleteRoute({ routeId: route.id }));
      await op(() => client.deleteFrontend({ frontendId: f81.id }));
      await op(() => client.deleteBackend({ backendId: b.id }));
      await op(() => client.releaseIp({ ipId: ip.id }));
      await op(() => client.deleteLb({ lbId: lb.id, releaseIp: true }));
      model.routes.delete(route.id);
      model.frontends.delete(f81.id);
      model.backends.delete(b.id);
      model.standaloneIps.delete(ip.id);
      for (const acl of set.acls) model.acls.delete(acl.id);
      model.lbs.delete(lb.id);
      model.frontends.delete(f80.id);
      model.backends.delete(a.id);
      model.acls.delete(deny.id);
    }
  }
  return { operations, model };
}

function ids(items: ReadonlyArray<{ id: string }>): string[] {
  return items.map((item) => item.id).sort();
}

function expectStateMatches(state: EmulatorState, model: Model): void {
  expect(ids(state.lbs)).toEqual([...model.lbs].sort());
  expect(ids(state.backends)).toEqual([...model.backends].sort());
  expect(ids(state.frontends)).toEqual([...model.frontends].sort());
  expect(ids(state.routes)).toEqual([...model.routes].sort());
  expect(ids(state.acls)).toEqual([...model.acls].sort());
  // IPs: the standalone ones kept, plus those the live LBs were given at creation.
  const standalone = state.ips.filter((ip) => ip.lb_id === null).map((ip) => ip.id);
  expect(standalone.sort()).toEqual([...model.standaloneIps].sort());
  for (const ip of state.ips) if (ip.lb_id !== null) expect(model.lbs.has(ip.lb_id)).toBe(true);
  // No look-alikes: names are unique within each parent.
  const unique = (keys: string[]) => expect(new Set(keys).size).toBe(keys.length);
  unique(state.lbs.map((lb) => lb.name));
  unique(state.backends.map((b) => `${b.lb.id}/${b.name}`));
  unique(state.frontends.map((f) => `${f.lb.id}/${f.name}`));
  unique(state.acls.map((a) => `${a.frontend.id}/${a.name}`));
}

describe("acceptance against the emulator with injected faults", () => {
  it("200 operations under 30% faults: no error surfaced, no duplicate created", async () => {
    await emulator.reset();
    await emulator.configure({ faults: FAULTS, seed: Number(process.env.SCW_LB_ACCEPTANCE_SEED ?? 4242) });
    const { client, logs } = testClient(emulator.url, {
      clock: undefined,
      retry: { maxAttempts: 25, baseDelayMs: 2, maxDelayMs: 20 },
      deadlineMs: 60_000,
      wait: { initialDelayMs: 5, maxDelayMs: 20 },
    });
    try {
      const { operations, model } = await runScript(client, 8);
      expect(operations).toBeGreaterThanOrEqual(200);
      await emulator.configure({ faults: [] });
      expectStateMatches(await emulator.state(), model);

      // The faults did happen, and outcome-unknown creates were resolved without re-sending.
      const log = await emulator.log();
      const faulted = log.filter((r) => r.status === 0 || r.status === 429 || r.status === 503);
      expect(faulted.length / log.length).toBeGreaterThan(0.15);
      expect(logs.some((line) => /-> (ECONNRESET|UND_ERR_SOCKET)/.test(line))).toBe(true);
    } finally {
      await client.close();
    }
  });

  it("an outage longer than the deadline ends in a timeout naming the operation, within the deadline", async () => {
    await emulator.reset();
    await emulator.configure({ faults: [{ kind: "503", rate: 1 }] });
    const clock = fakeClock();
    const { client } = testClient(emulator.url, {
      clock,
      deadlineMs: 30_000,
      retry: { maxAttempts: 10_000, baseDelayMs: 500, maxDelayMs: 5_000 },
    });
    try {
      const started = clock.now();
      let error: ScalewayError | undefined;
      try {
        await client.createLb({ name: "during-outage" });
      } catch (e) {
        if (isScalewayError(e)) error = e;
      }
      expect(error?.kind).toBe("timeout");
      expect(error?.operation).toBe("createLb");
      expect(error?.message).toContain("createLb");
      expect(clock.now() - started).toBeLessThanOrEqual(30_000);
      await emulator.configure({ faults: [] });
      expect((await emulator.state()).lbs).toEqual([]);
    } finally {
      await client.close();
    }
  });
});
