/**
 * A delete the API refuses fails `pulumi destroy` with one clear message: the API's reason once,
 * under the resource, with no JavaScript stack (SCW_LB_DEBUG=1 brings stacks back).
 */
import { join } from "node:path";
import { type EmulatorHarness, startHarness } from "../support/emulator-harness";
import { TEST_SECRET_KEY } from "../support/runtime-harness";
import { type EngineStack, engineStack } from "./support/engine";

const MINUTE = 60_000;

describe("a delete the API refuses", () => {
  let emulator: EmulatorHarness;
  let engine: EngineStack;
  let blocker = "";

  beforeAll(async () => {
    emulator = await startHarness();
    engine = await engineStack(join(__dirname, "fixtures", "declared"), emulator, "refused");
    await engine.stack.setConfig("resources", {
      value: JSON.stringify([
        { kind: "LoadBalancer", name: "lb", args: {} },
        { kind: "Backend", name: "app", args: { lbId: { $ref: "lb" }, forwardPort: 80 } },
      ]),
    });
  }, MINUTE);
  afterAll(async () => {
    await engine.stack.workspace.removeStack("refused", { force: true }).catch(() => undefined);
    await emulator.close();
    engine.cleanup();
  });

  it(
    "prints the API's reason once, naming the resource, with no stack trace",
    async () => {
      await engine.stack.up();
      const { lb, app } = await engine.ids();
      // Someone else's frontend uses the backend: the API refuses to delete it (412).
      const response = await fetch(`${emulator.url}/lb/v1/zones/fr-par-1/lbs/${lb}/frontends`, {
        method: "POST",
        headers: { "x-auth-token": TEST_SECRET_KEY, "content-type": "application/json" },
        body: JSON.stringify({ name: "theirs", inbound_port: 80, backend_id: app }),
      });
      blocker = ((await response.json()) as { id: string }).id;

      let output = "";
      const failure = await engine.stack.destroy({ onOutput: (t) => (output += t) }).then(
        () => undefined,
        (error: Error) => error,
      );
      expect(failure).toBeInstanceOf(Error);
      const reason = `backend ${app} is used by frontend ${blocker}`;
      const diagnostics = output.slice(output.indexOf("Diagnostics:"));
      expect(diagnostics).toContain("pulumi-nodejs:dynamic/scaleway-lb:Backend (app)");
      expect(diagnostics.split(reason).length - 1).toBe(1);
      expect(output).not.toMatch(/node_modules|\n\s+at /);
    },
    3 * MINUTE,
  );
});
