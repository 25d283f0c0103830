/**
 * Exactly-once creates (issue 11): the causes of leaked and duplicated objects seen under
 * randomized faults, each reproduced deterministically — a scripted server for the exact order
 * of faults, the emulator for the API's own 409 `transient_state`.
 */
import { isScalewayError, type ScalewayError } from "../../provider/client";
import { CREATION_TAG_PREFIX } from "../../provider/client/schemas/ip";
import { type EmulatorHarness, startHarness } from "../support/emulator-harness";
import { type FakeServer, startFakeServer } from "./support/fake-server";
import { type MiniApi, miniApi } from "./support/mini-api";
import { testClient } from "./support/test-client";

const ZONE_PATH = "/lb/v1/zones/fr-par-1";

async function failure(promise: Promise<unknown>): Promise<ScalewayError> {
  try {
    await promise;
  } catch (error) {
    if (isScalewayError(error)) return error;
    throw error;
  }
  throw new Error("expected a ScalewayError");
}

const backendRequest = (lbId: string) => ({
  lbId,
  name: "app-1a2b3c4",
  forwardProtocol: "tcp" as const,
  forwardPort: 80,
  forwardPortAlgorithm: "roundrobin" as const,
  stickySessions: "none" as const,
  healthCheck: { port: 80, checkMaxRetries: 2, tcpConfig: {} },
  serverIp: ["10.0.0.1"],
});

describe("against a scripted server", () => {
  let server: FakeServer;
  let api: MiniApi;
  beforeAll(async () => {
    server = await startFakeServer();
  });
  afterAll(async () => {
    await server.close();
  });
  beforeEach(() => {
    server.reset();
    api = miniApi();
    server.setHandler(api.handler);
  });

  const count = (method: string, path: string) =>
    server.requests.filter((r) => r.method === method && r.path === path).length;

  /** One fault for the first `times` requests matching method and path. */
  const faultFirst = (
    method: string,
    path: string,
    times: number,
    fault: NonNullable<ReturnType<MiniApi["fault"]>>,
  ) => {
    let left = times;
    const previous = api.fault;
    api.fault = (r) => {
      if (r.method === method && r.path === path && left > 0) {
        left--;
        return fault;
      }
      return previous(r);
    };
  };

  it("cause 1 — a lost create whose look-up answers 500 is still found: the look-up retries, nothing is created twice", async () => {
    const { client } = testClient(server.url);
    const lb = await client.createLb({ name: "web" });
    const path = `${ZONE_PATH}/lbs/${lb.id}/backends`;
    faultFirst("POST", path, 1, { when: "after", answer: { reset: true } });
    faultFirst("GET", path, 2, { when: "before", answer: { status: 500, json: { type: "internal_error" } } });

    const backend = await client.createBackend(backendRequest(lb.id));

    expect([...api.backends.keys()]).toEqual([backend.id]);
    expect(count("POST", path)).toBe(1);
    // Two look-ups answered 500, the third found the backend.
    expect(count("GET", path)).toBe(3);
  });

  it("cause 1 — reads and idempotent writes retry a 500; creates do not re-send after one", async () => {
    const { client } = testClient(server.url);
    const lb = await client.createLb({ name: "web" });
    faultFirst("GET", `${ZONE_PATH}/lbs/${lb.id}`, 1, {
      when: "before",
      answer: { status: 500, json: { type: "internal_error" } },
    });
    expect((await client.getLb({ lbId: lb.id })).id).toBe(lb.id);
    expect(count("GET", `${ZONE_PATH}/lbs/${lb.id}`)).toBe(2);
  });

  it("cause 2 — a 429 answered after the create was applied: found by one look-up, not re-sent", async () => {
    const { client } = testClient(server.url);
    const lb = await client.createLb({ name: "web" });
    const path = `${ZONE_PATH}/lbs/${lb.id}/backends`;
    faultFirst("POST", path, 1, {
      when: "after",
      answer: { status: 429, json: { message: "rate limit exceeded", type: "too_many_requests" } },
    });

    const backend = await client.createBackend(backendRequest(lb.id));

    expect([...api.backends.keys()]).toEqual([backend.id]);
    expect(count("POST", path)).toBe(1);
    expect(count("GET", path)).toBe(1);
  });

  it("cause 2 — a 429 before anything happened: one look-up finds nothing, then the create is re-sent once", async () => {
    const { client } = testClient(server.url);
    faultFirst("POST", `${ZONE_PATH}/lbs`, 1, {
      when: "before",
      answer: { status: 429, json: { message: "rate limit exceeded", type: "too_many_requests" } },
    });
    await client.createLb({ name: "web" });
    expect(api.lbs.size).toBe(1);
    expect(server.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      `POST ${ZONE_PATH}/lbs`,
      `GET ${ZONE_PATH}/lbs`,
      `POST ${ZONE_PATH}/lbs`,
    ]);
  });

  it("cause 2 — a 429 after an IP was booked: found by comparing the lists, not booked twice", async () => {
    const { client } = testClient(server.url);
    faultFirst("POST", `${ZONE_PATH}/ips`, 1, {
      when: "after",
      answer: { status: 429, json: { message: "rate limit exceeded", type: "too_many_requests" } },
    });
    const ip = await client.createIp({ tags: ["web"] });
    expect([...api.ips.keys()]).toEqual([ip.id]);
    expect(count("POST", `${ZONE_PATH}/ips`)).toBe(1);
  });

  it("cause 2 — the same for an IP with a creation tag: found by the tag, with no list taken before", async () => {
    const { client } = testClient(server.url);
    await client.createIp({ tags: ["web"] }); // an older IP, same tags but for the creation tag
    const before = server.requests.length;
    faultFirst("POST", `${ZONE_PATH}/ips`, 1, {
      when: "after",
      answer: { status: 429, json: { message: "rate limit exceeded", type: "too_many_requests" } },
    });
    const tags = ["web", `${CREATION_TAG_PREFIX}1a2b3c4`];
    const ip = await client.createIp({ tags });
    expect(ip.tags).toEqual(tags);
    expect(api.ips.size).toBe(2);
    expect(server.requests.slice(before).map((r) => `${r.method} ${r.path}`)).toEqual([
      `POST ${ZONE_PATH}/ips`,
      `GET ${ZONE_PATH}/ips`,
    ]);
  });

  it("a look-up that cannot decide names the object that may exist: kind, name, parent, zone", async () => {
    const { client } = testClient(server.url, {
      deadlineMs: 2_000,
      retry: { maxAttempts: 1000, baseDelayMs: 100, maxDelayMs: 100 },
    });
    const lb = await client.createLb({ name: "web" });
    const path = `${ZONE_PATH}/lbs/${lb.id}/backends`;
    faultFirst("POST", path, 1, { when: "after", answer: { reset: true } });
    faultFirst("GET", path, 10_000, { when: "before", answer: { status: 503, json: {} } });

    const error = await failure(client.createBackend(backendRequest(lb.id)));

    expect(error.kind).toBe("timeout");
    expect(error.message).toContain(`It may exist: backend "app-1a2b3c4" on LB ${lb.id} in zone fr-par-1.`);
    expect(count("POST", path)).toBe(1);
  });
});

