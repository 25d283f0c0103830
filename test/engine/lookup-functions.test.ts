/**
 * examples/lookup-existing through the real Pulumi engine: the lookup functions run in the
 * program's process in preview and up, make GET calls only, record nothing in the stack's state
 * (destroy leaves the looked-up load balancer alone), and a failed lookup fails the program with
 * a message naming what was searched.
 */

import { join } from "node:path";
import { type EmulatorHarness, startHarness } from "../support/emulator-harness";
import { configureRuntime, create, TEST_PROJECT } from "../support/runtime-harness";
import { type EngineStack, engineStack, exampleStack, mutating } from "./support/engine";

const MINUTE = 60_000;
const bare = (zoned: string) => zoned.slice(zoned.indexOf("/") + 1);

describe("examples/lookup-existing: lookup functions through the Pulumi engine", () => {
  let emulator: EmulatorHarness;
  let engine: EngineStack;
  let lbId: string;

  beforeAll(async () => {
    emulator = await startHarness();
    await configureRuntime(emulator.url);
    // The load balancer the program looks up, made outside the stack.
    lbId = (await create("LoadBalancer", { name: "edge" })).id;
    await create("LoadBalancer", { name: "edge-staging" });
    engine = await exampleStack("lookup-existing", emulator);
  }, MINUTE);
  afterAll(async () => {
    await emulator.close();
    engine.cleanup();
  });

  it(
    "preview: the lookup of the load balancer runs, with GET calls only",
    async () => {
      const { result, calls } = await engine.calls(() => engine.stack.preview());
      expect(result.changeSummary).toEqual({ create: 3 });
      expect(calls).toEqual(["GET /lbs"]);
    },
    2 * MINUTE,
  );

  it(
    "up: the backend and frontend are added to the load balancer found; the lookups only read",
    async () => {
      const { result, calls } = await engine.calls(() => engine.stack.up());
      expect(result.summary.result).toBe("succeeded");
      expect(result.outputs.loadBalancerId?.value).toBe(lbId);
      expect(String(result.outputs.address?.value)).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
      expect(result.outputs.backendNames?.value).toEqual([expect.stringMatching(/^api-/)]);
      const lb = bare(lbId);
      expect(mutating(calls).sort()).toEqual([`POST /lbs/${lb}/backends`, `POST /lbs/${lb}/frontends`]);
      // The lookups' own calls: the load balancer by name, then its backends; and the new
      // backend's create looks for an earlier attempt of itself by name (exactly-once creates).
      expect(calls.filter((c) => c === "GET /lbs" || c === `GET /lbs/${lb}/backends`)).toEqual([
        "GET /lbs",
        `GET /lbs/${lb}/backends`,
        `GET /lbs/${lb}/backends`,
      ]);
      const state = await engine.stack.exportStack();
      const types = ((state.deployment as { resources?: { type: string }[] }).resources ?? []).map(
        (r) => r.type,
      );
      expect(types.filter((t) => t.includes("scaleway-lb")).sort()).toEqual([
        "pulumi-nodejs:dynamic/scaleway-lb:Backend",
        "pulumi-nodejs:dynamic/scaleway-lb:Frontend",
      ]);
    },
    3 * MINUTE,
  );

  it(
    "a second preview: no change, GET calls only",
    async () => {
      const { result, calls } = await engine.calls(() => engine.stack.preview());
      expect(result.changeSummary).toEqual({ same: 3 });
      expect(mutating(calls)).toEqual([]);
      expect(calls).toContain("GET /lbs");
    },
    2 * MINUTE,
  );

  it(
    "a lookup that finds nothing fails the preview, naming what was searched",
    async () => {
      const missing = await engineStack(join(__dirname, "fixtures", "lookup-missing"), emulator, "missing");
      try {
        const { result: error, calls } = await missing.calls(() =>
          missing.stack.preview().then(
            () => undefined,
            (e: unknown) => e,
          ),
        );
        expect(String(error)).toContain(
          `getLoadBalancer: no load balancer found (searched: name "edge-prod", zone fr-par-1, project ${TEST_PROJECT})`,
        );
        expect(calls).toEqual(["GET /lbs"]);
      } finally {
        await missing.stack.workspace.removeStack("missing").catch(() => undefined);
        missing.cleanup();
      }
    },
    // Any failing program (a plain `throw` too) takes the engine about two minutes to end here.
    4 * MINUTE,
  );

  it(
    "destroy removes what the stack added and leaves the looked-up load balancer",
    async () => {
      const { calls } = await engine.calls(() => engine.stack.destroy());
      expect(
        mutating(calls)
          .map((c) => c.replace(/[0-9a-f-]{36}/g, "{id}"))
          .sort(),
      ).toEqual(["DELETE /backends/{id}", "DELETE /frontends/{id}"].sort());
      const state = await emulator.state();
      expect(state.lbs.map((lb) => lb.name).sort()).toEqual(["edge", "edge-staging"]);
      expect(state.backends).toEqual([]);
    },
    2 * MINUTE,
  );
});
