#!/usr/bin/env node
// Load benchmark of the local LB API emulator: 50 concurrent clients x 200 mixed requests
// against one emulator, run twice with the realistic latency off: in memory, then with a data
// file (`--data`, every write journaled and fdatasynced before its answer). Fails (exit 1) on any
// 5xx, any transport error, or any write missing from the final state. Prints throughput, p50/p99
// latency and the RSS before/after each run, then the cost of one write with a data file as the
// store grows (it must not grow with it).
// Run after building: `npm run build && node scripts/bench-emulator.js [clients] [requests]`.

const { mkdtempSync, rmSync } = require("node:fs");
const { tmpdir } = require("node:os");
const { join } = require("node:path");

const CLIENTS = Number(process.argv[2] ?? 50);
const REQUESTS = Number(process.argv[3] ?? 200);
const PROJECT = "105bdce1-64c0-48ab-899d-868455867ecf";
const ZONE = "/lb/v1/zones/fr-par-1";

function loadEmulator() {
  try {
    return require(join(__dirname, "..", "dist", "emulator", "index.js"));
  } catch (error) {
    process.stderr.write(`dist/emulator is missing; run "npm run build" first (${error.message})\n`);
    process.exit(2);
  }
}

/** mulberry32: reproducible request mixes. */
function prng(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

let latencies = [];
let failures = [];
let serverErrors = 0;

async function call(base, method, path, body) {
  const started = performance.now();
  let res;
  try {
    res = await fetch(`${base}${ZONE}/${path}`, {
      method,
      headers: { "X-Auth-Token": "bench", ...(body ? { "Content-Type": "application/json" } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
  } catch (error) {
    failures.push(`${method} ${path}: ${error.message}`);
    return { status: 0, body: {} };
  }
  const text = await res.text();
  latencies.push(performance.now() - started);
  if (res.status >= 500) serverErrors += 1;
  return { status: res.status, body: text ? JSON.parse(text) : {} };
}

async function expectOk(base, method, path, body, status = 200) {
  const res = await call(base, method, path, body);
  if (res.status !== status)
    failures.push(`${method} ${path}: expected ${status}, got ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** One client: its own IP, LB, backends, frontends and ACLs; returns what the final state must show. */
async function client(base, index) {
  const random = prng(index + 1);
  const pick = (n) => Math.floor(random() * n);
  let sent = 0;
  const send = (method, path, body, status) => {
    sent += 1;
    return expectOk(base, method, path, body, status);
  };
  const ip = await send("POST", "ips", { project_id: PROJECT, tags: [] });
  const lb = await send("POST", "lbs", {
    project_id: PROJECT,
    name: `bench-${index}`,
    ip_id: ip.id,
    type: "LB-S",
  });
  await send("GET", `lbs/${lb.id}`);
  const model = {
    lbId: lb.id,
    ipId: ip.id,
    name: lb.name,
    ipTags: [],
    backends: new Map(),
    frontends: new Map(),
    acls: 0,
  };
  let port = 1000;
  // Each operation returns false when it does not apply yet; the next one is tried instead.
  const operations = [
    async () => {
      if (model.backends.size >= 6) return false;
      const pool = [`10.${index}.0.${pick(250) + 1}`];
      const be = await send("POST", `lbs/${lb.id}/backends`, {
        name: `b${sent}`,
        forward_protocol: "http",
        forward_port: 80,
        health_check: { port: 80 },
        server_ip: pool,
      });
      model.backends.set(be.id, pool);
      return true;
    },
    async () => {
      const ids = [...model.backends.keys()];
      if (ids.length === 0) return false;
      const id = ids[pick(ids.length)];
      const pool = [...new Set(Array.from({ length: pick(4) }, () => `10.${index}.1.${pick(250) + 1}`))];
      await send("PUT", `backends/${id}/servers`, { server_ip: pool });
      model.backends.set(id, pool);
      return true;
    },
    async () => {
      const ids = [...model.backends.keys()];
      if (ids.length === 0 || model.frontends.size >= 4) return false;
      const backendId = ids[pick(ids.length)];
      const fe = await send("POST", `lbs/${lb.id}/frontends`, {
        name: `f${sent}`,
        inbound_port: port++,
        backend_id: backendId,
      });
      model.frontends.set(fe.id, backendId);
      return true;
    },
    async () => {
      model.name = `bench-${index}-v${sent}`;
      await send("PUT", `lbs/${lb.id}`, { name: model.name, description: "", tags: [] });
      return true;
    },
    async () => {
      if (model.frontends.size === 0 || model.acls >= 5) return false;
      const frontendId = [...model.frontends.keys()][pick(model.frontends.size)];
      await send("POST", `frontends/${frontendId}/acls`, {
        name: `a${sent}`,
        action: { type: "allow" },
        index: model.acls,
      });
      model.acls += 1;
      return true;
    },
    async () => {
      const used = new Set(model.frontends.values());
      const free = [...model.backends.keys()].filter((id) => !used.has(id));
      if (free.length === 0 || random() < 0.5) return false;
      const id = free[pick(free.length)];
      await send("DELETE", `backends/${id}`, undefined, 204);
      model.backends.delete(id);
      return true;
    },
    async () => {
      model.ipTags = [`t${sent}`];
      await send("PATCH", `ips/${ip.id}`, { tags: model.ipTags });
      return true;
    },
    async () => Boolean(await send("GET", `lbs?name=bench-${index}&page_size=10`)),
    async () => Boolean(await send("GET", `lbs/${lb.id}/backends`)),
    async () => Boolean(await send("GET", `lbs/${lb.id}`)),
  ];
  while (sent < REQUESTS) {
    for (let i = pick(operations.length); !(await operations[i % operations.length]()); i += 1);
  }
  return model;
}

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

const mib = (bytes) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;

/** One load run; `dataFile` persists the store. Returns whether it passed. */
async function run(label, dataFile) {
  latencies = [];
  failures = [];
  serverErrors = 0;
  const { startEmulator } = loadEmulator();
  // Realistic latency off: what is measured is the emulator itself.
  const emulator = await startEmulator({ dataFile, config: { latencyMs: 0, methodLatencyMs: {} } });
  const rssBefore = process.memoryUsage().rss;
  const started = performance.now();
  const models = await Promise.all(Array.from({ length: CLIENTS }, (_, i) => client(emulator.url, i)));
  const elapsed = (performance.now() - started) / 1000;
  const rssAfter = process.memoryUsage().rss;
  const state = await (await fetch(`${emulator.url}/__emulator/state`)).json();
  await emulator.close();

  const lost = [];
  const lbs = new Map(state.lbs.map((lb) => [lb.id, lb]));
  const backends = new Map(state.backends.map((b) => [b.id, b]));
  const ips = new Map(state.ips.map((ip) => [ip.id, ip]));
  for (const m of models) {
    const lb = lbs.get(m.lbId);
    if (!lb) lost.push(`LB ${m.lbId} missing`);
    else {
      if (lb.name !== m.name) lost.push(`LB ${m.lbId} name ${lb.name}, expected ${m.name}`);
      if (lb.backend_count !== m.backends.size)
        lost.push(`LB ${m.lbId} backend_count ${lb.backend_count}, expected ${m.backends.size}`);
      if (lb.frontend_count !== m.frontends.size)
        lost.push(`LB ${m.lbId} frontend_count ${lb.frontend_count}`);
    }
    for (const [id, pool] of m.backends) {
      const b = backends.get(id);
      if (!b) lost.push(`backend ${id} missing`);
      else if (JSON.stringify(b.pool) !== JSON.stringify(pool))
        lost.push(`backend ${id} pool ${b.pool}, expected ${pool}`);
    }
    if (JSON.stringify(ips.get(m.ipId)?.tags) !== JSON.stringify(m.ipTags)) lost.push(`IP ${m.ipId} tags`);
    const acls = state.acls.filter((a) => a.frontend.lb.id === m.lbId).length;
    if (acls !== m.acls) lost.push(`LB ${m.lbId}: ${acls} ACLs, expected ${m.acls}`);
  }
  const extraBackends = state.backends.length - models.reduce((n, m) => n + m.backends.size, 0);
  if (extraBackends !== 0) lost.push(`${extraBackends} unexpected backends`);

  const sorted = [...latencies].sort((a, b) => a - b);
  const total = latencies.length;
  process.stdout.write(
    [
      `[${label}] clients ${CLIENTS} x ${REQUESTS} requests = ${total} requests in ${elapsed.toFixed(2)} s`,
      `  throughput ${(total / elapsed).toFixed(0)} req/s`,
      `  latency p50 ${percentile(sorted, 50).toFixed(2)} ms, p99 ${percentile(sorted, 99).toFixed(2)} ms, max ${sorted[total - 1].toFixed(2)} ms`,
      `  RSS before ${mib(rssBefore)}, after ${mib(rssAfter)}`,
      `  5xx answers ${serverErrors}, failed requests ${failures.length}, lost writes ${lost.length}`,
      "",
    ].join("\n"),
  );
  for (const line of [...failures, ...lost].slice(0, 20)) process.stdout.write(`  ${line}\n`);
  return serverErrors === 0 && failures.length === 0 && lost.length === 0;
}

/** Mean time of one durable write (PATCH of an IP) with a data file, at growing store sizes. */
async function writeCost(dir) {
  const { startEmulator } = loadEmulator();
  const emulator = await startEmulator({ dataFile: join(dir, "cost.json") });
  const post = (path, method, body) =>
    fetch(`${emulator.url}${ZONE}/${path}`, {
      method,
      headers: { "X-Auth-Token": "bench", "Content-Type": "application/json" },
      body: JSON.stringify(body),
    }).then((res) => res.json());
  const ip = await post("ips", "POST", { project_id: PROJECT, tags: [] });
  const rows = [];
  let size = 1;
  for (const target of [100, 1000, 5000]) {
    for (; size < target; size += 1)
      await post("ips", "POST", { project_id: PROJECT, tags: [`pad-${size}`] });
    const started = performance.now();
    const writes = 200;
    for (let i = 0; i < writes; i += 1) await post(`ips/${ip.id}`, "PATCH", { tags: [`w${i}`] });
    rows.push(`${target} IPs: ${((performance.now() - started) / writes).toFixed(2)} ms per write`);
  }
  await emulator.close();
  process.stdout.write(`[data file] cost of one write as the store grows: ${rows.join(", ")}\n`);
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), "lb-emulator-bench-"));
  try {
    const memory = await run("in memory, realistic latency off", undefined);
    const data = await run("--data, realistic latency off", join(dir, "bench.json"));
    await writeCost(dir);
    process.exitCode = memory && data ? 0 : 1;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  process.stderr.write(`${error.stack}\n`);
  process.exit(1);
});
