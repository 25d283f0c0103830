/** Waiters: polling cadence, fail-fast states, timeouts. */
import { isScalewayError, type Lb, type ScalewayError } from "../../provider/client";
import { camelize } from "../../provider/client/casing";
import { CertificateSchema } from "../../provider/client/schemas/certificate";
import { LbSchema } from "../../provider/client/schemas/lb";
import {
  DEFAULT_WAIT_OPTIONS,
  judgeCertificate,
  judgeLb,
  judgeLbInstances,
  pollDelays,
  pollUntil,
  TYPICAL_SETTLE_MS,
} from "../../provider/client/waiters";
import { fakeClock } from "./support/fake-clock";
import { type FakeServer, startFakeServer } from "./support/fake-server";
import { recorded, recordedObject } from "./support/fixtures";
import { testClient } from "./support/test-client";

const readLb = (body: unknown) => camelize(LbSchema.parse(body));
const readCertificate = (body: unknown) => camelize(CertificateSchema.parse(body));

async function failure(promise: Promise<unknown>): Promise<ScalewayError> {
  try {
    await promise;
  } catch (error) {
    if (isScalewayError(error)) return error;
    throw error;
  }
  throw new Error("expected a ScalewayError");
}

function lbWith(status: string, instances: string[] = ["ready"]): Lb {
  const body = recordedObject("lb-ready");
  body.status = status;
  body.instances = instances.map((s, i) => ({
    id: `i${i}`,
    status: s,
    ip_address: "",
    created_at: null,
    updated_at: null,
    region: "fr-par",
    zone: "fr-par-1",
  }));
  return readLb(body);
}

describe("verdicts", () => {
  it.each([
    ["ready", "done"],
    ["stopped", "done"],
    ["to_create", "wait"],
    ["creating", "wait"],
    ["pending", "wait"],
    ["migrating", "wait"],
    ["to_delete", "wait"],
    ["unknown", "wait"],
    ["error", "fail"],
    ["locked", "fail"],
  ])("LB %s -> %s", (status, verdict) => {
    expect(judgeLb(lbWith(status)).type).toBe(verdict);
  });

  it("instances: waits for pending ones, fails on error ones", () => {
    expect(judgeLbInstances(lbWith("ready", ["ready", "pending"])).type).toBe("wait");
    expect(judgeLbInstances(lbWith("ready", ["ready", "ready"])).type).toBe("done");
    expect(judgeLbInstances(lbWith("ready", ["ready", "error"])).type).toBe("fail");
    expect(judgeLbInstances(lbWith("creating", ["unknown"])).type).toBe("wait");
  });
});

