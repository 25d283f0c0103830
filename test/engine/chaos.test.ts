/**
 * A small fixed-seed set of the fault campaign (scripts/chaos, `npm run chaos` runs the full one):
 * randomized faults during `pulumi up` and a SIGKILL'd `pulumi up`, each followed by the user's
 * recovery, then an audit of the emulator's objects against the stack's state.
 * Needs `npm run build` (the program loads the package from dist/).
 */
import { join } from "node:path";
import { type CampaignOptions, describeRun, faultRun, interruptionRun } from "../../scripts/chaos/campaign";
import { type EmulatorHarness, startHarness } from "../support/emulator-harness";
import { WORK } from "./support/engine";

const MINUTE = 60_000;

describe("the fault campaign, fixed seeds", () => {
  let emulator: EmulatorHarness;
  let options: CampaignOptions;
  beforeAll(async () => {
    emulator = await startHarness();
    options = { emulatorUrl: emulator.url, workDir: join(WORK), parallel: 4, log: () => undefined };
  });
  afterAll(async () => {
    await emulator.close();
  });

  it.each([
    // 429 answered after the change was applied, 503 before (the full campaign covers the rest).
    [8],
  ])(
    "fault run %i: converges once the faults stop; nothing leaked, duplicated or lost",
    async (seed) => {
      const report = await faultRun(options, seed);
      expect(describeRun(report)).toMatch(/: ok —/);
      expect(report).toMatchObject({ converged: true, leaked: [], duplicated: [], lost: [] });
    },
    3 * MINUTE,
  );

  it(
    "SIGKILL of pulumi up during its creates: no process of ours survives it, and cancel + refresh + up converge with nothing leaked or duplicated",
    async () => {
      // Seed 10001 draws SIGKILL, 42% into the given span after the first API request.
      const report = await interruptionRun(options, 10001, 3_000);
      expect(report.setup).toMatch(/^SIGKILL/);
      expect(report.orphans).toEqual([]);
      expect(describeRun(report)).toMatch(/: ok —/);
      expect(report).toMatchObject({ converged: true, leaked: [], duplicated: [], lost: [] });
    },
    4 * MINUTE,
  );
});
