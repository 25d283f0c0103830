/**
 * Failure honesty: a load balancer that ends in `error` fails `up` with a clear message, stays in
 * state instead of leaking, and the next `up` after the platform recovers converges.
 */
import { type EmulatorHarness, startHarness } from "../support/emulator-harness";
import { type EngineStack, exampleStack } from "./support/engine";

const MINUTE = 60_000;

describe("a load balancer that ends in error", () => {
  let emulator: EmulatorHarness;
  let engine: EngineStack;

  beforeAll(async () => {
    emulator = await startHarness();
    engine = await exampleStack("basic-http", emulator);
    // basic-http's load balancer is named web-<suffix>.
    await emulator.configure({ lbErrorPattern: "^web-" });
  }, MINUTE);
  afterAll(async () => {
    await emulator.close();
    engine.cleanup();
  });

  it(
    "fails up with a message naming the load balancer and its status",
    async () => {
      let output = "";
      const failure = await engine.stack.up({ onOutput: (text) => (output += text) }).then(
        () => undefined,
        (error: Error) => error,
      );
      expect(failure).toBeInstanceOf(Error);
      // What the user reads under "Diagnostics": the resource, the object, its status, what happens next.
      const diagnostics = output.slice(output.indexOf("Diagnostics:"));
      expect(diagnostics).toContain("pulumi-nodejs:dynamic/scaleway-lb:LoadBalancer (web)");
      expect(diagnostics).toMatch(/status error/);
      expect(diagnostics).toContain("kept in state");
    },
    2 * MINUTE,
  );

  it(
    "keeps the load balancer in state: nothing leaked, nothing created twice",
    async () => {
      const ids = await engine.ids();
      const state = await emulator.state();
      expect(state.lbs.map((lb) => lb.id)).toEqual([ids.web]);
      expect(state.backends).toEqual([]);
    },
    MINUTE,
  );

  it(
    "converges on the next up once the platform recovers",
    async () => {
      await emulator.configure({ lbErrorPattern: null });
      const up = await engine.stack.up();
      expect(up.summary.result).toBe("succeeded");
      const state = await emulator.state();
      expect(state.lbs).toHaveLength(1);
      expect(state.backends).toHaveLength(1);
      expect((await engine.stack.preview()).changeSummary).toEqual({ same: 5 });
      await engine.stack.destroy();
      expect(Object.values(await emulator.state()).flat()).toEqual([]);
    },
    3 * MINUTE,
  );
});
