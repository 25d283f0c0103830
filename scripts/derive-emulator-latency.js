#!/usr/bin/env node
// Derives the per-method answer latency of the emulator's realistic preset from the recorded
// Terraform cassettes (test/fixtures/tf-cassettes): for every call to the LB API, go-vcr recorded
// the time the real API took to answer (`response.duration`); the figure kept per HTTP method is
// the median, rounded to the millisecond. Usage:
//   node scripts/derive-emulator-latency.js           print the figures
//   node scripts/derive-emulator-latency.js --write   rewrite emulator/realistic-latency.ts
// test/emulator/latency.test.ts checks that the source file matches what this script derives.

const { readdirSync, readFileSync, writeFileSync } = require("node:fs");
const { join } = require("node:path");
const { parse } = require("yaml");

const CASSETTES = join(__dirname, "..", "test", "fixtures", "tf-cassettes");
const TARGET = join(__dirname, "..", "emulator", "realistic-latency.ts");
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"];

/** Go duration text (`99.433569ms`, `1.2s`, `850µs`) in milliseconds. */
function durationMs(text) {
  const m = /^([\d.]+)(ns|µs|us|ms|s|m)$/.exec(String(text).trim());
  if (!m) return undefined;
  const unit = { ns: 1e-6, µs: 1e-3, us: 1e-3, ms: 1, s: 1000, m: 60000 }[m[2]];
  return Number(m[1]) * unit;
}

function median(sorted) {
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** `{ figures: {GET: ms, …}, samples: {GET: n, …} }` from every LB API call of every cassette. */
function derive() {
  const byMethod = new Map(METHODS.map((m) => [m, []]));
  for (const file of readdirSync(CASSETTES)
    .filter((f) => f.endsWith(".cassette.yaml"))
    .sort()) {
    const doc = parse(readFileSync(join(CASSETTES, file), "utf8"));
    for (const interaction of doc?.interactions ?? []) {
      const url = String(interaction?.request?.url ?? "");
      if (!url.includes("/lb/v1/")) continue;
      const ms = durationMs(interaction?.response?.duration);
      const samples = byMethod.get(String(interaction?.request?.method ?? ""));
      if (ms !== undefined && samples) samples.push(ms);
    }
  }
  const figures = {};
  const samples = {};
  for (const [method, list] of byMethod) {
    if (list.length === 0) continue;
    list.sort((a, b) => a - b);
    figures[method] = Math.round(median(list));
    samples[method] = list.length;
  }
  return { figures, samples };
}

function source({ figures, samples }) {
  const rows = Object.entries(figures).map(
    ([method, ms]) => `  ${method}: ${ms}, // median of ${samples[method]} recorded calls`,
  );
  return [
    "/**",
    " * Per-method answer latency of the realistic preset (`--timing realistic`), in milliseconds.",
    " * Derived by `node scripts/derive-emulator-latency.js --write` from the recorded cassettes in",
    " * test/fixtures/tf-cassettes: the median of go-vcr's `response.duration` (the time the real API",
    " * took to answer) over every LB API call of each HTTP method. Do not edit by hand.",
    " */",
    "export const REALISTIC_LATENCY_MS = {",
    ...rows,
    "} as const;",
    "",
  ].join("\n");
}

module.exports = { derive, source, TARGET };

if (require.main === module) {
  const derived = derive();
  if (process.argv.includes("--write")) {
    writeFileSync(TARGET, source(derived));
    process.stdout.write(`wrote ${TARGET}\n`);
  } else {
    process.stdout.write(`${JSON.stringify(derived, null, 2)}\n`);
  }
}
