/**
 * Replays all 43 recorded Terraform cassettes (real api.scaleway.com traffic) against the
 * emulator: every LB, VPC v2 and IPAM answer must have the recorded status and the same JSON
 * shape. Calls to other APIs (object storage, instance IPs) are not replayed.
 */
import { type RunningEmulator, startEmulator } from "../../emulator";
import { cassetteNames, loadCassette } from "./support/cassettes";
import { type CassetteResult, replayCassette } from "./support/replay";

/** Interactions not expected to match, with the reason. Empty: everything is replayed. */
const EXCLUSIONS: ReadonlyArray<{ cassette: string; index: number; reason: string }> = [];

describe("replay of the recorded Terraform cassettes", () => {
  let emulator: RunningEmulator;
  const results: CassetteResult[] = [];

  beforeAll(async () => {
    emulator = await startEmulator();
  });

  afterAll(async () => {
    await emulator.close();
    let total = 0;
    let matched = 0;
    let skipped = 0;
    const lines = results.map((r) => {
      total += r.results.length;
      matched += r.matched;
      skipped += r.skipped;
      const rate = r.results.length === 0 ? 100 : (100 * r.matched) / r.results.length;
      const notes = r.results.flatMap((x) => x.statusNotes.map((n) => `#${x.interaction.index} ${n}`));
      const foreign = r.results.reduce((n, x) => n + x.foreign, 0);
      return (
        `${r.name.padEnd(36)} ${String(r.matched).padStart(4)}/${String(r.results.length).padEnd(4)} ${rate.toFixed(1)}%` +
        (foreign ? `  (${foreign} foreign list entries)` : "") +
        // Informative only: mostly instance `pending` vs `ready`, a matter of polling pace.
        (notes.length ? `  (${notes.length} status values differ, e.g. ${notes[0]})` : "")
      );
    });
    lines.push(
      `${"OVERALL".padEnd(36)} ${String(matched).padStart(4)}/${String(total).padEnd(4)} ${((100 * matched) / Math.max(total, 1)).toFixed(1)}%  (${skipped} calls to other APIs not replayed, ${EXCLUSIONS.length} exclusions)`,
    );
    process.stdout.write(`\nReplay match rate per cassette\n${lines.join("\n")}\n`);
  });

  it.each(cassetteNames())("%s", async (name) => {
    const result = await replayCassette(emulator.url, loadCassette(name));
    results.push(result);
    const failures = result.results
      .filter((r) => !r.ok && !EXCLUSIONS.some((e) => e.cassette === name && e.index === r.interaction.index))
      .map(
        (r) =>
          `#${r.interaction.index} ${r.sent}\n${r.mismatches.map((m) => `    ${m.path}: ${m.problem}`).join("\n")}`,
      );
    expect(failures).toEqual([]);
  });
});
