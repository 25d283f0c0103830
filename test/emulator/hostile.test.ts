/**
 * Hostile input against one shared emulator: malformed request lines and headers, oversized and
 * deeply nested bodies, floods of unauthenticated requests (RSS bound), slow clients, admin-API
 * abuse. Loopback only; every loop is bounded; after each attack the server must still serve.
 */
import { readFileSync } from "node:fs";
import { connect } from "node:net";
import { join } from "node:path";
import { defaultConfig } from "../../emulator/config";
import { MAX_BODY_DEPTH } from "../../emulator/json-depth";
import { REDACTED, REDACTED_PRIVATE_KEY } from "../../emulator/redaction";
import { EmulatorRuntime } from "../../emulator/runtime";
import { createEmulatorServer, MAX_BODY_BYTES } from "../../emulator/server";
import { type Api, expectInvalidArgument, PROJECT, str, useEmulator } from "./support/api";

const emu = useEmulator();
const api = (): Api => emu.api();

/** Sends `raw` bytes on a fresh loopback connection; resolves with everything the server sent back. */
function rawExchange(raw: string | Buffer, port = emu.emulator().port): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: "127.0.0.1", port });
    const chunks: Buffer[] = [];
    socket.setTimeout(10_000, () => {
      socket.destroy();
      reject(new Error("no answer within 10 s"));
    });
    socket.on("data", (chunk: Buffer) => chunks.push(chunk));
    socket.on("error", () => resolve(Buffer.concat(chunks).toString("utf8")));
    socket.on("close", () => resolve(Buffer.concat(chunks).toString("utf8")));
    socket.write(raw);
  });
}

function parseRaw(text: string): { status: number; body: unknown; contentType: string } {
  const [head = "", body = ""] = text.split("\r\n\r\n");
  const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1] ?? 0);
  const contentType = /content-type: ([^\r\n]+)/i.exec(head)?.[1] ?? "";
  return { status, body: body === "" ? null : JSON.parse(body), contentType };
}

async function admin(method: string, path: string, body?: string) {
  const res = await fetch(`${emu.emulator().url}/__emulator/${path}`, {
    method,
    headers: { "Content-Type": "application/json" },
    body,
  });
  const text = await res.text();
  return { status: res.status, body: text === "" ? null : (JSON.parse(text) as Record<string, unknown>) };
}

async function stillServes(): Promise<void> {
  expect((await api().get("lbs")).status).toBe(200);
}

describe("malformed request lines and headers", () => {
  it("answers 400 in Scaleway format to an unparsable request target, and keeps serving", async () => {
    const answer = parseRaw(
      await rawExchange(
        "GET http://[::1/lb/v1/zones/fr-par-1/lbs HTTP/1.1\r\nHost: x\r\nX-Auth-Token: t\r\nConnection: close\r\n\r\n",
      ),
    );
    expect(answer.status).toBe(400);
    expect(answer.contentType).toBe("application/json");
    expect(answer.body).toMatchObject({
      type: "invalid_arguments",
      details: [expect.objectContaining({ argument_name: "url", reason: "format" })],
    });
    await stillServes();
  });

  it.each([
    ["a garbage request line", "GARBAGE\r\n\r\n"],
    ["a header without a colon", "GET /lb/v1/zones/fr-par-1/lbs HTTP/1.1\r\nHost x\r\n\r\n"],
    ["a control character in a header", "GET /lb/v1/zones/fr-par-1/lbs HTTP/1.1\r\nHost: a\u0001b\r\n\r\n"],
    ["a space in the target", "GET /lb/v1/zones/fr par/lbs HTTP/1.1\r\nHost: x\r\n\r\n"],
    ["an unknown HTTP version", "GET / HTTP/9.9\r\nHost: x\r\n\r\n"],
    [
      "two Content-Length headers",
      "POST /x HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab",
    ],
    ["a bad chunk size", "POST /x HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nZZ\r\n"],
  ])("answers %s with a JSON 400 and keeps serving", async (_name, raw) => {
    const answer = parseRaw(await rawExchange(raw));
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ type: "invalid_arguments", message: "invalid argument(s)" });
    await stillServes();
  });

  it("answers 431 in JSON to headers over node's limit", async () => {
    const raw = `GET /lb/v1/zones/fr-par-1/lbs HTTP/1.1\r\nHost: x\r\nX-Big: ${"a".repeat(64 * 1024)}\r\n\r\n`;
    const answer = parseRaw(await rawExchange(raw));
    expect(answer.status).toBe(431);
    expect(answer.body).toMatchObject({ type: "invalid_arguments" });
    await stillServes();
  });

  it.each([
    "*",
    "//double/slash",
    "/lb/v1/zones/fr-par-1/lbs/%zz",
    "/lb/v1/zones/%00/lbs",
    "/__emulator/%2e%2e/requests",
    "http://other.host/lb/v1/zones/fr-par-1/lbs",
  ])("answers an odd target (%s) with a Scaleway-format 4xx or 200, never a crash", async (target) => {
    const answer = parseRaw(
      await rawExchange(`GET ${target} HTTP/1.1\r\nHost: x\r\nX-Auth-Token: t\r\nConnection: close\r\n\r\n`),
    );
    expect([200, 400, 404]).toContain(answer.status);
    expect(answer.body).toEqual(expect.any(Object));
    await stillServes();
  });
});

