/**
 * `npm run bench [-- --quick] [--only a,b] [--calls]`: in one run on this machine, the engine
 * floor (an empty TypeScript program's preview, no-op up, refresh and destroy through the real
 * `pulumi` CLI), then this package on examples/basic-http, examples/https and generated stacks of
 * 10, 50 and 200 resources — apply from empty, no-op preview, no-op up, refresh, a one-field
 * edit, destroy — against an embedded emulator with its realistic preset. Each step prints its
 * wall time, its ratio to the floor (steps that wait for nothing) or to the API's critical-path
 * bound (critical-path.ts), and its API calls by method from the emulator's request log.
 * Absolute times are noisy on a shared machine: the ratios, measured side by side, are the figures.
 *
 * `--quick`: the floor once per command, basic-http and a 10-resource stack only. `--only`:
 * stacks by name (`floor` is always measured). `--calls`: also list every call of each step.
 * Up, refresh and destroy run with `--skip-preview` (the preview is measured on its own).
 */
import { mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import * as emulatorModule from "../../emulator";
import { DEFAULT_RATE_PER_SECOND } from "../../provider/client/rate-limit";
import { selfSignedChain } from "../examples/self-signed";
import {
  type ApiTimings,
  applyBound,
  type Bound,
  destroyBound,
  type GraphNode,
  graphFromDeployment,
  type Method,
  type RateLimit,
  refreshBound,
  timingsFromConfig,
  updateBound,
} from "./critical-path";
import { emptyProgram, exampleProgram, generatedProgram } from "./programs";
import { type CliOptions, pulumi, timed } from "./pulumi-cli";
import { countByMethod, formatCalls, formatReport, median, type StepResult, seconds } from "./report";

const REPO = join(__dirname, "..", "..", "..");
const WORK = join(REPO, ".bench");
const STACK = "bench";
const PROJECT_ID = "6a1f2d3c-4b5e-4f60-8172-93a4b5c6d7e8";

interface LoggedRequest {
  readonly method: string;
  readonly path: string;
  readonly status: number;
}

/** The emulator's admin API: its configuration and the API calls made since a mark. */
class Admin {
  constructor(private readonly url: string) {}

  private async get(path: string): Promise<unknown> {
    const response = await fetch(`${this.url}/__emulator/${path}`);
    if (!response.ok) throw new Error(`emulator GET /__emulator/${path} -> ${response.status}`);
    return response.json();
  }

  config(): Promise<unknown> {
    return this.get("config");
  }

  /** Requests logged so far, counting those a bounded log has dropped. */
  async log(): Promise<{ total: number; requests: LoggedRequest[] }> {
    const body = (await this.get("requests")) as { requests?: LoggedRequest[]; dropped?: number };
    const requests = body.requests ?? [];
    return { total: (body.dropped ?? 0) + requests.length, requests };
  }

  /** Runs `action` and returns the requests it made (the newest entries of the log). */
  async during<T>(action: () => Promise<T>): Promise<{ result: T; requests: LoggedRequest[] }> {
    const before = (await this.log()).total;
    const result = await action();
    const after = await this.log();
    const made = after.total - before;
    return { result, requests: made > 0 ? after.requests.slice(-made) : [] };
  }
}

/** The realistic preset: the timings, and the per-method latency when this emulator has one. */
function realisticConfig(): emulatorModule.EmulatorConfigInput {
  const latency = (emulatorModule as unknown as Record<string, unknown>).realisticLatency;
  return {
    timings: emulatorModule.realisticTimings(),
    ...(typeof latency === "function" ? { methodLatencyMs: latency() } : {}),
  } as emulatorModule.EmulatorConfigInput;
}

interface Edit {
  readonly key: string;
  readonly value: string;
  /** The calls the edit needs, for its bound. */
  readonly calls: readonly Method[];
}

interface StackSpec {
  readonly name: string;
  readonly program: (dir: string) => string;
  readonly edit: Edit;
  /** Config set before the first up (`secret`: encrypted). */
  readonly config?: readonly { key: string; value: string; secret?: boolean }[];
}

const EXAMPLES = join(REPO, "examples");

function stackSpecs(): StackSpec[] {
  const generated = (n: number): StackSpec => ({
    name: `gen-${n}`,
    program: (dir) => generatedProgram(dir, EXAMPLES, n),
    edit: { key: "description", value: "edited", calls: ["PUT"] },
  });
  return [
    {
      name: "basic-http",
      program: (dir) => exampleProgram(dir, EXAMPLES, "basic-http"),
      edit: { key: "healthPath", value: "/ready", calls: ["PUT"] },
    },
    {
      name: "https",
      program: (dir) => exampleProgram(dir, EXAMPLES, "https"),
      edit: { key: "apiHost", value: "api2.acme-corp.fr", calls: ["PUT"] },
      config: [{ key: "certificateChain", value: selfSignedChain("uploaded.acme-corp.fr"), secret: true }],
    },
    generated(10),
    generated(50),
    generated(200),
  ];
}

interface Env {
  readonly admin: Admin;
  readonly envVars: Record<string, string>;
  readonly rate: RateLimit;
  readonly printCalls: boolean;
}

function cli(dir: string, env: Env): CliOptions {
  return { cwd: dir, env: env.envVars };
}

const UP = ["up", "--yes", "--skip-preview", "--stack", STACK];
const PREVIEW = ["preview", "--stack", STACK];
const REFRESH = ["refresh", "--yes", "--skip-preview", "--stack", STACK];
const DESTROY = ["destroy", "--yes", "--skip-preview", "--stack", STACK];

type FloorCommand = "preview" | "up" | "refresh" | "destroy";

/** The engine floor: the empty program's commands, each the median of `repeats` runs. */
async function measureFloor(env: Env, repeats: number): Promise<Record<FloorCommand, number>> {
  const dir = emptyProgram(join(WORK, "floor"), EXAMPLES);
  const o = cli(dir, env);
  await pulumi(["stack", "init", STACK], o);
  await pulumi(UP, o);
  const times = {
    preview: [] as number[],
    up: [] as number[],
    refresh: [] as number[],
    destroy: [] as number[],
  };
  for (let i = 0; i < repeats; i++) {
    times.preview.push((await pulumi([...PREVIEW, "--expect-no-changes"], o)).ms);
    times.up.push((await pulumi([...UP, "--expect-no-changes"], o)).ms);
    times.refresh.push((await pulumi(REFRESH, o)).ms);
  }
  for (let i = 0; i < repeats; i++) {
    if (i > 0) await pulumi(UP, o);
    times.destroy.push((await pulumi(DESTROY, o)).ms);
  }
  await pulumi(["stack", "rm", "--yes", STACK], o);
  return {
    preview: median(times.preview),
    up: median(times.up),
    refresh: median(times.refresh),
    destroy: median(times.destroy),
  };
}

async function measureStack(
  spec: StackSpec,
  env: Env,
  floor: Record<FloorCommand, number>,
  timings: ApiTimings,
): Promise<StepResult[]> {
  const dir = spec.program(join(WORK, spec.name));
  const o = cli(dir, env);
  await pulumi(["stack", "init", STACK], o);
  for (const c of spec.config ?? []) {
    await pulumi(["config", "set", "--stack", STACK, ...(c.secret ? ["--secret"] : []), c.key], {
      ...o,
      input: c.value,
    });
  }
  const rows: StepResult[] = [];
  let graph: GraphNode[] = [];
  const step = async (
    name: string,
    args: readonly string[],
    floorOf: FloorCommand,
    bound: () => Bound | null,
  ): Promise<void> => {
    const { result, requests } = await env.admin.during(() => pulumi(args, o));
    const b = bound();
    rows.push({
      stack: spec.name,
      step: name,
      resources: graph.length,
      wallMs: result.ms,
      floorMs: floor[floorOf],
      pathMs: b?.ms ?? 0,
      calls: countByMethod(requests),
      ...(b ? { minCalls: b.minCalls, boundBy: b.by } : {}),
    });
    const last = rows[rows.length - 1];
    if (last)
      process.stderr.write(`  ${spec.name} ${name}: ${seconds(last.wallMs)}, ${formatCalls(last.calls)}\n`);
    if (env.printCalls) {
      for (const r of requests) process.stderr.write(`    ${r.method} ${r.path} -> ${r.status}\n`);
    }
  };

  // The graph comes from the state the apply wrote; the apply's bound is computed right after it.
  await step("apply", UP, "up", () => {
    return null;
  });
  const exported = await pulumi(["stack", "export", "--stack", STACK], o);
  graph = graphFromDeployment(JSON.parse(exported.stdout));
  const applied = rows[rows.length - 1];
  if (applied) {
    const b = applyBound(graph, timings, env.rate);
    rows[rows.length - 1] = {
      ...applied,
      resources: graph.length,
      pathMs: b.ms,
      minCalls: b.minCalls,
      boundBy: b.by,
    };
  }
  await step("no-op preview", [...PREVIEW, "--expect-no-changes"], "preview", () => null);
  await step("no-op up", [...UP, "--expect-no-changes"], "up", () => null);
  await step("refresh", REFRESH, "refresh", () => refreshBound(graph, timings, env.rate));
  await pulumi(["config", "set", "--stack", STACK, spec.edit.key, spec.edit.value], o);
  await step("one-field edit", UP, "up", () => updateBound(spec.edit.calls, timings));
  await step("destroy", DESTROY, "destroy", () => destroyBound(graph, timings, env.rate));
  await pulumi(["stack", "rm", "--yes", STACK], o);
  return rows;
}

/**
 * The user-facing command: `npm run example -- basic-http preview` (no changes), after an
 * unmeasured `up`, with the runner's own embedded emulator and its folder under .bench/.
 */
async function measureExampleRunner(floor: Record<FloorCommand, number>): Promise<StepResult> {
  // The runner starts its own emulator and keeps its state in its folder: nothing of ours passes.
  const runnerEnv: NodeJS.ProcessEnv = { ...process.env, SCW_LB_DEMO_DIR: join(WORK, "demo") };
  for (const key of ["PULUMI_BACKEND_URL", "SCW_SECRET_KEY", "SCW_API_URL"]) delete runnerEnv[key];
  const npm = (operation: string) =>
    timed("npm", ["run", "--silent", "example", "--", "basic-http", operation], runnerEnv);
  await npm("up");
  const ms = await npm("preview");
  return {
    stack: "npm example",
    step: "no-op preview",
    resources: 5,
    wallMs: ms,
    floorMs: floor.preview,
    pathMs: 0,
    calls: {},
  };
}

/** The default of `pulumi up --parallel` on this machine, as the CLI's help states it. */
async function engineParallelism(): Promise<number | undefined> {
  const help = await pulumi(["up", "--help"], { cwd: REPO, env: {} });
  const match = help.stdout.match(/--parallel\b.*\(default (\d+)\)/);
  return match?.[1] ? Number(match[1]) : undefined;
}

function describeSettings(config: unknown, timings: ApiTimings, rate: RateLimit): string {
  const c = (config ?? {}) as { timings?: unknown };
  const latency = Object.entries(timings.latencyMs)
    .map(([m, ms]) => `${m} ${ms}ms`)
    .join(", ");
  return [
    `emulator timings: ${JSON.stringify(c.timings)}`,
    `answer latency: ${latency}`,
    `client rate limit: ${rate.ratePerSecond}/s, burst ${rate.burst}; engine parallelism: ${rate.parallel ?? "unbounded"}`,
    `bounds: LB create ${seconds(timings.lbCreateMs)}, certificate ${seconds(timings.certificateMs)}, LB delete ${seconds(timings.lbDeleteMs)} (+ latency of each call on the path)`,
  ].join("\n");
}

async function main(argv: readonly string[]): Promise<number> {
  const quick = argv.includes("--quick");
  const onlyArg = argv.find((a) => a.startsWith("--only="));
  const only = onlyArg ? onlyArg.slice("--only=".length).split(",") : null;
  const printCalls = argv.includes("--calls");
  rmSync(WORK, { recursive: true, force: true });
  mkdirSync(join(WORK, "state"), { recursive: true });

  const emulator = await emulatorModule.startEmulator({ port: 0, config: realisticConfig() });
  try {
    const admin = new Admin(emulator.url);
    const config = await admin.config();
    const timings = timingsFromConfig(config);
    const ratePerSecond = Number(process.env.SCW_LB_RATE_LIMIT) || DEFAULT_RATE_PER_SECOND;
    const parallel = await engineParallelism();
    const rate: RateLimit = { ratePerSecond, burst: Math.max(1, Math.floor(ratePerSecond)), parallel };
    const env: Env = {
      admin,
      rate,
      printCalls,
      envVars: {
        PULUMI_BACKEND_URL: `file://${join(WORK, "state")}`,
        PULUMI_CONFIG_PASSPHRASE: "bench-passphrase",
        PULUMI_SKIP_UPDATE_CHECK: "true",
        SCW_API_URL: emulator.url,
        SCW_SECRET_KEY: "bench-secret-key",
        SCW_DEFAULT_PROJECT_ID: PROJECT_ID,
      },
    };
    process.stdout.write(`${describeSettings(config, timings, rate)}\n\n`);
    process.stderr.write("engine floor (empty program)...\n");
    const floor = await measureFloor(env, quick ? 1 : 3);
    const rows: StepResult[] = (["preview", "up", "refresh", "destroy"] as const).map((command) => ({
      stack: "floor",
      step: command === "up" ? "no-op up" : command === "preview" ? "no-op preview" : command,
      resources: 0,
      wallMs: floor[command],
      floorMs: floor[command],
      pathMs: 0,
      calls: {},
    }));
    const specs = stackSpecs().filter((s) =>
      only ? only.includes(s.name) : !quick || s.name === "basic-http" || s.name === "gen-10",
    );
    if (!only || only.includes("example")) {
      process.stderr.write("npm run example -- basic-http preview...\n");
      rows.push(await measureExampleRunner(floor));
    }
    for (const spec of specs) {
      process.stderr.write(`${spec.name}...\n`);
      rows.push(...(await measureStack(spec, env, floor, timings)));
    }
    process.stdout.write(formatReport(rows));
    return 0;
  } finally {
    await emulator.close();
    if (!process.env.BENCH_KEEP) rmSync(WORK, { recursive: true, force: true });
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