describe("pollUntil", () => {
  it("starts near 250 ms and backs off to a few seconds", async () => {
    const clock = fakeClock();
    let polls = 0;
    await pollUntil({
      waiter: "waitForThing",
      subject: "thing",
      clock,
      options: {},
      poll: async () => ++polls,
      judge: (n) => (n >= 10 ? { type: "done", value: n } : { type: "wait" }),
      state: (n) => `poll ${n}`,
    });
    expect(clock.sleeps[0]).toBe(250);
    expect(clock.sleeps.slice(0, 4)).toEqual([250, 375, 562.5, 843.75]);
    expect(Math.max(...clock.sleeps)).toBe(3000);
    expect(clock.sleeps).toHaveLength(9);
  });

  it("with a typical settling time E: polls at once, at E/2 and at E, then backs off from E/8", () => {
    const delays = pollDelays({ ...DEFAULT_WAIT_OPTIONS, expectedMs: 8000 });
    const first = Array.from({ length: 7 }, () => delays.next().value);
    expect(first).toEqual([4000, 4000, 1000, 1500, 2250, 3000, 3000]);
  });

  it("an object seen settled is the result with no poll; seen unsettled, the polls go as without it", async () => {
    const clock = fakeClock();
    let polls = 0;
    const spec = {
      waiter: "waitForThing",
      subject: "thing",
      clock,
      options: { expectedMs: 2000 },
      poll: async () => ++polls,
      judge: (n: number) => (n >= 1 ? { type: "done" as const, value: n } : { type: "wait" as const }),
      state: (n: number) => `poll ${n}`,
    };
    await expect(pollUntil({ ...spec, seen: 7 })).resolves.toBe(7);
    expect(polls).toBe(0);
    // Read at once: it may have settled since (an instant emulator), and a pause of half its
    // settling time would cost more than the one read it saves.
    await expect(pollUntil({ ...spec, seen: 0 })).resolves.toBe(1);
    expect(clock.sleeps).toEqual([]);
    expect(polls).toBe(1);
  });

  it("a failed state seen fails at once", async () => {
    const clock = fakeClock();
    const error = await failure(
      pollUntil({
        waiter: "waitForThing",
        subject: "thing 2",
        clock,
        options: {},
        poll: async () => "ready",
        judge: (s: string) =>
          s === "error" ? { type: "fail", message: "broke", state: s } : { type: "wait" },
        state: (s) => s,
        seen: "error",
      }),
    );
    expect(error.kind).toBe("resource_error");
    expect(clock.sleeps).toEqual([]);
  });

  it("times out with the last state seen, within the timeout", async () => {
    const clock = fakeClock();
    const start = clock.now();
    const error = await failure(
      pollUntil({
        waiter: "waitForThing",
        subject: "thing 1",
        clock,
        options: { timeoutMs: 10_000 },
        poll: async () => "creating",
        judge: () => ({ type: "wait" }),
        state: (s) => `status ${s}`,
      }),
    );
    expect(error.kind).toBe("timeout");
    expect(error.message).toBe(
      "waitForThing: thing 1 did not settle within 10000 ms (last seen: status creating)",
    );
    expect(clock.now() - start).toBeLessThanOrEqual(10_000);
  });
});