describe("bodies", () => {
  it("refuses a body nested deeper than the limit with 400, and the request log still answers", async () => {
    const depth = 100_000;
    const nested = `{"project_id":"${PROJECT}","ignored":${"[".repeat(depth)}${"]".repeat(depth)}}`;
    const res = await api().post("ips", undefined, { raw: nested });
    expectInvalidArgument(res, "body", "format");
    const log = await admin("GET", "requests");
    expect(log.status).toBe(200);
    expect(log.body?.requests).toEqual([expect.objectContaining({ status: 400, body: null })]);
    await stillServes();
  });

  it(`accepts ${MAX_BODY_DEPTH} levels (the documented limit), refuses one more`, async () => {
    const body = (depth: number) =>
      `{"project_id":"${PROJECT}","x":${"[".repeat(depth - 1)}${"]".repeat(depth - 1)}}`;
    expect((await api().post("ips", undefined, { raw: body(MAX_BODY_DEPTH) })).status).toBe(200);
    expectInvalidArgument(
      await api().post("ips", undefined, { raw: body(MAX_BODY_DEPTH + 1) }),
      "body",
      "format",
    );
    // Brackets inside strings do not count.
    const inString = `{"project_id":"${PROJECT}","x":"${"[{".repeat(1000)}"}`;
    expect((await api().post("ips", undefined, { raw: inString })).status).toBe(200);
  });

  it("keeps the RSS bounded under 100 unauthenticated 1 MiB bodies (none of them stored)", async () => {
    // Empty arrays: a parsed copy kept per request costs about 14 MiB each (1.4 GB in all).
    const element = "[],";
    const body = `[${element.repeat(Math.floor((MAX_BODY_BYTES - 2) / element.length)).slice(0, -1)}]`;
    expect(Buffer.byteLength(body)).toBeLessThanOrEqual(MAX_BODY_BYTES);
    const anonymous = api().withToken(null);
    const before = process.memoryUsage().rss;
    for (let batch = 0; batch < 10; batch += 1) {
      const answers = await Promise.all(
        Array.from({ length: 10 }, () => anonymous.post("lbs", undefined, { raw: body })),
      );
      for (const answer of answers) expect(answer.status).toBe(401);
    }
    const grown = process.memoryUsage().rss - before;
    // Generous: the bodies themselves total 100 MiB; keeping them parsed costs gigabytes.
    expect(grown).toBeLessThan(400 * 1024 * 1024);
    const log = await api().requests();
    expect(log).toHaveLength(100);
    expect(log.every((entry) => entry.body === null && entry.status === 401)).toBe(true);
    await stillServes();
  }, 120_000);

  it("answers 400 to a body over 1 MiB sent to the admin API", async () => {
    const res = await admin("PUT", "config", JSON.stringify({ seed: 1, pad: "x".repeat(MAX_BODY_BYTES) }));
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ type: "invalid_arguments" });
  });
});

