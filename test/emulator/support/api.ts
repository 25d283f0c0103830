/** A small HTTP client for the emulator contract tests, plus builders for common objects. */
import { type RunningEmulator, startEmulator } from "../../../emulator";
import type { EmulatorConfigInput } from "../../../emulator/config";

export type Json = null | boolean | number | string | Json[] | JsonObject;
export interface JsonObject {
  [key: string]: Json;
}

export interface Answer {
  status: number;
  headers: Headers;
  text: string;
  /** Parsed body; `{}` for an empty one. */
  body: JsonObject;
}

export const PROJECT = "105bdce1-64c0-48ab-899d-868455867ecf";
export const TOKEN = "11111111-2222-4333-8444-555555555555";
export const MISSING = "0f0f0f0f-0000-4000-8000-000000000000";

function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** `body.a.b[0].c`-style access that fails loudly instead of returning undefined. */
export function at(value: Json | undefined, path: string): Json {
  let current: Json | undefined = value;
  for (const part of path.split(/\.|\[(\d+)\]/).filter((p) => p !== undefined && p !== "")) {
    if (Array.isArray(current) && /^\d+$/.test(part)) current = current[Number(part)];
    else if (isObject(current)) current = current[part];
    else throw new Error(`no ${path} in ${JSON.stringify(value)}`);
  }
  if (current === undefined) throw new Error(`no ${path} in ${JSON.stringify(value)}`);
  return current;
}

export function str(value: Json | undefined, path: string): string {
  const found = at(value, path);
  if (typeof found !== "string") throw new Error(`${path} is not a string: ${JSON.stringify(found)}`);
  return found;
}

export function list(value: Json | undefined, path: string): Json[] {
  const found = at(value, path);
  if (!Array.isArray(found)) throw new Error(`${path} is not an array: ${JSON.stringify(found)}`);
  return found;
}

export interface CallOptions {
  headers?: Record<string, string>;
  /** Sent verbatim instead of `JSON.stringify(body)`. */
  raw?: string;
  zone?: string;
}

export class Api {
  constructor(
    readonly base: string,
    readonly token: string | null = TOKEN,
    readonly zone = "fr-par-1",
  ) {}

  /** Paths not starting with `/` are relative to `/lb/v1/zones/{zone}/`. */
  url(path: string, zone = this.zone): string {
    return path.startsWith("/") ? `${this.base}${path}` : `${this.base}/lb/v1/zones/${zone}/${path}`;
  }

  async call(method: string, path: string, body?: unknown, options: CallOptions = {}): Promise<Answer> {
    const payload = options.raw ?? (body === undefined ? undefined : JSON.stringify(body));
    const headers: Record<string, string> = { ...options.headers };
    if (this.token !== null) headers["X-Auth-Token"] = this.token;
    if (payload !== undefined) headers["Content-Type"] = "application/json";
    const res = await fetch(this.url(path, options.zone), { method, headers, body: payload });
    const text = await res.text();
    let parsed: unknown = {};
    if (text !== "") parsed = JSON.parse(text);
    return { status: res.status, headers: res.headers, text, body: isObject(parsed) ? parsed : {} };
  }

  get(path: string, options?: CallOptions) {
    return this.call("GET", path, undefined, options);
  }
  post(path: string, body?: unknown, options?: CallOptions) {
    return this.call("POST", path, body ?? {}, options);
  }
  put(path: string, body?: unknown, options?: CallOptions) {
    return this.call("PUT", path, body ?? {}, options);
  }
  patch(path: string, body?: unknown, options?: CallOptions) {
    return this.call("PATCH", path, body ?? {}, options);
  }
  del(path: string, body?: unknown, options?: CallOptions) {
    return this.call("DELETE", path, body, options);
  }

  withToken(token: string | null): Api {
    return new Api(this.base, token, this.zone);
  }

  async reset(): Promise<void> {
    const res = await fetch(`${this.base}/__emulator/reset`, { method: "POST" });
    expect(res.status).toBe(204);
  }

  async configure(patch: EmulatorConfigInput | Record<string, unknown>): Promise<JsonObject> {
    const res = await fetch(`${this.base}/__emulator/config`, {
      method: "PUT",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(patch),
    });
    const body: unknown = await res.json();
    if (res.status !== 200) throw new Error(`config rejected: ${JSON.stringify(body)}`);
    return isObject(body) ? body : {};
  }

