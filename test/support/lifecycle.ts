/**
 * Lifecycle tables: a resource is created, read back without drift, updated one field at a time —
 * each step asserting the exact API calls (method and path) from the emulator's request log — and
 * deleted. Paths use placeholders: `{id}` (the resource), `{lb}`, `{frontend}`, `{backend}`, and
 * `{uuid}` for an object the step itself creates (any id not otherwise named).
 */
import { forgetMadeThisRun } from "../../provider/resources/made-this-run";
import { type EmulatorHarness, startHarness } from "./emulator-harness";
import { configureRuntime, create, destroy, type Managed, read, update } from "./runtime-harness";

export type Args = Record<string, unknown>;
export type Ids = Record<string, string>;

export interface Step {
  /** What changes, for the test title. */
  readonly change: string;
  /** Merged (shallowly) into the arguments of the previous step. */
  readonly set: Args;
  /** Expected calls; `[]` for a change the API must not hear about. */
  readonly calls: readonly string[];
}

export interface LifecycleSpec {
  readonly kind: string;
  /** Creates the parents; returns their zoned ids by name (`lb`, `backend`, `frontend`, …). */
  readonly parents?: () => Promise<Ids>;
  readonly args: (ids: Ids) => Args;
  readonly createCalls: readonly string[];
  readonly steps: (ids: Ids) => readonly Step[];
  readonly deleteCalls: readonly string[];
}

const bare = (zoned: string) => zoned.slice(zoned.indexOf("/") + 1);
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

export function describeLifecycle(spec: LifecycleSpec): void {
  describe(`${spec.kind} against the emulator`, () => {
    let emulator: EmulatorHarness;
    let ids: Ids = {};
    let managed: Managed;
    let args: Args;

    const expand = (calls: readonly string[]) =>
      calls.map((c) =>
        c.replace(/\{(\w+)\}/g, (_m, name: string) =>
          bare(name === "id" ? managed.id : (ids[name] ?? `{${name}}`)),
        ),
      );
    const callsDuring = async (action: () => Promise<void>): Promise<string[]> => {
      const before = (await emulator.log()).length;
      await action();
      const named = new Set(
        [managed?.id, ...Object.values(ids)].filter((id): id is string => typeof id === "string").map(bare),
      );
      return (await emulator.calls())
        .slice(before)
        .map((c) => c.replace(UUID, (id) => (named.has(id) ? id : "{uuid}")));
    };

    beforeAll(async () => {
      emulator = await startHarness();
      await configureRuntime(emulator.url);
      ids = spec.parents ? await spec.parents() : {};
      // The parents come from an earlier deployment: the create under test looks for an earlier
      // attempt of itself as it does under an existing load balancer.
      forgetMadeThisRun();
      args = spec.args(ids);
    });
    afterAll(async () => emulator.close());

    it(`creates with ${spec.createCalls.length} call(s): ${spec.createCalls.join(", ")}`, async () => {
      const calls = await callsDuring(async () => {
        managed = await create(spec.kind, args);
      });
      expect(calls).toEqual(expand(spec.createCalls));
    });

    it("reads back what it declared: refresh shows no drift and the next diff no change", async () => {
      const refreshed = await read(spec.kind, managed);
      expect(refreshed.id).toBe(managed.id);
      const calls = await callsDuring(async () => {
        const again = await update(spec.kind, { ...managed, outputs: refreshed.props }, args);
        expect(again.diff.changes).toBe(false);
      });
      expect(calls).toEqual([]);
    });

    it.each(spec.steps({}).map((s, index) => ({ index, change: s.change })))(
      "update: $change",
      async ({ index }) => {
        const step = spec.steps(ids)[index];
        if (!step) throw new Error("no such step");
        args = { ...args, ...step.set };
        const calls = await callsDuring(async () => {
          managed = (await update(spec.kind, managed, args)).managed;
        });
        expect(calls).toEqual(expand(step.calls));
        // The stored outputs now agree with the API: a second run changes nothing.
        const refreshed = await read(spec.kind, managed);
        const again = await update(spec.kind, { ...managed, outputs: refreshed.props }, args);
        expect(again.diff.changes).toBe(false);
      },
    );

    it(`deletes with ${spec.deleteCalls.join(", ")}; a second delete of the gone object succeeds`, async () => {
      const calls = await callsDuring(async () => destroy(spec.kind, managed));
      expect(calls).toEqual(expand(spec.deleteCalls));
      expect((await read(spec.kind, managed)).id).toBe("");
      await destroy(spec.kind, managed);
    });
  });
}

/** Parents most resources need. */
export async function loadBalancer(): Promise<Ids> {
  const lb = await create("LoadBalancer", { __resourceName: "edge" });
  return { lb: lb.id };
}

export async function loadBalancerWithBackends(): Promise<Ids> {
  const { lb } = await loadBalancer();
  const backend = await create("Backend", {
    __resourceName: "a",
    lbId: lb,
    forwardPort: 80,
    forwardProtocol: "http",
  });
  const other = await create("Backend", {
    __resourceName: "b",
    lbId: lb,
    forwardPort: 81,
    forwardProtocol: "http",
  });
  return { lb: lb as string, backend: backend.id, other: other.id };
}

export async function frontendTree(): Promise<Ids> {
  const ids = await loadBalancerWithBackends();
  const frontend = await create("Frontend", {
    __resourceName: "http",
    lbId: ids.lb,
    backendId: ids.backend,
    inboundPort: 80,
  });
  return { ...ids, frontend: frontend.id };
}
