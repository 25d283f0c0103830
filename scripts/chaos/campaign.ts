/**
 * The fault campaign (issue 11): randomized fault runs and interruptions of `pulumi up`, each
 * followed by what a user would do, then an audit of the cloud against the stack's state.
 *
 * - Fault run: the emulator answers a random share of API requests with 429/500/503/reset/slow,
 *   before or after applying the change, during one `pulumi up`; then the faults stop and the
 *   user runs `pulumi up` once more. Converged: that `up` succeeds and a preview shows no change.
 * - Interruption: `pulumi up` gets SIGINT or SIGKILL at a random moment; nothing of ours may
 *   outlive a SIGKILL'd CLI by more than ORPHAN_BOUND_MS. Then the user's recovery
 *   (RECOVERY_AFTER_KILL, or a plain `up` after SIGINT), and the same convergence check.
 * After each run the stack is destroyed: anything left in the API is leaked as well.
 * Every random choice derives from the run's seed.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { type Audit, apiState, audit, type CloudObject, stateIds } from "./audit";
import { PROGRAM_RESOURCES, writeProgram } from "./program";
import { describeProcesses, type PulumiSession, run, start, survivors } from "./pulumi";
import { type Random, seededRandom } from "./random";

/** How long processes of a SIGKILL'd `pulumi up` may survive it. */
export const ORPHAN_BOUND_MS = 15_000;

/** What a user runs after a SIGKILL'd `pulumi up` (the README says the same). */
export const RECOVERY_AFTER_KILL: readonly (readonly string[])[] = [
  ["cancel", "--yes"],
  ["refresh", "--yes", "--clear-pending-creates", "--skip-preview"],
  ["up", "--yes", "--skip-preview"],
];

/** API latency during interruptions, so that the creates span a few seconds to interrupt. */
const INTERRUPTION_LATENCY_MS = 100;

const FAULT_KINDS = ["429", "500", "503", "reset", "slow"] as const;

export interface CampaignOptions {
  readonly emulatorUrl: string;
  /** Inside the repository (programs resolve the package from its node_modules). */
  readonly workDir: string;
  /** `pulumi up --parallel`; 1 makes the order of API requests, hence the faults, reproducible. */
  readonly parallel: number;
  readonly log: (line: string) => void;
}

export interface RunReport {
  readonly type: "fault" | "interruption";
  readonly seed: number;
  /** Fault rules (fault runs) or the signal and its moment (interruptions). */
  readonly setup: string;
  /** API answers that were faults (429, 500, 503, reset; `slow` ones are not visible). */
  readonly faults: number;
  readonly converged: boolean;
  readonly leaked: CloudObject[];
  readonly duplicated: CloudObject[];
  readonly lost: string[];
  /** Processes of ours alive ORPHAN_BOUND_MS after a SIGKILL. */
  readonly orphans: string[];
  readonly notes: string[];
}

interface FaultRule {
  kind: (typeof FAULT_KINDS)[number];
  rate: number;
  phase?: "before" | "after";
  slowMs?: number;
}

