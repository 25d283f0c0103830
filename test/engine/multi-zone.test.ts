/** examples/multi-zone: two load balancers in two zones, each child in its parent's zone. */
import { type EmulatorHarness, startHarness } from "../support/emulator-harness";
import { type EngineStack, exampleStack, mutating } from "./support/engine";

const MINUTE = 60_000;

describe("examples/multi-zone through the Pulumi engine", () => {
  let emulator: EmulatorHarness;
  let engine: EngineStack;

  beforeAll(async () => {
    emulator = await startHarness();
    engine = await exampleStack("multi-zone", emulator);
  }, MINUTE);
  afterAll(async () => {
    await emulator.close();
    engine.cleanup();
  });

  it(
    "creates each site in its own zone, then previews no change",
    async () => {
      const { result, calls } = await engine.calls(() => engine.stack.up());
      expect(result.summary.resourceChanges).toEqual({ create: 9 });
      const zones = mutating(calls).map((c) => c.split(" ")[0]);
      expect(zones).toHaveLength(8);
      const log = await emulator.log();
      const paths = log.filter((c) => c.method === "POST").map((c) => c.path.split("/")[4]);
      expect(new Set(paths)).toEqual(new Set(["fr-par-1", "nl-ams-1"]));
      const again = await engine.calls(() => engine.stack.preview());
      expect(again.result.changeSummary).toEqual({ same: 9 });
      expect(mutating(again.calls)).toEqual([]);
    },
    3 * MINUTE,
  );

  it(
    "destroys both sites",
    async () => {
      await engine.stack.destroy();
      expect(Object.values(await emulator.state()).flat()).toEqual([]);
    },
    2 * MINUTE,
  );
});
