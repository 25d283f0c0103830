/** Retries, deadlines and unknown outcomes, end to end over HTTP against a scripted server. */
import { isScalewayError, type ScalewayError } from "../../provider/client";
import { type FakeServer, startFakeServer } from "./support/fake-server";
import { recorded, recordedObject } from "./support/fixtures";
import { type MiniApi, miniApi } from "./support/mini-api";
import { TEST_SECRET, testClient } from "./support/test-client";

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

async function failure(promise: Promise<unknown>): Promise<ScalewayError> {
  try {
    await promise;
  } catch (error) {
    if (isScalewayError(error)) return error;
    throw error;
  }
  throw new Error("expected a ScalewayError");
}

const LB_PATH = "/lb/v1/zones/fr-par-1/lbs";
const lbBody = (): unknown => recorded("lb-ready");

describe("reads", () => {
  it("sends the auth token, accept and user agent; no content-type without body", async () => {
    server.enqueue({ json: lbBody() });
    const { client } = testClient(server.url);
    await client.getLb({ lbId: "0d2bbb78-0687-4cca-93f4-694db9155362" });
    const [request] = server.requests;
    expect(request?.headers["x-auth-token"]).toBe(TEST_SECRET);
    expect(request?.headers.accept).toBe("application/json");
    expect(request?.headers["user-agent"]).toContain("pulumi-scaleway-lb");
    expect(request?.headers["content-type"]).toBeUndefined();
    expect(request?.path).toBe(`${LB_PATH}/0d2bbb78-0687-4cca-93f4-694db9155362`);
  });

  it("retries 503 and 502 with backoff, then succeeds", async () => {
    server.enqueue(
      { status: 503, json: { message: "unavailable" } },
      { status: 502, text: "bad gateway" },
      { json: lbBody() },
    );
    const { client, clock, logs } = testClient(server.url);
    const lb = await client.getLb({ lbId: "x" });
    expect(lb.status).toBe("ready");
    expect(server.requests).toHaveLength(3);
    expect(clock.sleeps).toEqual([5, 10]); // random 0.5 x (10, 20)
    expect(logs).toHaveLength(3);
    expect(logs[0]).toMatch(/getLb GET \/lb\/v1\/zones\/fr-par-1\/lbs\/x -> 503 \(\d+ ms, attempt 1\)/);
  });

  it("honours Retry-After on 429", async () => {
    server.enqueue(
      {
        status: 429,
        json: { type: "too_many_requests", message: "slow down" },
        headers: { "retry-after": "2" },
      },
      { json: lbBody() },
    );
    const { client, clock } = testClient(server.url);
    await client.getLb({ lbId: "x" });
    expect(clock.sleeps).toEqual([2000]);
  });

  it("retries a connection reset", async () => {
    server.enqueue({ reset: true }, { json: lbBody() });
    const { client, logs } = testClient(server.url);
    await client.getLb({ lbId: "x" });
    expect(server.requests).toHaveLength(2);
    expect(logs[0]).toMatch(/-> (ECONNRESET|UND_ERR_SOCKET)/);
  });

  it("does not retry a 400, and reports its details", async () => {
    server.enqueue({
      status: 400,
      json: {
        type: "invalid_arguments",
        message: "invalid argument(s)",
        details: [{ argument_name: "name", reason: "required", help_message: "x" }],
      },
    });
    const { client } = testClient(server.url);
    const error = await failure(client.getLb({ lbId: "x" }));
    expect(error.kind).toBe("invalid_arguments");
    expect(error.details[0]?.argument).toBe("name");
    expect(server.requests).toHaveLength(1);
  });

  it("reports a 404 as not_found at once", async () => {
    const { client } = testClient(server.url);
    const error = await failure(client.getLb({ lbId: "missing" }));
    expect(error).toMatchObject({
      kind: "not_found",
      status: 404,
      operation: "getLb",
      apiMessage: "lbs not Found",
    });
    expect(server.requests).toHaveLength(1);
  });

  it("gives up after the attempt cap with the last error", async () => {
    server.setHandler(() => ({ status: 503, json: { message: "down" } }));
    const { client } = testClient(server.url, { retry: { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 1 } });
    const error = await failure(client.getLb({ lbId: "x" }));
    expect(error).toMatchObject({ kind: "server", status: 503, attempts: 3 });
    expect(error.message).toContain("after 3 attempts");
    expect(server.requests).toHaveLength(3);
  });

  it("refuses an empty id without sending anything", async () => {
    const { client } = testClient(server.url);
    const error = await failure(client.getLb({ lbId: "" }));
    expect(error.kind).toBe("invalid_arguments");
    expect(server.requests).toHaveLength(0);
  });

  it("reports a body that does not match the schema as invalid_response, naming the field", async () => {
    server.enqueue({ json: { id: "x", name: 42 } });
    const { client } = testClient(server.url);
    const error = await failure(client.getLb({ lbId: "x" }));
    expect(error.kind).toBe("invalid_response");
    expect(error.message).toContain("name");
  });

  it("times out a slow answer per request and retries it", async () => {
    server.enqueue({ delayMs: 400, json: lbBody() }, { json: lbBody() });
    const { client, logs } = testClient(server.url, { requestTimeoutMs: 100 });
    await client.getLb({ lbId: "x" });
    expect(logs[0]).toContain("-> TIMEOUT");
    expect(server.requests).toHaveLength(2);
  });
});