describe("client waiters over HTTP", () => {
  let server: FakeServer;
  beforeAll(async () => {
    server = await startFakeServer();
  });
  afterAll(async () => {
    await server.close();
  });
  beforeEach(() => server.reset());

  const lbBody = (status: string, instanceStatus = "ready") => {
    const body = recordedObject("lb-ready");
    body.status = status;
    body.instances = [
      {
        id: "inst-1",
        status: instanceStatus,
        ip_address: "",
        created_at: null,
        updated_at: null,
        region: "fr-par",
        zone: "fr-par-1",
      },
    ];
    return body;
  };

  it("waitForLbDeleted waits through to_delete until the LB answers 404", async () => {
    server.enqueue(
      { json: lbBody("to_delete") },
      { json: lbBody("deleting") },
      { status: 404, json: { message: "lbs not Found" } },
    );
    const { client, clock } = testClient(server.url);
    await expect(client.waitForLbDeleted({ lbId: "x" })).resolves.toBeNull();
    // A deleted LB is typically gone in 3 s: reads at once, at 1.5 s and at 3 s.
    expect(clock.sleeps).toEqual([TYPICAL_SETTLE_MS.lbDelete / 2, TYPICAL_SETTLE_MS.lbDelete / 2]);
  });

  it("waitForLb follows to_create -> creating -> ready", async () => {
    server.enqueue(
      { json: lbBody("to_create", "unknown") },
      { json: lbBody("creating", "unknown") },
      { json: lbBody("ready") },
    );
    const { client, clock } = testClient(server.url);
    const lb = await client.waitForLb({ lbId: "x" });
    expect(lb.status).toBe("ready");
    // An LB is typically ready 8 s after its create: reads at once, at 4 s and at 8 s.
    expect(clock.sleeps).toEqual([4000, 4000]);
    expect(server.requests).toHaveLength(3);
  });

  it("waitForLb given a create's answer that is not ready reads at once, at 4 s and at 8 s", async () => {
    const created = readLb(lbBody("to_create", "unknown"));
    server.enqueue(
      { json: lbBody("to_create", "unknown") },
      { json: lbBody("creating", "unknown") },
      { json: lbBody("ready") },
    );
    const { client, clock } = testClient(server.url);
    await client.waitForLb({ lbId: "x", seen: created });
    expect(clock.sleeps).toEqual([4000, 4000]);
    expect(server.requests).toHaveLength(3);
  });

  it("waitForCertificate given an answer that is ready already makes no call", async () => {
    const uploaded = readCertificate(recorded("cert-ready-le"));
    const { client } = testClient(server.url);
    await expect(client.waitForCertificate({ certificateId: uploaded.id, seen: uploaded })).resolves.toBe(
      uploaded,
    );
    expect(server.requests).toHaveLength(0);
  });

  it("the client's wait option and the call's come before the waiter's expectation", async () => {
    server.enqueue({ json: lbBody("creating", "unknown") }, { json: lbBody("ready") });
    const { client, clock } = testClient(server.url, { wait: { expectedMs: 0 } });
    await client.waitForLb({ lbId: "x" });
    expect(clock.sleeps).toEqual([250]);
  });

  it("waitForLb fails fast on error, with the instances' states", async () => {
    server.enqueue({ json: lbBody("creating") }, { json: lbBody("error", "error") });
    const { client } = testClient(server.url);
    const error = await failure(client.waitForLb({ lbId: "x" }));
    expect(error.kind).toBe("resource_error");
    expect(error.currentState).toBe("error");
    expect(error.message).toContain("waitForLb: load balancer x is in status error");
    expect(error.message).toContain("inst-1: error");
    expect(server.requests).toHaveLength(2);
  });

  it("waitForLb fails fast on locked", async () => {
    server.enqueue({ json: lbBody("locked") });
    const { client } = testClient(server.url);
    expect((await failure(client.waitForLb({ lbId: "x" }))).currentState).toBe("locked");
  });

  it("waitForLb passes a 404 through (the LB is gone)", async () => {
    server.enqueue({ status: 404, json: { message: "lbs not Found" } });
    const { client } = testClient(server.url);
    expect((await failure(client.waitForLb({ lbId: "x" }))).kind).toBe("not_found");
  });

  it("waitForLbInstances waits for pending instances", async () => {
    server.enqueue({ json: lbBody("ready", "pending") }, { json: lbBody("ready", "ready") });
    const { client } = testClient(server.url);
    const lb = await client.waitForLbInstances({ lbId: "x" });
    expect(lb.instances[0]?.status).toBe("ready");
  });

  it("waitForCertificate fails on error with status_details", async () => {
    const pending = recordedObject("cert-create-le");
    const failed = {
      ...recordedObject("cert-create-le"),
      status: "error",
      status_details: "challenge failed for a.example",
    };
    server.enqueue({ json: pending }, { json: failed });
    const { client } = testClient(server.url);
    const error = await failure(client.waitForCertificate({ certificateId: "c" }));
    expect(error.kind).toBe("resource_error");
    expect(error.message).toContain("challenge failed for a.example");
    expect(judgeCertificate(readCertificate(recorded("cert-ready-le"))).type).toBe("done");
  });

  it("waitForPrivateNetwork waits for the attachment to be ready", async () => {
    const pending = recordedObject("pn-list");
    const ready = structuredClone(pending);
    const list = ready.private_network;
    if (Array.isArray(list) && typeof list[0] === "object" && list[0] !== null)
      Reflect.set(list[0], "status", "ready");
    server.enqueue({ json: pending }, { json: ready });
    const { client } = testClient(server.url);
    const pn = await client.waitForPrivateNetwork({
      lbId: "lb",
      privateNetworkId: "925eac0c-4b14-4c81-b800-b83418e63593",
    });
    expect(pn.status).toBe("ready");
  });

  it("waitForLb times out naming the waiter", async () => {
    server.setHandler(() => ({ json: lbBody("creating", "unknown") }));
    const { client } = testClient(server.url);
    const error = await failure(client.waitForLb({ lbId: "x" }, { timeoutMs: 5_000 }));
    expect(error.kind).toBe("timeout");
    expect(error.operation).toBe("waitForLb");
    expect(error.message).toContain("last seen: status creating");
  });
});