  async requests(): Promise<JsonObject[]> {
    const res = await fetch(`${this.base}/__emulator/requests`);
    const body: unknown = await res.json();
    const requests = isObject(body) ? body.requests : undefined;
    return Array.isArray(requests) ? requests.filter(isObject) : [];
  }

  async state(): Promise<JsonObject> {
    const res = await fetch(`${this.base}/__emulator/state`);
    const body: unknown = await res.json();
    return isObject(body) ? body : {};
  }

  // ---- builders (each expects success) ----

  async ok(answer: Promise<Answer>, status = 200): Promise<JsonObject> {
    const a = await answer;
    if (a.status !== status) throw new Error(`expected ${status}, got ${a.status}: ${a.text}`);
    return a.body;
  }

  createIp(extra: Record<string, unknown> = {}, zone?: string) {
    return this.ok(this.post("ips", { project_id: PROJECT, is_ipv6: false, tags: [], ...extra }, { zone }));
  }

  /** Creates an LB and reads it once, so it is `ready` under the default instant timings. */
  async createLb(extra: Record<string, unknown> = {}, zone?: string): Promise<JsonObject> {
    const lb = await this.ok(
      this.post(
        "lbs",
        {
          project_id: PROJECT,
          name: "lb",
          description: "",
          ip_ids: [],
          tags: null,
          type: "LB-S",
          ssl_compatibility_level: "ssl_compatibility_level_intermediate",
          ...extra,
        },
        { zone },
      ),
    );
    await this.get(`lbs/${str(lb, "id")}`, { zone });
    return lb;
  }

  createBackend(lbId: string, extra: Record<string, unknown> = {}) {
    return this.ok(
      this.post(`lbs/${lbId}/backends`, {
        name: "bkd",
        forward_protocol: "http",
        forward_port: 80,
        forward_port_algorithm: "roundrobin",
        sticky_sessions: "none",
        health_check: { port: 80, check_max_retries: 2 },
        server_ip: ["10.0.0.1"],
        ...extra,
      }),
    );
  }

  createFrontend(lbId: string, backendId: string, extra: Record<string, unknown> = {}) {
    return this.ok(
      this.post(`lbs/${lbId}/frontends`, { name: "frt", inbound_port: 80, backend_id: backendId, ...extra }),
    );
  }

  /** A VPC private network in the region of `fr-par-1` (the project's default VPC, a free `/22`). */
  createPrivateNetwork(extra: Record<string, unknown> = {}, region = "fr-par") {
    return this.ok(
      this.post(`/vpc/v2/regions/${region}/private-networks`, { name: "pn", project_id: PROJECT, ...extra }),
    );
  }

  /** An LB with an HTTP backend and a frontend on port 80. */
  async stack(): Promise<{ lbId: string; backendId: string; frontendId: string }> {
    const lb = await this.createLb();
    const lbId = str(lb, "id");
    const backendId = str(await this.createBackend(lbId), "id");
    const frontendId = str(await this.createFrontend(lbId, backendId), "id");
    return { lbId, backendId, frontendId };
  }
}

/** Starts one emulator for a test file; `api()` gives a client, `reset()` runs before each test. */
export function useEmulator(config?: EmulatorConfigInput) {
  let running: RunningEmulator | undefined;
  let client: Api | undefined;
  beforeAll(async () => {
    running = await startEmulator({ config });
    client = new Api(running.url);
  });
  beforeEach(async () => {
    await client?.reset();
  });
  afterAll(async () => {
    await running?.close();
  });
  return {
    api(): Api {
      if (!client) throw new Error("emulator not started");
      return client;
    },
    emulator(): RunningEmulator {
      if (!running) throw new Error("emulator not started");
      return running;
    },
  };
}

export function expectInvalidArgument(answer: Answer, argumentName: string, reason?: string): void {
  expect(answer.status).toBe(400);
  expect(answer.body).toMatchObject({ type: "invalid_arguments", message: "invalid argument(s)" });
  const details = list(answer.body, "details");
  expect(details).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ argument_name: argumentName, ...(reason ? { reason } : {}) }),
    ]),
  );
}