describe("request log: bounded, no refused bodies, no secrets", () => {
  it("keeps the newest requestLogLimit entries and counts the dropped ones", async () => {
    await api().configure({ requestLogLimit: 3 });
    for (let i = 0; i < 5; i += 1) await api().get(`lbs?page=${i + 1}`);
    const log = await admin("GET", "requests");
    expect(log.body).toMatchObject({ dropped: 2, limit: 3 });
    expect((log.body?.requests as Array<{ query: unknown }> | undefined)?.map((r) => r.query)).toEqual([
      { page: "3" },
      { page: "4" },
      { page: "5" },
    ]);
    await api().reset();
    expect((await admin("GET", "requests")).body).toMatchObject({ requests: [], dropped: 0, limit: 10_000 });
  });

  it("does not store the bodies of 4xx answers", async () => {
    await api().post("lbs", { name: "", project_id: PROJECT, secret_payload: "x".repeat(1000) });
    await api().withToken(null).post("ips", { project_id: PROJECT });
    const log = await api().requests();
    expect(log.map((r) => [r.status, r.body])).toEqual([
      [400, null],
      [401, null],
    ]);
  });

  it("redacts private keys inside certificate chains and secret-named fields", async () => {
    const lb = await api().createLb();
    const chain = readFileSync(join(__dirname, "fixtures", "chain-with-sans.pem"), "utf8");
    expect(chain).toContain("PRIVATE KEY-----");
    await api().ok(
      api().post(`lbs/${str(lb, "id")}/certificates`, {
        name: "c",
        custom_certificate: { certificate_chain: chain },
      }),
    );
    await api().post("ips", { project_id: PROJECT, tags: [], token: "tok-123", nested: { password: "pw" } });
    const text = await (await fetch(`${emu.emulator().url}/__emulator/requests`)).text();
    expect(text).not.toMatch(/PRIVATE KEY-----\\n[A-Za-z0-9+/]/);
    expect(text).not.toContain("tok-123");
    expect(text).not.toContain('"pw"');
    const log = await api().requests();
    const certBody = JSON.stringify(log.find((r) => String(r.path).endsWith("/certificates"))?.body);
    expect(certBody).toContain(REDACTED_PRIVATE_KEY);
    expect(certBody).toContain("BEGIN CERTIFICATE");
    expect(log.at(-1)?.body).toMatchObject({ token: REDACTED, nested: { password: REDACTED } });
  });

  it("replaces a body larger than 64 KiB by a placeholder", async () => {
    await api().post("ips", { project_id: PROJECT, tags: [], pad: "x".repeat(100 * 1024) });
    const [entry] = await api().requests();
    expect(entry?.body).toMatch(/^\[body of \d+ bytes not kept by the emulator\]$/);
  });
});

describe("slow clients", () => {
  it("serves other clients while many connections trickle their headers and bodies", async () => {
    const port = emu.emulator().port;
    const sockets = Array.from({ length: 30 }, (_, i) => {
      const socket = connect({ host: "127.0.0.1", port });
      socket.on("error", () => undefined);
      socket.write(
        i % 2 === 0
          ? "GET /lb/v1/zones/fr-par-1/lbs HTTP/1.1\r\nHost: x\r\nX-Slow: "
          : "POST /lb/v1/zones/fr-par-1/ips HTTP/1.1\r\nHost: x\r\nX-Auth-Token: t\r\nContent-Length: 100000\r\n\r\n{",
      );
      return socket;
    });
    try {
      for (let i = 0; i < 10; i += 1) expect((await api().createIp()).id).toEqual(expect.any(String));
      await stillServes();
    } finally {
      for (const socket of sockets) socket.destroy();
    }
    // The abandoned uploads were never processed.
    expect((await api().get("ips")).body.total_count).toBe(10);
  });
});