describe("deadline", () => {
  it("an outage longer than the deadline surfaces a timeout naming the operation, within the deadline", async () => {
    server.setHandler(() => ({ status: 503, json: { message: "maintenance" } }));
    const { client, clock } = testClient(server.url, {
      deadlineMs: 10_000,
      retry: { maxAttempts: 1000, baseDelayMs: 200, maxDelayMs: 2_000 },
    });
    const start = clock.now();
    const error = await failure(client.getLb({ lbId: "x" }));
    expect(error.kind).toBe("timeout");
    expect(error.operation).toBe("getLb");
    expect(error.message).toContain(
      "getLb: GET /lb/v1/zones/fr-par-1/lbs/x did not succeed within its 10000 ms deadline",
    );
    expect(error.message).toContain("503");
    expect(clock.now() - start).toBeLessThanOrEqual(10_000);
    expect(server.requests.length).toBeGreaterThan(3);
  });

  it("a server that is gone surfaces a timeout too (real clock, generous bounds)", async () => {
    const gone = await startFakeServer();
    const url = gone.url;
    await gone.close();
    const { client } = testClient(url, {
      clock: undefined,
      deadlineMs: 800,
      retry: { maxAttempts: 1000, baseDelayMs: 20, maxDelayMs: 100 },
    });
    const started = Date.now();
    const error = await failure(client.listLbs());
    expect(error.kind).toBe("timeout");
    expect(error.operation).toBe("listLbs");
    expect(error.message).toContain("ECONNREFUSED");
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("a per-call deadline overrides the client's", async () => {
    server.setHandler(() => ({ status: 503, json: {} }));
    const { client, clock } = testClient(server.url, {
      retry: { maxAttempts: 1000, baseDelayMs: 100, maxDelayMs: 100 },
    });
    const start = clock.now();
    const error = await failure(client.getLb({ lbId: "x" }, { deadlineMs: 1_000 }));
    expect(error.kind).toBe("timeout");
    expect(clock.now() - start).toBeLessThanOrEqual(1_000);
  });

  it("a cancelled call stops at once", async () => {
    const controller = new AbortController();
    controller.abort();
    const { client } = testClient(server.url);
    const error = await failure(client.getLb({ lbId: "x" }, { signal: controller.signal }));
    expect(error.kind).toBe("timeout");
    expect(error.message).toContain("cancelled");
    expect(server.requests).toHaveLength(0);
  });
});

describe("unknown outcomes of creates", () => {
  const isCreate = (method: string, path: string) => (r: { method: string; path: string }) =>
    r.method === method && r.path === path;

  it("a 503 after the LB was created: found by name, not re-sent", async () => {
    let faults = 1;
    api.fault = (r) =>
      isCreate("POST", LB_PATH)(r) && faults-- > 0
        ? { when: "after", answer: { status: 503, json: {} } }
        : null;
    const { client } = testClient(server.url);
    const lb = await client.createLb({ name: "web" });
    expect(lb.name).toBe("web");
    expect(api.lbs.size).toBe(1);
    expect(server.requests.filter(isCreate("POST", LB_PATH))).toHaveLength(1);
    expect(
      server.requests.some((r) => r.method === "GET" && r.path === LB_PATH && r.query.get("name") === "web"),
    ).toBe(true);
  });

  it("a reset after the LB was created: found, not re-sent", async () => {
    let faults = 1;
    api.fault = (r) =>
      isCreate("POST", LB_PATH)(r) && faults-- > 0 ? { when: "after", answer: { reset: true } } : null;
    const { client } = testClient(server.url);
    const lb = await client.createLb({ name: "web" });
    expect(api.lbs.size).toBe(1);
    expect([...api.lbs.keys()]).toEqual([lb.id]);
  });

  it("a 503 before anything happened: not found, then re-sent once", async () => {
    let faults = 1;
    api.fault = (r) =>
      isCreate("POST", LB_PATH)(r) && faults-- > 0
        ? { when: "before", answer: { status: 503, json: {} } }
        : null;
    const { client } = testClient(server.url);
    await client.createLb({ name: "web" });
    expect(api.lbs.size).toBe(1);
    expect(server.requests.filter(isCreate("POST", LB_PATH))).toHaveLength(2);
  });

  it("an older LB with the same name is not mistaken for ours", async () => {
    const old = { ...recordedObject("lb-ready"), id: "old", name: "web", created_at: "2020-01-01T00:00:00Z" };
    api.lbs.set("old", old);
    let faults = 1;
    api.fault = (r) =>
      isCreate("POST", LB_PATH)(r) && faults-- > 0 ? { when: "before", answer: { reset: true } } : null;
    const { client } = testClient(server.url);
    const lb = await client.createLb({ name: "web" });
    expect(lb.id).not.toBe("old");
    expect(api.lbs.size).toBe(2);
  });

  it("two look-alikes created meanwhile: outcome_unknown with both ids, nothing re-sent", async () => {
    api.fault = (r) => {
      if (!isCreate("POST", LB_PATH)(r)) return null;
      // someone else creates one with the same name at the same time
      api.lbs.set("other", {
        ...recordedObject("lb-ready"),
        id: "other",
        name: "web",
        created_at: new Date().toISOString(),
      });
      return { when: "after", answer: { status: 503, json: {} } };
    };
    const { client } = testClient(server.url);
    const error = await failure(client.createLb({ name: "web" }));
    expect(error.kind).toBe("outcome_unknown");
    expect(error.candidates).toHaveLength(2);
    expect(server.requests.filter(isCreate("POST", LB_PATH))).toHaveLength(1);
  });

  it("a 500 whose create did not happen is reported, not re-sent", async () => {
    let faults = 1;
    api.fault = (r) =>
      isCreate("POST", LB_PATH)(r) && faults-- > 0
        ? { when: "before", answer: { status: 500, json: { message: "boom" } } }
        : null;
    const { client } = testClient(server.url);
    const error = await failure(client.createLb({ name: "web" }));
    expect(error).toMatchObject({ kind: "server", status: 500 });
    expect(api.lbs.size).toBe(0);
    expect(server.requests.filter(isCreate("POST", LB_PATH))).toHaveLength(1);
  });

  it("a 500 whose create did happen returns the object", async () => {
    let faults = 1;
    api.fault = (r) =>
      isCreate("POST", LB_PATH)(r) && faults-- > 0
        ? { when: "after", answer: { status: 500, json: { message: "boom" } } }
        : null;
    const { client } = testClient(server.url);
    const lb = await client.createLb({ name: "web" });
    expect(api.lbs.get(lb.id)).toBeDefined();
  });

  it("backends are found by name within their LB", async () => {
    const { client } = testClient(server.url);
    const lb = await client.createLb({ name: "web" });
    const path = `${LB_PATH}/${lb.id}/backends`;
    let faults = 1;
    api.fault = (r) =>
      isCreate("POST", path)(r) && faults-- > 0 ? { when: "after", answer: { reset: true } } : null;
    const backend = await client.createBackend({
      lbId: lb.id,
      name: "app",
      forwardProtocol: "tcp",
      forwardPort: 80,
      forwardPortAlgorithm: "roundrobin",
      stickySessions: "none",
      healthCheck: { port: 80, checkMaxRetries: 2, tcpConfig: {} },
      serverIp: ["10.0.0.1"],
    });
    expect(api.backends.size).toBe(1);
    expect(backend.name).toBe("app");
  });

  it("IPs (no name, no date) are found by comparing the list before and after", async () => {
    const { client } = testClient(server.url);
    await client.createIp({}); // an unrelated, older IP
    let faults = 1;
    api.fault = (r) =>
      isCreate("POST", "/lb/v1/zones/fr-par-1/ips")(r) && faults-- > 0
        ? { when: "after", answer: { status: 504, json: {} } }
        : null;
    const ip = await client.createIp({ tags: ["a"] });
    expect(api.ips.size).toBe(2);
    expect(ip.tags).toEqual(["a"]);
  });

  it("IPs whose create did not happen are re-sent", async () => {
    let faults = 1;
    api.fault = (r) =>
      isCreate("POST", "/lb/v1/zones/fr-par-1/ips")(r) && faults-- > 0
        ? { when: "before", answer: { reset: true } }
        : null;
    const { client } = testClient(server.url);
    await client.createIp({});
    expect(api.ips.size).toBe(1);
  });

  it("routes (no name) are found by frontend, backend and match", async () => {
    let faults = 1;
    api.fault = (r) =>
      isCreate("POST", "/lb/v1/zones/fr-par-1/routes")(r) && faults-- > 0
        ? { when: "after", answer: { status: 503, json: {} } }
        : null;
    const { client } = testClient(server.url);
    const route = await client.createRoute({
      frontendId: "fe",
      backendId: "be",
      match: { hostHeader: "a.example" },
    });
    expect(api.routes.size).toBe(1);
    expect(route.match).toEqual({ hostHeader: "a.example", matchSubdomains: false });
  });

  it("adding servers is checked against the pool before being re-sent", async () => {
    const { client } = testClient(server.url);
    const lb = await client.createLb({ name: "web" });
    const backend = await client.createBackend({
      lbId: lb.id,
      name: "app",
      forwardProtocol: "tcp",
      forwardPort: 80,
      forwardPortAlgorithm: "roundrobin",
      stickySessions: "none",
      healthCheck: { port: 80, checkMaxRetries: 2 },
      serverIp: [],
    });
    const path = `/lb/v1/zones/fr-par-1/backends/${backend.id}/servers`;
    let faults = 1;
    api.fault = (r) =>
      isCreate("POST", path)(r) && faults-- > 0 ? { when: "after", answer: { reset: true } } : null;
    const updated = await client.addBackendServers({ backendId: backend.id, serverIp: ["10.0.0.9"] });
    expect(updated.pool).toEqual(["10.0.0.9"]);
    expect(server.requests.filter(isCreate("POST", path))).toHaveLength(1);
  });

  it("a create that timed out is looked up again after a pause before being re-sent", async () => {
    const handler = api.handler;
    let slow = 1;
    server.setHandler(async (r) => {
      if (isCreate("POST", LB_PATH)(r) && slow-- > 0) await new Promise((done) => setTimeout(done, 250));
      return handler(r);
    });
    const { client } = testClient(server.url, { clock: undefined, requestTimeoutMs: 150 });
    const lb = await client.createLb({ name: "slow" });
    expect(api.lbs.size).toBe(1);
    expect([...api.lbs.keys()]).toEqual([lb.id]);
    expect(server.requests.filter(isCreate("POST", LB_PATH))).toHaveLength(1);
  });

  it("a look-up that itself cannot finish within the deadline is a timeout of the create", async () => {
    api.fault = (r) => (r.path === LB_PATH ? { when: "before", answer: { status: 503, json: {} } } : null);
    const { client } = testClient(server.url, {
      deadlineMs: 2_000,
      retry: { maxAttempts: 1000, baseDelayMs: 100, maxDelayMs: 100 },
    });
    const error = await failure(client.createLb({ name: "web" }));
    expect(error.kind).toBe("timeout");
    expect(error.operation).toBe("createLb");
  });
});

describe("deletes", () => {
  it("a 503 after the delete happened, then 404 on the retry, is success", async () => {
    const { client } = testClient(server.url);
    const lb = await client.createLb({ name: "web" });
    let faults = 1;
    api.fault = (r) =>
      r.method === "DELETE" && faults-- > 0 ? { when: "after", answer: { status: 503, json: {} } } : null;
    await client.deleteLb({ lbId: lb.id, releaseIp: true });
    expect(api.lbs.size).toBe(0);
    const deletes = server.requests.filter((r) => r.method === "DELETE");
    expect(deletes).toHaveLength(2);
    expect(deletes[0]?.query.get("release_ip")).toBe("true");
  });

  it("a 404 on the first attempt is not_found (the caller decides)", async () => {
    const { client } = testClient(server.url);
    const error = await failure(client.deleteLb({ lbId: "gone", releaseIp: false }));
    expect(error.kind).toBe("not_found");
  });
});