describe("against the emulator", () => {
  let emulator: EmulatorHarness;
  beforeAll(async () => {
    emulator = await startHarness();
  });
  afterAll(async () => {
    await emulator.close();
  });

  it("cause 4 — a 409 transient_state (the LB is still being created) is waited out, then the call is re-sent", async () => {
    await emulator.reset();
    // The LB answers `creating` to its next 3 reads; until then it refuses new children.
    await emulator.configure({ timings: { lbCreate: { mode: "reads", reads: 3 } } });
    const { client } = testClient(emulator.url);
    const lb = await client.createLb({ name: "web" });

    const backend = await client.createBackend(backendRequest(lb.id));

    const calls = await emulator.log();
    const shown = calls.map(
      (c) => `${c.method} ${c.status} ${c.path.replace(/^\/lb\/v1\/zones\/fr-par-1/, "")}`,
    );
    expect(shown).toEqual([
      "POST 200 /lbs",
      `POST 409 /lbs/${lb.id}/backends`,
      `GET 200 /lbs/${lb.id}`,
      `GET 200 /lbs/${lb.id}`,
      `GET 200 /lbs/${lb.id}`,
      `GET 200 /lbs/${lb.id}`,
      `POST 200 /lbs/${lb.id}/backends`,
    ]);
    expect((await emulator.state()).backends.map((b) => b.id)).toEqual([backend.id]);
  });

  it("a 409 transient_state that outlasts the deadline is a timeout naming the operation and the LB's state", async () => {
    await emulator.reset();
    await emulator.configure({ timings: { lbCreate: { mode: "reads", reads: 10_000 } } });
    const { client } = testClient(emulator.url, { deadlineMs: 3_000 });
    const lb = await client.createLb({ name: "web" });

    const error = await failure(client.createBackend(backendRequest(lb.id)));

    expect(error.kind).toBe("timeout");
    expect(error.operation).toBe("createBackend");
    expect(error.message).toContain("transient");
    expect((await emulator.state()).backends).toEqual([]);
  });
});