describe("admin-API abuse", () => {
  it("runs a catastrophic-backtracking lbErrorPattern in linear time", async () => {
    await api().configure({ lbErrorPattern: "^(a+)+$" });
    const doomed = await api().createLb({ name: "a".repeat(40) });
    expect((await api().get(`lbs/${str(doomed, "id")}`)).body.status).toBe("error");
    // With a backtracking engine, this read alone would block the event loop for hours.
    const spared = await api().createLb({ name: `${"a".repeat(40)}!` });
    expect((await api().get(`lbs/${str(spared, "id")}`)).body.status).toBe("ready");
  });

  it("runs a catastrophic fault pathPattern in linear time", async () => {
    await api().configure({ faults: [{ kind: "503", rate: 1, pathPattern: "^(/+[a-z]+)+$" }] });
    expect((await api().get(`${"lbs".repeat(1)}?x=1`)).status).toBe(200);
    const path = `/lb/v1/zones/fr-par-1/${"a".repeat(60)}-`;
    expect((await api().get(path)).status).toBe(404);
  });

  it("refuses unsupported or oversized patterns with a 400 naming the problem", async () => {
    for (const [pattern, message] of [
      ["(?<=a)b", /lookarounds/],
      ["(a)\\1", /backreferences/],
      ["\\bword", /word boundaries/],
      ["(a{100}){100}", /too large/],
      ["x".repeat(300), /limited to 256/],
      ["(", /unterminated group/],
    ] as const) {
      const res = await admin("PUT", "config", JSON.stringify({ lbErrorPattern: pattern }));
      expect(res.status).toBe(400);
      expect(JSON.stringify(res.body)).toMatch(message);
    }
  });

  it("refuses 429 with phase after, an out-of-range log limit, deep or malformed config bodies", async () => {
    const refused = await admin(
      "PUT",
      "config",
      JSON.stringify({ faults: [{ kind: "429", rate: 1, phase: "after" }] }),
    );
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.body)).toContain("did not process");
    expect((await admin("PUT", "config", JSON.stringify({ requestLogLimit: -1 }))).status).toBe(400);
    expect((await admin("PUT", "config", JSON.stringify({ requestLogLimit: 1e9 }))).status).toBe(400);
    // Timers past 2^31 ms would fire at once: delays are capped at ten minutes.
    expect((await admin("PUT", "config", JSON.stringify({ latencyMs: 2 ** 31 }))).status).toBe(400);
    expect((await admin("PUT", "config", JSON.stringify({ methodLatencyMs: { GET: 1e12 } }))).status).toBe(
      400,
    );
    const slow = { faults: [{ kind: "slow", rate: 1, slowMs: 1e10 }] };
    expect((await admin("PUT", "config", JSON.stringify(slow))).status).toBe(400);
    expect((await admin("PUT", "config", `{"timings":${"[".repeat(50_000)}`)).status).toBe(400);
    expect((await admin("PUT", "config", "{not json")).status).toBe(400);
    expect((await admin("DELETE", "requests")).status).toBe(404);
    expect((await admin("GET", "config")).body).toMatchObject({ faults: [], requestLogLimit: 10_000 });
  });
});

describe("last resort", () => {
  it("answers 500 in Scaleway format when request handling throws unexpectedly, and keeps serving", async () => {
    const lines: string[] = [];
    const runtime = new EmulatorRuntime(defaultConfig(), undefined, (l) => lines.push(l));
    const server = createEmulatorServer(runtime, (l) => lines.push(l));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const address = server.address();
    const port = typeof address === "object" && address ? address.port : 0;
    const original = runtime.log.add.bind(runtime.log);
    runtime.log.add = () => {
      throw new Error("boom");
    };
    try {
      const request =
        "GET /lb/v1/zones/fr-par-1/lbs HTTP/1.1\r\nHost: x\r\nX-Auth-Token: t\r\nConnection: close\r\n\r\n";
      const failed = parseRaw(await rawExchange(request, port));
      expect(failed.status).toBe(500);
      expect(failed.body).toEqual({ message: "internal error", type: "internal_error" });
      expect(lines.join("\n")).toContain("boom");
      runtime.log.add = original;
      expect(parseRaw(await rawExchange(request, port)).status).toBe(200);
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