async function admin(url: string, method: string, path: string, body?: unknown): Promise<Response> {
  return fetch(`${url}/__emulator/${path}`, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

/** Faulted answers in the emulator's request log since its last reset. */
async function faultCount(url: string): Promise<number> {
  const log = (await (await admin(url, "GET", "requests")).json()) as { requests?: { status?: number }[] };
  return (log.requests ?? []).filter(
    (r) => r.status === 0 || r.status === 429 || r.status === 500 || r.status === 503,
  ).length;
}

export function faultRules(random: Random): FaultRule[] {
  const kinds = random.subset(FAULT_KINDS);
  const total = 0.1 + random.next() * 0.3;
  return kinds.map((kind) => {
    if (kind === "slow") return { kind, rate: total / kinds.length, slowMs: random.int(200, 1500) };
    // A 429 means the request was not processed (emulator/README.md): never "after". The draw is
    // made all the same, so every seed keeps its sequence.
    const after = random.next() >= 0.5;
    return { kind, rate: total / kinds.length, phase: after && kind !== "429" ? "after" : "before" };
  });
}

/** Applies the rules; a rule the emulator refuses (e.g. a 429 after the change) is dropped and noted. */
async function applyFaults(
  url: string,
  rules: FaultRule[],
  seed: number,
  notes: string[],
): Promise<FaultRule[]> {
  const accepted: FaultRule[] = [];
  for (const rule of rules) {
    const response = await admin(url, "PUT", "config", { faults: [...accepted, rule], seed });
    if (response.ok) accepted.push(rule);
    else notes.push(`emulator refused ${JSON.stringify(rule)}: ${await response.text()}`);
  }
  await admin(url, "PUT", "config", { faults: accepted, seed });
  return accepted;
}

function checkpointFile(s: PulumiSession): string {
  const backend = s.env.PULUMI_BACKEND_URL?.replace(/^file:\/\//, "") ?? "";
  return join(backend, ".pulumi", "stacks", "chaos", `${s.stack}.json`);
}

/**
 * A SIGKILL while the file backend writes the checkpoint (or its `.attrs`) can leave it
 * unreadable ("failed to load checkpoint: EOF"); the backend keeps the previous pair as
 * `<stack>.json.bak` and `<stack>.json.bak.attrs`, and a user puts them back (README). Objects
 * created after that backup are taken over by the next `up`.
 */
function restoreCheckpointBackup(s: PulumiSession): boolean {
  const file = checkpointFile(s);
  if (!existsSync(`${file}.bak`)) return false;
  copyFileSync(`${file}.bak`, file);
  if (existsSync(`${file}.bak.attrs`)) copyFileSync(`${file}.bak.attrs`, `${file}.attrs`);
  return true;
}

/** The stack's checkpoint as the file backend stores it (what `pulumi stack export` prints). */
function readState(s: PulumiSession): string {
  const file = checkpointFile(s);
  const checkpoint = JSON.parse(readFileSync(file, "utf8")) as { checkpoint?: { latest?: unknown } };
  return JSON.stringify({ deployment: checkpoint.checkpoint?.latest ?? {} });
}

function session(options: CampaignOptions, name: string, seed: number): PulumiSession & { cleanup(): void } {
  const dir = mkdtempSync(join(options.workDir, `${name}-`));
  mkdirSync(join(dir, "state"));
  const programDir = writeProgram(join(dir, "program"));
  return {
    programDir,
    stack: `${name}-${seed}`,
    logFile: join(options.workDir, `${name}-${seed}.log`),
    mark: `${name}-${seed}-${process.pid}-${Date.now()}`,
    env: {
      PULUMI_BACKEND_URL: `file://${join(dir, "state")}`,
      PULUMI_CONFIG_PASSPHRASE: "chaos-passphrase-not-a-secret",
      PULUMI_SKIP_UPDATE_CHECK: "true",
      PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
      SCW_API_URL: options.emulatorUrl,
      SCW_SECRET_KEY: "00000000-chaos-secret-key-0000000000",
      SCW_DEFAULT_PROJECT_ID: "11111111-2222-4333-8444-555555555555",
      SCW_LB_RATE_LIMIT: "1000",
    },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** The user's `up` after the faults stopped or the interruption, then "is everything as declared?". */
async function converge(s: PulumiSession, parallel: number, notes: string[]): Promise<boolean> {
  const up = await run(s, ["up", "--yes", "--skip-preview", "--parallel", String(parallel)]);
  if (up.code !== 0) {
    notes.push(`up after recovery failed: ${lastLines(up.output)}`);
    return false;
  }
  const preview = await run(s, ["preview", "--expect-no-changes"]);
  if (preview.code !== 0) notes.push(`preview after recovery shows changes: ${lastLines(preview.output)}`);
  return preview.code === 0;
}

/** Audit before and after `destroy`: what destroy leaves behind is leaked too. */
async function auditAndDestroy(
  s: PulumiSession,
  url: string,
  converged: boolean,
  notes: string[],
): Promise<Pick<Audit, "leaked" | "duplicated" | "lost">> {
  const ids = stateIds(readState(s));
  const before = audit(await apiState(url), ids, converged ? PROGRAM_RESOURCES : null);
  const destroy = await run(s, ["destroy", "--yes", "--skip-preview"]);
  if (destroy.code !== 0) notes.push(`destroy failed: ${lastLines(destroy.output)}`);
  const after = audit(await apiState(url), new Map(), null);
  const leakedIds = new Set(before.leaked.map((o) => o.id));
  const survivedDestroy = after.leaked.filter((o) => !leakedIds.has(o.id));
  if (survivedDestroy.length > 0) notes.push(`survived destroy: ${survivedDestroy.map(show).join(", ")}`);
  return { leaked: [...before.leaked, ...survivedDestroy], duplicated: before.duplicated, lost: before.lost };
}

export async function faultRun(options: CampaignOptions, seed: number): Promise<RunReport> {
  const random = seededRandom(seed);
  const notes: string[] = [];
  const url = options.emulatorUrl;
  await admin(url, "POST", "reset");
  const s = session(options, "fault", seed);
  try {
    await run(s, ["stack", "init"]);
    const rules = await applyFaults(url, faultRules(random), seed, notes);
    const faulted = await run(s, ["up", "--yes", "--skip-preview", "--parallel", String(options.parallel)]);
    const faults = await faultCount(url);
    notes.push(`faulted up ${faulted.code === 0 ? "succeeded" : "failed"}`);
    if (faulted.code !== 0) notes.push(lastLines(faulted.output));
    await admin(url, "PUT", "config", { faults: [] });
    const converged = await converge(s, options.parallel, notes);
    const found = await auditAndDestroy(s, url, converged, notes);
    return {
      type: "fault",
      seed,
      setup: rules.map(showRule).join(" + "),
      faults,
      converged,
      ...found,
      orphans: [],
      notes,
    };
  } finally {
    s.cleanup();
  }
}

export async function interruptionRun(
  options: CampaignOptions,
  seed: number,
  upMs: number,
): Promise<RunReport> {
  const random = seededRandom(seed);
  const notes: string[] = [];
  const url = options.emulatorUrl;
  await admin(url, "POST", "reset");
  const s = session(options, "interrupt", seed);
  try {
    await run(s, ["stack", "init"]);
    await admin(url, "PUT", "config", { latencyMs: INTERRUPTION_LATENCY_MS });
    const signal: NodeJS.Signals = random.next() < 0.5 ? "SIGINT" : "SIGKILL";
    const delayMs = Math.round(random.next() * upMs);
    const up = start(s, ["up", "--yes", "--skip-preview", "--parallel", String(options.parallel)]);
    // The moment is counted from the first API request: the engine's start-up touches nothing.
    const finished = await Promise.race([
      up.done.then(() => true),
      firstRequest(url).then(() => sleep(delayMs).then(() => false)),
    ]);
    if (finished) notes.push(`up finished before the ${signal} at ${delayMs} ms`);
    else up.kill(signal);
    const ended = await Promise.race([up.done.then(() => true), sleep(180_000).then(() => false)]);
    if (!ended) {
      notes.push(`up did not stop within 180 s of ${signal}: killed`);
      up.kill("SIGKILL");
      await up.done;
    }
    const orphans = await orphansAfter(s.mark);
    await admin(url, "PUT", "config", { latencyMs: 0 });
    if (signal === "SIGKILL") {
      for (const step of RECOVERY_AFTER_KILL.slice(0, -1)) {
        let result = await run(s, step);
        if (result.output.includes("failed to load checkpoint") && restoreCheckpointBackup(s)) {
          notes.push("the kill left the checkpoint unreadable: restored its .bak");
          result = await run(s, step);
        }
        if (result.code !== 0) notes.push(`${step.join(" ")}: ${lastLines(result.output)}`);
      }
    }
    const converged = await converge(s, options.parallel, notes);
    const found = await auditAndDestroy(s, url, converged, notes);
    await run(s, ["stack", "rm", "--yes", "--force"]);
    return {
      type: "interruption",
      seed,
      setup: `${signal} at ${delayMs} ms`,
      faults: 0,
      converged,
      ...found,
      orphans,
      notes,
    };
  } finally {
    s.cleanup();
  }
}

/** Processes of the session still alive once the bound has passed (empty as soon as none is left). */
async function orphansAfter(mark: string): Promise<string[]> {
  const until = Date.now() + ORPHAN_BOUND_MS;
  for (;;) {
    const alive = survivors(mark);
    if (alive.length === 0) return [];
    if (Date.now() >= until) return describeProcesses(alive);
    await sleep(250);
  }
}

/** Waits until the emulator has answered an API request. */
async function firstRequest(url: string): Promise<void> {
  for (;;) {
    const log = (await (await admin(url, "GET", "requests")).json()) as { requests?: unknown[] };
    if ((log.requests ?? []).length > 0) return;
    await sleep(50);
  }
}

/**
 * One clean up + destroy, to learn how long an `up` talks to the API (from its first request to
 * its end): interruptions fall inside that span.
 */
export async function calibrate(options: CampaignOptions): Promise<number> {
  const url = options.emulatorUrl;
  await admin(url, "POST", "reset");
  await admin(url, "PUT", "config", { latencyMs: INTERRUPTION_LATENCY_MS });
  const s = session(options, "calibrate", 0);
  try {
    await run(s, ["stack", "init"]);
    const running = run(s, ["up", "--yes", "--skip-preview", "--parallel", String(options.parallel)]);
    await firstRequest(url);
    const started = Date.now();
    const up = await running;
    if (up.code !== 0) throw new Error(`the calibration up failed:\n${up.output}`);
    const ms = Date.now() - started;
    await admin(url, "PUT", "config", { latencyMs: 0 });
    await run(s, ["destroy", "--yes", "--skip-preview"]);
    return ms;
  } finally {
    s.cleanup();
  }
}

function showRule(rule: FaultRule): string {
  const pct = `${(rule.rate * 100).toFixed(1)}%`;
  return rule.kind === "slow" ? `slow ${rule.slowMs}ms ${pct}` : `${rule.kind} ${rule.phase} ${pct}`;
}

function show(o: CloudObject): string {
  return `${o.kind} ${o.id} (${o.identity})`;
}

function lastLines(output: string): string {
  const lines = output.trim().split("\n");
  const diag = lines.findIndex((l) => l.startsWith("Diagnostics:"));
  return (diag >= 0 ? lines.slice(diag, diag + 12) : lines.slice(-8)).join(" | ");
}

export function summary(reports: readonly RunReport[]): string {
  const of = (type: RunReport["type"]) => reports.filter((r) => r.type === type);
  const line = (label: string, rs: readonly RunReport[]) => {
    const leaked = rs.reduce((n, r) => n + r.leaked.length, 0);
    const duplicated = rs.reduce((n, r) => n + r.duplicated.length, 0);
    const lost = rs.reduce((n, r) => n + r.lost.length, 0);
    const orphans = rs.reduce((n, r) => n + r.orphans.length, 0);
    return [
      `${label}: ${rs.length} runs (seeds ${rs.map((r) => r.seed).join(",") || "-"})`,
      `  faults injected: ${rs.reduce((n, r) => n + r.faults, 0)}`,
      `  converged: ${rs.filter((r) => r.converged).length}/${rs.length}`,
      `  leaked (in the API, not in state): ${rs.filter((r) => r.leaked.length > 0).length} runs, ${leaked} objects`,
      `  duplicated: ${rs.filter((r) => r.duplicated.length > 0).length} runs, ${duplicated} objects`,
      `  lost: ${rs.filter((r) => r.lost.length > 0).length} runs, ${lost} resources`,
      `  orphan processes after SIGKILL: ${orphans}`,
    ].join("\n");
  };
  return [line("fault runs", of("fault")), line("interruptions", of("interruption"))].join("\n");
}

export function describeRun(r: RunReport): string {
  const verdict =
    r.converged && r.leaked.length + r.duplicated.length + r.lost.length + r.orphans.length === 0
      ? "ok"
      : "FAIL";
  const parts = [
    `${r.type} seed ${r.seed}: ${verdict} — ${r.setup}; faults ${r.faults}; converged ${r.converged}`,
  ];
  if (r.leaked.length) parts.push(`  leaked: ${r.leaked.map(show).join(", ")}`);
  if (r.duplicated.length) parts.push(`  duplicated: ${r.duplicated.map(show).join(", ")}`);
  if (r.lost.length) parts.push(`  lost: ${r.lost.join(", ")}`);
  if (r.orphans.length) parts.push(`  orphans: ${r.orphans.join("; ")}`);
  if (verdict === "FAIL") for (const n of r.notes) parts.push(`  note: ${n}`);
  return parts.join("\n");
}
