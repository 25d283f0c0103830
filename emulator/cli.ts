#!/usr/bin/env node
/** `scaleway-lb-emulator`: the local Scaleway LB API from the command line. `--help` lists every flag. */
import "./node-guard";
import {
  defaultConfig,
  type EmulatorConfig,
  type EmulatorTimings,
  FAULT_429_AFTER,
  type FaultKind,
  type FaultRule,
  realisticLatency,
  realisticTimings,
  type Timing,
} from "./config";
import { type RunningEmulator, startEmulator } from "./index";
import { patternProblem } from "./safe-pattern";

export const HELP = `Usage: scaleway-lb-emulator [options]

Serves the zoned Scaleway Load Balancer API (/lb/v1/zones/{zone}/...) and the admin API
(/__emulator/...). Prints "listening on http://HOST:PORT" once ready; stops on SIGINT/SIGTERM.

Server
  --port N                  port to listen on; 0 picks a free port (default 0)
  --host HOST               address to bind (default 127.0.0.1)
  --data FILE               persist objects to FILE (journaled, fsynced before each answer)
                            and restore them at start
  --request-log-limit N     entries kept by GET /__emulator/requests (default 10000); older
                            ones are dropped and counted

Lifecycle timings (default: every transition instant)
  --timing instant|realistic
                            preset for all transitions; realistic = a few seconds each, plus
                            the per-method answer latency of the recordings (GET 74 ms,
                            writes about 330 ms)
  --<transition>-reads N    the object shows its transient state to N reads, the next read
                            sees the final state
  --<transition>-ms N       the final state is reached N milliseconds after the change
      transitions: lb-create, lb-update (migrate), lb-delete, instances, certificate,
                   private-network
  --lb-create-queued-reads N, --lb-create-queued-ms N
                            how long a new LB stays "to_create" before "creating"
  --lb-error-pattern REGEX  LBs whose name matches end in "error" instead of "ready"
                            (regex subset matched in linear time: no lookarounds,
                            backreferences or \\b)

Latency and faults
  --latency-ms N            added to every API answer (default 0)
  --fault-rate R            probability in [0,1] that an API request is faulted (default 0)
  --fault-kinds LIST        comma-separated among 429,500,503,reset,slow (default 503)
  --fault-method METHOD     only fault requests with this HTTP method
  --fault-path REGEX        only fault requests whose path matches
  --fault-phase before|after
                            after = apply the change, then fail the answer (default before);
                            refused with 429, which the API only answers to requests it
                            did not process
  --fault-retry-after N     Retry-After seconds on 429/503 answers
  --fault-slow-ms N         delay of "slow" faults (default 2000)
  --seed N                  seed of the fault PRNG (default 1)

Authentication
  --accept-key KEY          accept only this X-Auth-Token (repeatable); default: any non-empty token

  --help                    show this help
`;

export class UsageError extends Error {}

const TRANSITIONS: ReadonlyArray<readonly [string, keyof EmulatorTimings]> = [
  ["lb-create", "lbCreate"],
  ["lb-update", "lbUpdate"],
  ["lb-delete", "lbDelete"],
  ["instances", "instances"],
  ["certificate", "certificate"],
  ["private-network", "privateNetwork"],
];

const FAULT_KINDS: readonly FaultKind[] = ["429", "500", "503", "reset", "slow"];

export interface CliOptions {
  port: number;
  host: string;
  dataFile?: string;
  config: EmulatorConfig;
  help: boolean;
}

function count(flag: string, raw: string | undefined): number {
  if (raw === undefined || !/^\d+$/.test(raw)) throw new UsageError(`${flag} needs a non-negative integer`);
  return Number(raw);
}

function rate(flag: string, raw: string | undefined): number {
  const value = Number(raw);
  if (raw === undefined || raw === "" || Number.isNaN(value) || value < 0 || value > 1) {
    throw new UsageError(`${flag} needs a number between 0 and 1`);
  }
  return value;
}

function regex(flag: string, raw: string | undefined): string {
  if (raw === undefined) throw new UsageError(`${flag} needs a value`);
  const problem = patternProblem(raw);
  if (problem !== null) throw new UsageError(`${flag} ${JSON.stringify(raw)}: ${problem}`);
  return raw;
}

/** Splits a total fault rate evenly among kinds, rules being drawn one after the other. */
function faultRules(
  total: number,
  kinds: readonly FaultKind[],
  base: Omit<FaultRule, "kind" | "rate">,
): FaultRule[] {
  const share = total / kinds.length;
  return kinds.map((kind, i) => ({ ...base, kind, rate: Math.min(1, share / (1 - share * i)) }));
}

