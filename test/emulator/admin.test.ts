/** The admin API (`/__emulator/`): reset, request log, state, config, latency and faults. */
import { type Api, at, list, PROJECT, str, useEmulator } from "./support/api";

const emu = useEmulator();
const api = (): Api => emu.api();

async function admin(method: string, path: string, body?: unknown) {
  const res = await fetch(`${emu.emulator().url}/__emulator/${path}`, {
    method,
    headers: { "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text === "" ? null : (JSON.parse(text) as unknown) };
}

describe("request log", () => {
  it("records every API request in order with method, path, query, status, duration and body", async () => {
    await api().post("ips", { project_id: PROJECT });
    await api().get("ips?tags=a&tags=b&ip_type=all");
    await api().withToken(null).get("lbs");
    await admin("GET", "state");
    const log = await api().requests();
    expect(log).toHaveLength(3);
    expect(log[0]).toMatchObject({
      method: "POST",
      path: "/lb/v1/zones/fr-par-1/ips",
      query: {},
      status: 200,
      body: { project_id: PROJECT },
    });
    expect(log[1]).toMatchObject({
      method: "GET",
      query: { tags: ["a", "b"], ip_type: "all" },
      body: null,
      status: 200,
    });
    expect(log[2]).toMatchObject({ status: 401 });
    expect(typeof at(log[0], "durationMs")).toBe("number");
  });

  it("reset empties the store and the log and restores the start config", async () => {
    await api().createLb();
    await api().configure({ latencyMs: 5, lbErrorPattern: "x" });
    expect((await admin("POST", "reset")).status).toBe(204);
    expect(await api().requests()).toEqual([]);
    const state = await api().state();
    expect(state).toEqual({
      lbs: [],
      ips: [],
      backends: [],
      frontends: [],
      routes: [],
      acls: [],
      certificates: [],
      privateNetworks: [],
      subscribers: [],
    });
    expect((await admin("GET", "config")).body).toMatchObject({
      latencyMs: 0,
      lbErrorPattern: null,
      faults: [],
      seed: 1,
    });
  });
});

describe("state and config", () => {
  it("dumps the API JSON of every object, all zones", async () => {
    const { lbId } = await api().stack();
    await api().createIp({}, "pl-waw-1");
    const state = await api().state();
    expect(list(state, "lbs").map((lb) => str(lb, "id"))).toEqual([lbId]);
    expect(
      list(state, "ips")
        .map((ip) => str(ip, "zone"))
        .sort(),
    ).toEqual(["fr-par-1", "pl-waw-1"]);
    expect(list(state, "frontends")[0]).toMatchObject({ backend: { lb: { id: lbId } } });
  });

  it("PUT merges keys (timings per transition) and answers the full config", async () => {
    const before = await admin("GET", "config");
    expect(before.body).toMatchObject({
      latencyMs: 0,
      acceptedSecretKeys: null,
      timings: { lbCreate: { mode: "instant" }, certificate: { mode: "instant" } },
    });
    const after = await admin("PUT", "config", {
      timings: { lbCreate: { mode: "reads", reads: 2 } },
      seed: 7,
    });
    expect(after.status).toBe(200);
    expect(after.body).toMatchObject({
      seed: 7,
      timings: { lbCreate: { mode: "reads", reads: 2 }, lbDelete: { mode: "instant" } },
    });
  });

  it("rejects invalid config in Scaleway format", async () => {
    const bad = await admin("PUT", "config", { timings: { lbCreate: { mode: "sometimes" } } });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ type: "invalid_arguments" });
    expect((await admin("PUT", "config", { faults: [{ kind: "418", rate: 1 }] })).status).toBe(400);
    expect((await admin("PUT", "config", { lbErrorPattern: "(" })).status).toBe(400);
    expect((await admin("GET", "nothing")).status).toBe(404);
  });
});

describe("faults and latency", () => {
  it("answers 429 with Retry-After, 500 and 503 in Scaleway format, and logs them", async () => {
    await api().configure({ faults: [{ kind: "429", rate: 1, retryAfterSeconds: 3, method: "GET" }] });
    const limited = await api().get("lbs");
    expect(limited.status).toBe(429);
    expect(limited.body).toEqual({ message: "rate limit exceeded", type: "too_many_requests" });
    expect(limited.headers.get("retry-after")).toBe("3");
    expect((await api().post("ips", {})).status).toBe(200);
    await api().configure({ faults: [{ kind: "500", rate: 1 }] });
    expect((await api().get("lbs")).body).toEqual({ message: "internal error", type: "internal_error" });
    await api().configure({ faults: [{ kind: "503", rate: 1, pathPattern: "/ips" }] });
    expect((await api().get("ips")).status).toBe(503);
    expect((await api().get("lbs")).status).toBe(200);
    expect((await api().requests()).map((r) => r.status)).toEqual([429, 200, 500, 503, 200]);
  });

  it("reset destroys the connection; the request is logged with status 0", async () => {
    await api().configure({ faults: [{ kind: "reset", rate: 1 }] });
    await expect(api().get("lbs")).rejects.toThrow();
    await api().configure({ faults: [] });
    expect((await api().requests()).map((r) => r.status)).toEqual([0]);
  });

  it("phase after: the change is applied, then the answer fails", async () => {
    await api().configure({ faults: [{ kind: "503", rate: 1, method: "POST", phase: "after" }] });
    expect((await api().post("ips", { project_id: PROJECT })).status).toBe(503);
    await api().configure({ faults: [] });
    expect((await api().get("ips")).body.total_count).toBe(1);
  });

  it("slow faults and latency delay the answer without changing it", async () => {
    await api().configure({ latencyMs: 30, faults: [{ kind: "slow", rate: 1, slowMs: 30 }] });
    const res = await api().get("lbs");
    expect(res.status).toBe(200);
    const [entry] = await api().requests();
    expect(Number(at(entry, "durationMs"))).toBeGreaterThan(0);
  });

  it("is deterministic: same seed and same requests give the same faults", async () => {
    const run = async () => {
      await api().configure({ seed: 42, faults: [{ kind: "503", rate: 0.5 }] });
      const statuses: number[] = [];
      for (let i = 0; i < 20; i += 1) statuses.push((await api().get("lbs")).status);
      return statuses;
    };
    const first = await run();
    const second = await run();
    expect(second).toEqual(first);
    expect(first).toContain(503);
    expect(first).toContain(200);
  });

  it("admin calls are never faulted, delayed, authenticated or logged", async () => {
    await api().configure({ faults: [{ kind: "500", rate: 1 }], acceptedSecretKeys: ["k"] });
    expect((await admin("GET", "state")).status).toBe(200);
    expect(await api().requests()).toEqual([]);
  });
});
