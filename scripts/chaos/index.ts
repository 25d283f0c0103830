/**
 * `npm run chaos -- [--runs N] [--interruptions M] [--seed S] [--parallel P] [--jobs J]
 *                   [--fault-seeds a,b,…] [--interruption-seeds a,b,…]`
 *
 * Runs N randomized fault runs (seeds S…S+N-1) and M interruptions (seeds S+10000…) through the
 * real engine against an in-process emulator, prints each run as it ends, then the figures:
 * runs, faults injected, converged, leaked, duplicated, lost, orphan processes. A run is
 * reproduced by passing its seed alone (`--fault-seeds 17 --interruptions 0`). Exit code 1 when
 * any run did not converge or left something behind. `--jobs J` runs J stacks at once, each
 * against an emulator of its own (the runs stay independent).
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { startEmulator } from "../../emulator";
import {
  type CampaignOptions,
  calibrate,
  describeRun,
  faultRun,
  interruptionRun,
  type RunReport,
  summary,
} from "./campaign";

interface Args {
  runs: number;
  interruptions: number;
  seed: number;
  parallel: number;
  jobs: number;
  faultSeeds: number[] | null;
  interruptionSeeds: number[] | null;
}

function parseArgs(argv: readonly string[]): Args {
  const args: Args = {
    runs: 10,
    interruptions: 4,
    seed: 1,
    parallel: 1,
    jobs: 1,
    faultSeeds: null,
    interruptionSeeds: null,
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[i + 1] ?? "";
    const int = () => {
      const n = Number(value);
      if (!Number.isInteger(n) || n < 0) throw new Error(`${flag} needs a whole number ≥ 0, got "${value}"`);
      i++;
      return n;
    };
    const list = () => {
      i++;
      return value === "" ? [] : value.split(",").map(Number);
    };
    if (flag === "--runs") args.runs = int();
    else if (flag === "--interruptions") args.interruptions = int();
    else if (flag === "--seed") args.seed = int();
    else if (flag === "--parallel") args.parallel = Math.max(1, int());
    else if (flag === "--jobs") args.jobs = Math.max(1, int());
    else if (flag === "--fault-seeds") args.faultSeeds = list();
    else if (flag === "--interruption-seeds") args.interruptionSeeds = list();
    else
      throw new Error(
        `unknown option ${flag}: allowed are --runs, --interruptions, --seed, --parallel, --jobs, --fault-seeds, --interruption-seeds`,
      );
  }
  return args;
}

const range = (from: number, count: number) => Array.from({ length: count }, (_, i) => from + i);

export async function main(argv: readonly string[]): Promise<number> {
  const args = parseArgs(argv);
  const faultSeeds = args.faultSeeds ?? range(args.seed, args.runs);
  const interruptionSeeds = args.interruptionSeeds ?? range(args.seed + 10_000, args.interruptions);
  const workDir = join(__dirname, "..", "..", "..", ".chaos");
  mkdirSync(workDir, { recursive: true });
  const emulators = await Promise.all(range(0, args.jobs).map(() => startEmulator({ port: 0 })));
  const optionsOf = (url: string): CampaignOptions => ({
    emulatorUrl: url,
    workDir,
    parallel: args.parallel,
    log: console.log,
  });
  const reports: RunReport[] = [];
  try {
    console.log(
      `chaos: ${faultSeeds.length} fault runs, ${interruptionSeeds.length} interruptions, parallel ${args.parallel}, jobs ${args.jobs}; logs in ${workDir}`,
    );
    const first = emulators[0];
    if (!first) throw new Error("no emulator");
    const upMs = interruptionSeeds.length > 0 ? await calibrate(optionsOf(first.url)) : 0;
    if (upMs) console.log(`chaos: a clean up talks to the API for ${upMs} ms; interruptions fall within it`);
    // Interruptions spread among the fault runs, so a campaign cut short still has some of each.
    const faults = faultSeeds.map((seed) => (o: CampaignOptions) => faultRun(o, seed));
    const interruptions = interruptionSeeds.map(
      (seed) => (o: CampaignOptions) => interruptionRun(o, seed, upMs),
    );
    const every = Math.max(1, Math.floor(faults.length / Math.max(1, interruptions.length)));
    const tasks: ((o: CampaignOptions) => Promise<RunReport>)[] = [];
    faults.forEach((task, i) => {
      tasks.push(task);
      const interruption = (i + 1) % every === 0 ? interruptions.shift() : undefined;
      if (interruption) tasks.push(interruption);
    });
    tasks.push(...interruptions);
    await Promise.all(
      emulators.map(async (emulator) => {
        for (let task = tasks.shift(); task; task = tasks.shift()) {
          const report = await task(optionsOf(emulator.url));
          reports.push(report);
          console.log(describeRun(report));
        }
      }),
    );
  } finally {
    await Promise.all(emulators.map((e) => e.close()));
  }
  console.log(`\n${summary(reports)}`);
  const failed = reports.filter(
    (r) => !r.converged || r.leaked.length + r.duplicated.length + r.lost.length + r.orphans.length > 0,
  );
  if (failed.length) console.log(`\nfailed seeds: ${failed.map((r) => `${r.type} ${r.seed}`).join(", ")}`);
  return failed.length === 0 ? 0 : 1;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(2);
    },
  );
}