export function parseArgs(argv: readonly string[]): CliOptions {
  const config = defaultConfig();
  const timings: Partial<Record<keyof EmulatorTimings, Timing>> = {};
  const queued: { reads?: number; ms?: number } = {};
  const options: CliOptions = { port: 0, host: "127.0.0.1", config, help: false };
  let faultRate = 0;
  let faultKinds: FaultKind[] = ["503"];
  const faultBase: Omit<FaultRule, "kind" | "rate"> = {};
  const keys: string[] = [];
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? "";
    const [flag = "", inline] =
      arg.startsWith("--") && arg.includes("=") ? arg.split(/=(.*)/s) : [arg, undefined];
    const value = (): string | undefined => {
      if (inline !== undefined) return inline;
      i += 1;
      return argv[i];
    };
    const transition = TRANSITIONS.find(([name]) => flag === `--${name}-reads` || flag === `--${name}-ms`);
    if (transition) {
      const n = count(flag, value());
      timings[transition[1]] = flag.endsWith("-reads")
        ? { mode: "reads", reads: n }
        : { mode: "duration", ms: n };
      continue;
    }
    switch (flag) {
      case "--help":
      case "-h":
        options.help = true;
        break;
      case "--port":
        options.port = count(flag, value());
        if (options.port > 65535) throw new UsageError("--port must be at most 65535");
        break;
      case "--host": {
        const host = value();
        if (!host) throw new UsageError("--host needs a value");
        options.host = host;
        break;
      }
      case "--request-log-limit":
        config.requestLogLimit = count(flag, value());
        if (config.requestLogLimit > 1_000_000) throw new UsageError(`${flag} must be at most 1000000`);
        break;
      case "--data": {
        const file = value();
        if (!file) throw new UsageError("--data needs a file name");
        options.dataFile = file;
        break;
      }
      case "--timing": {
        const preset = value();
        if (preset === "realistic") {
          config.timings = realisticTimings();
          config.methodLatencyMs = realisticLatency();
        } else if (preset === "instant") {
          config.timings = defaultConfig().timings;
          config.methodLatencyMs = {};
        } else throw new UsageError("--timing must be instant or realistic");
        break;
      }
      case "--lb-create-queued-reads":
        queued.reads = count(flag, value());
        break;
      case "--lb-create-queued-ms":
        queued.ms = count(flag, value());
        break;
      case "--lb-error-pattern":
        config.lbErrorPattern = regex(flag, value());
        break;
      case "--latency-ms":
        config.latencyMs = count(flag, value());
        break;
      case "--fault-rate":
        faultRate = rate(flag, value());
        break;
      case "--fault-kinds": {
        const list = (value() ?? "").split(",").filter((k) => k !== "");
        const kinds = list.map((k) => FAULT_KINDS.find((known) => known === k));
        if (kinds.length === 0 || kinds.some((k) => k === undefined)) {
          throw new UsageError(`--fault-kinds takes a comma-separated list of ${FAULT_KINDS.join(", ")}`);
        }
        faultKinds = kinds.filter((k): k is FaultKind => k !== undefined);
        break;
      }
      case "--fault-method": {
        const method = value();
        if (!method) throw new UsageError("--fault-method needs a value");
        faultBase.method = method.toUpperCase();
        break;
      }
      case "--fault-path":
        faultBase.pathPattern = regex(flag, value());
        break;
      case "--fault-phase": {
        const phase = value();
        if (phase !== "before" && phase !== "after")
          throw new UsageError("--fault-phase must be before or after");
        faultBase.phase = phase;
        break;
      }
      case "--fault-retry-after":
        faultBase.retryAfterSeconds = count(flag, value());
        break;
      case "--fault-slow-ms":
        faultBase.slowMs = count(flag, value());
        break;
      case "--seed":
        config.seed = count(flag, value());
        break;
      case "--accept-key": {
        const key = value();
        if (!key) throw new UsageError("--accept-key needs a value");
        keys.push(key);
        break;
      }
      default:
        throw new UsageError(`unknown option ${arg}`);
    }
  }
  config.timings = { ...config.timings, ...timings };
  if (queued.reads !== undefined || queued.ms !== undefined) {
    const create = config.timings.lbCreate;
    config.timings.lbCreate =
      create.mode === "duration"
        ? { ...create, queuedMs: queued.ms ?? 0 }
        : create.mode === "reads"
          ? { ...create, queuedReads: queued.reads ?? 0 }
          : queued.ms !== undefined
            ? { mode: "duration", ms: 0, queuedMs: queued.ms }
            : { mode: "reads", reads: 0, queuedReads: queued.reads ?? 0 };
  }
  if (faultBase.phase === "after" && faultKinds.includes("429")) {
    throw new UsageError(`--fault-phase after with --fault-kinds 429: ${FAULT_429_AFTER}`);
  }
  if (faultRate > 0) config.faults = faultRules(faultRate, faultKinds, faultBase);
  if (keys.length > 0) config.acceptedSecretKeys = keys;
  return options;
}

export interface CliIo {
  out(line: string): void;
  err(line: string): void;
}

const processIo: CliIo = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

/** Starts the emulator described by `argv`; `null` when only help was printed. */
export async function main(argv: readonly string[], io: CliIo = processIo): Promise<RunningEmulator | null> {
  const options = parseArgs(argv);
  if (options.help) {
    io.out(HELP);
    return null;
  }
  const running = await startEmulator({
    port: options.port,
    host: options.host,
    config: options.config,
    dataFile: options.dataFile,
    log: io.err,
  });
  io.out(`listening on ${running.url}`);
  return running;
}

async function run(): Promise<void> {
  let running: RunningEmulator | null;
  try {
    running = await main(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`scaleway-lb-emulator: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(error instanceof UsageError ? 2 : 1);
  }
  if (!running) return;
  const emulator = running;
  const stop = () => {
    emulator.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  // Last resort for a shared service: requests are already guarded one by one (500 answers);
  // anything escaping them (a timer, a socket event) is reported and the server keeps serving.
  process.on("uncaughtException", (error) => {
    process.stderr.write(
      `scaleway-lb-emulator: unexpected error, still serving: ${error.stack ?? error.message}\n`,
    );
  });
}

if (require.main === module) void run();
