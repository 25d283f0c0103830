/**
 * examples/basic-http through the real Pulumi engine against the emulator: the plan a user sees,
 * the exact API calls of each edit, drift made behind Pulumi's back, and a clean destroy.
 */
import { type EmulatorHarness, startHarness } from "../support/emulator-harness";
import { TEST_SECRET_KEY } from "../support/runtime-harness";
import { type EngineStack, exampleStack, mutating } from "./support/engine";

const MINUTE = 60_000;

describe("examples/basic-http through the Pulumi engine", () => {
  let emulator: EmulatorHarness;
  let engine: EngineStack;
  let ids: Record<string, string>;
  const servers = (list: string[]) => engine.stack.setConfig("servers", { value: JSON.stringify(list) });
  const api = (method: string, path: string, body?: unknown) =>
    fetch(`${emulator.url}/lb/v1/zones/fr-par-1${path}`, {
      method,
      headers: { "x-auth-token": TEST_SECRET_KEY, "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  beforeAll(async () => {
    emulator = await startHarness();
    engine = await exampleStack("basic-http", emulator);
  }, MINUTE);
  afterAll(async () => {
    await emulator.close();
    engine.cleanup();
  });

  it(
    "previews five creations without calling the API",
    async () => {
      const { result, calls } = await engine.calls(() => engine.stack.preview());
      expect(result.changeSummary).toEqual({ create: 5 });
      expect(calls).toEqual([]);
    },
    2 * MINUTE,
  );

  it(
    "comes up with one call per object, waiting once for the load balancer",
    async () => {
      const { result, calls } = await engine.calls(() => engine.stack.up());
      expect(result.summary.result).toBe("succeeded");
      expect(
        mutating(calls)
          .map((c) => c.replace(/[0-9a-f-]{36}/g, "{id}"))
          .sort(),
      ).toEqual(["POST /ips", "POST /lbs", "POST /lbs/{id}/backends", "POST /lbs/{id}/frontends"].sort());
      ids = await engine.ids();
    },
    2 * MINUTE,
  );

  it(
    "previews no change afterwards, with no mutating call",
    async () => {
      const { result, calls } = await engine.calls(() => engine.stack.preview());
      expect(result.changeSummary).toEqual({ same: 5 });
      expect(mutating(calls)).toEqual([]);
    },
    2 * MINUTE,
  );

  const edit = async (change: () => Promise<void>) => {
    await change();
    const { result, calls } = await engine.calls(() => engine.stack.up());
    expect(result.summary.result).toBe("succeeded");
    return { summary: result.summary.resourceChanges, calls: mutating(calls) };
  };

  it(
    "a reordered pool is no change and no call",
    async () => {
      const { summary, calls } = await edit(() => servers(["10.0.0.12", "10.0.0.11"]));
      expect(summary).toEqual({ same: 5 });
      expect(calls).toEqual([]);
    },
    2 * MINUTE,
  );

  it(
    "an added server is one servers PUT",
    async () => {
      const { summary, calls } = await edit(() => servers(["10.0.0.12", "10.0.0.11", "10.0.0.13"]));
      expect(summary).toEqual({ same: 4, update: 1 });
      expect(calls).toEqual([`PUT /backends/${ids.app}/servers`]);
    },
    2 * MINUTE,
  );

  it(
    "a changed health check is one health-check PUT",
    async () => {
      const { calls } = await edit(() => engine.stack.setConfig("healthPath", { value: "/ready" }));
      expect(calls).toEqual([`PUT /backends/${ids.app}/healthcheck`]);
    },
    2 * MINUTE,
  );

  it(
    "a renamed backend is one backend PUT",
    async () => {
      const { calls } = await edit(() => engine.stack.setConfig("backendName", { value: "app-v2" }));
      expect(calls).toEqual([`PUT /backends/${ids.app}`]);
    },
    2 * MINUTE,
  );

  it(
    "shows an out-of-band change after refresh, and up restores it with one call",
    async () => {
      const changed = await api("PUT", `/backends/${ids.app}`, {
        name: "renamed-by-hand",
        forward_protocol: "http",
        forward_port: 8080,
        forward_port_algorithm: "first",
        sticky_sessions: "none",
      });
      expect(changed.status).toBe(200);
      await engine.stack.refresh();
      const preview = await engine.stack.preview();
      expect(preview.changeSummary).toEqual({ same: 4, update: 1 });
      const { calls } = await edit(async () => undefined);
      expect(calls).toEqual([`PUT /backends/${ids.app}`]);
      expect((await engine.stack.preview()).changeSummary).toEqual({ same: 5 });
    },
    3 * MINUTE,
  );

  it(
    "drops an object deleted out of band on refresh, and up recreates it",
    async () => {
      expect((await api("DELETE", `/frontends/${ids.http}`)).status).toBe(204);
      const refresh = await engine.stack.refresh();
      expect(refresh.summary.resourceChanges).toMatchObject({ delete: 1 });
      const { summary, calls } = await edit(async () => undefined);
      expect(summary).toEqual({ same: 4, create: 1 });
      expect(calls.map((c) => c.replace(/[0-9a-f-]{36}/g, "{id}"))).toEqual(["POST /lbs/{id}/frontends"]);
    },
    3 * MINUTE,
  );

  it(
    "destroys everything: the emulator holds no object afterwards",
    async () => {
      const result = await engine.stack.destroy();
      expect(result.summary.resourceChanges).toEqual({ delete: 5 });
      expect(Object.values(await emulator.state()).flat()).toEqual([]);
    },
    2 * MINUTE,
  );
});
