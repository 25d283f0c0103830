/**
 * State that tells the truth, for every field: a matrix generated from the resource definitions
 * (support/matrix.ts), run through the real engine in one stack. For each optional input:
 * (a) declared with a non-default value, then removed: one call to its endpoint, the API back at
 *     "left out", and the same program previews with no change (also after a refresh);
 * (b) cleared out of band through the API: refresh, and the preview names exactly that property;
 *     `up` restores it with one call.
 * The objects made with only their required fields and then imported are in state-truth.test.ts.
 */
import { join } from "node:path";
import type { EngineEvent } from "@pulumi/pulumi/automation";
import { selfSignedChain } from "../../scripts/examples/self-signed";
import { type EmulatorHarness, startHarness } from "../support/emulator-harness";
import { configureRuntime, type Managed, update } from "../support/runtime-harness";
import { type EngineStack, engineStack, MUTATING } from "./support/engine";
import { type FieldCase, stateMatrix } from "./support/matrix";

const MINUTE = 60_000;
/** How Pulumi marks a secret value in an exported stack. */
const SECRET_SIGNATURE = "4dabf18193072939515e22adb298388d";
const matrix = stateMatrix();
const caseName = (i: number) => `case${i}`;
type Json = import("../../provider/core/property").Json;

/** The shared tree every case hangs from. */
const BASE = [
  { kind: "LoadBalancer", name: "lb", args: {} },
  {
    kind: "Certificate",
    name: "cert",
    args: { lbId: { $ref: "lb" }, customCertificate: { certificateChain: { $secret: "chain" } } },
  },
  {
    kind: "Backend",
    name: "backend",
    args: { lbId: { $ref: "lb" }, forwardPort: 80, forwardProtocol: "http" },
  },
  {
    kind: "Frontend",
    name: "frontend",
    args: { lbId: { $ref: "lb" }, backendId: { $ref: "backend" }, inboundPort: 80 },
  },
];

/** The API call that changes a field, as the request log shows it for object `id`. */
const ENDPOINT_CALLS: Record<string, (id: string) => string> = {
  "LoadBalancer lb": (id) => `PUT /lbs/${id}`,
  "LoadBalancer migrate": (id) => `POST /lbs/${id}/migrate`,
  "Ip ip": (id) => `PATCH /ips/${id}`,
  "Backend backend": (id) => `PUT /backends/${id}`,
  "Backend healthCheck": (id) => `PUT /backends/${id}/healthcheck`,
  "Backend servers": (id) => `PUT /backends/${id}/servers`,
  "Frontend frontend": (id) => `PUT /frontends/${id}`,
  "Route route": (id) => `PUT /routes/${id}`,
  "Acl acl": (id) => `PUT /acls/${id}`,
  "Certificate certificate": (id) => `PUT /certificates/${id}`,
};

function program(which: "declared" | "leftOut") {
  return [...BASE, ...matrix.cases.map((c, i) => ({ kind: c.kind, name: caseName(i), args: c[which] }))];
}

function differingKeys(a: Record<string, unknown>, b: Record<string, unknown>): string[] {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].filter((k) => k !== "__provider" && stable(a[k]) !== stable(b[k])).sort();
}

/** JSON with object keys sorted: the engine compares values, not key order. */
function stable(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stable).join(",")}]`;
  if (value !== null && typeof value === "object")
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stable((value as Record<string, unknown>)[k])}`)
      .join(",")}}`;
  return JSON.stringify(value) ?? "undefined";
}

/** Top-level properties that differ between a case's two argument sets: what a preview must name. */
function changedKeys(c: FieldCase): string[] {
  const keys = new Set([...Object.keys(c.declared), ...Object.keys(c.leftOut)]);
  return [...keys].filter((k) => JSON.stringify(c.declared[k]) !== JSON.stringify(c.leftOut[k])).sort();
}

describe("state matrix: every optional field, removed and cleared out of band", () => {
  let emulator: EmulatorHarness;
  let engine: EngineStack;
  const ids: Record<string, string> = {};
  const chain = selfSignedChain("matrix.example.org");

  const byResource = (calls: readonly string[]) => {
    const out: Record<string, string[]> = {};
    for (const [name, id] of Object.entries(ids)) {
      out[name] = calls.filter((c) => MUTATING.test(c) && c.includes(id));
    }
    return out;
  };
  const expectedCalls = () =>
    Object.fromEntries([
      ...BASE.map((b) => [b.name, []]),
      ...matrix.cases.map((c, i) => {
        const call = ENDPOINT_CALLS[`${c.kind} ${c.endpoint}`];
        if (!call) throw new Error(`no call known for ${c.kind} endpoint ${c.endpoint}`);
        return [caseName(i), [call(ids[caseName(i)] ?? "?")]];
      }),
    ]);
  const use = async (which: "declared" | "leftOut") =>
    engine.stack.setConfig("resources", { value: JSON.stringify(program(which)) });

  beforeAll(async () => {
    emulator = await startHarness();
    engine = await engineStack(join(__dirname, "fixtures", "declared"), emulator, "matrix");
    await engine.stack.setConfig("chain", { value: chain, secret: true });
    console.log(
      `state matrix: ${new Set(matrix.cases.map((c) => c.kind)).size} kinds × ${matrix.cases.length} fields × 2 cases (removed, cleared out of band); ${matrix.skipped.length} fields covered elsewhere:\n` +
        matrix.skipped.map((s) => `  ${s.kind} ${s.path}: ${s.reason}`).join("\n"),
    );
  }, MINUTE);
  afterAll(async () => {
    await engine.stack.destroy().catch(() => undefined);
    await engine.stack.workspace.removeStack("matrix").catch(() => undefined);
    await emulator.close();
    engine.cleanup();
  });

  it("has a case for every kind that has optional updatable fields", () => {
    expect([...new Set(matrix.cases.map((c) => c.kind))].sort()).toEqual(
      ["Acl", "Backend", "Certificate", "Frontend", "Ip", "LoadBalancer", "Route"].sort(),
    );
    expect(matrix.cases.length).toBeGreaterThan(40);
  });

  it(
    "(a) a declared value, removed: one call per field, then no change — also after a refresh",
    async () => {
      await use("declared");
      const created = await engine.stack.up();
      expect(created.summary.result).toBe("succeeded");
      Object.assign(ids, await engine.ids());

      await use("leftOut");
      const removed = await engine.calls(() => engine.stack.up());
      expect(byResource(removed.calls)).toEqual(expectedCalls());

      const again = await engine.calls(() => engine.stack.preview({ expectNoChanges: true }));
      expect(again.result.changeSummary).toEqual({ same: BASE.length + matrix.cases.length + 1 });
      await engine.stack.refresh();
      // The API itself is back at "left out": what refresh read previews as no change.
      await engine.stack.preview({ expectNoChanges: true });
      expect((await engine.calls(() => engine.stack.up())).calls.filter((c) => MUTATING.test(c))).toEqual([]);
    },
    15 * MINUTE,
  );

  it(
    "(b) a declared value cleared out of band: refresh, the preview names exactly it, up restores it with one call",
    async () => {
      await use("declared");
      await engine.stack.up();
      await clearOutOfBand();
      await engine.stack.refresh();

      const diffs: Record<string, string[]> = {};
      await engine.stack.preview({
        onEvent: (event: EngineEvent) => {
          const meta = event.resourcePreEvent?.metadata;
          if (!meta || meta.op === "same") return;
          const name = meta.urn.slice(meta.urn.lastIndexOf("::") + 2);
          // What the CLI shows as `[diff: ~key]`: the inputs that differ (a dynamic provider
          // returns no detailed diff, so the engine compares stored and new inputs).
          diffs[name] = differingKeys(meta.old?.inputs ?? {}, meta.new?.inputs ?? {});
        },
      });
      expect(diffs).toEqual(Object.fromEntries(matrix.cases.map((c, i) => [caseName(i), changedKeys(c)])));

      const restored = await engine.calls(() => engine.stack.up());
      expect(byResource(restored.calls)).toEqual(expectedCalls());
      await engine.stack.preview({ expectNoChanges: true });
    },
    15 * MINUTE,
  );

  /** Each case object gets its "left out" arguments through the API, behind the engine's back. */
  async function clearOutOfBand(): Promise<void> {
    await configureRuntime(emulator.url);
    const deployment = await engine.stack.exportStack();
    const resources: {
      urn: string;
      id?: string;
      inputs?: Record<string, Json>;
      outputs?: Record<string, Json>;
    }[] = Reflect.get(deployment.deployment, "resources") ?? [];
    const stateOf = (name: string) => resources.find((r) => r.urn.endsWith(`::${name}`));
    const resolve = (value: Json): Json => {
      if (Array.isArray(value)) return value.map(resolve);
      if (value === null || typeof value !== "object") return value;
      if (typeof value.$ref === "string") return stateOf(value.$ref)?.id ?? "";
      if (typeof value.$secret === "string") return chain;
      if (SECRET_SIGNATURE in value) return { certificateChain: chain };
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolve(v)]));
    };
    for (const [i, c] of matrix.cases.entries()) {
      const state = stateOf(caseName(i));
      if (!state?.id) throw new Error(`${caseName(i)} is not in state`);
      // Stored secrets are encrypted: the only one here is the certificate's chain, known to the test.
      const managed: Managed = {
        id: state.id,
        inputs: resolve(state.inputs ?? {}) as Record<string, Json>,
        outputs: resolve(state.outputs ?? {}) as Record<string, Json>,
      };
      const args = resolve({ ...c.leftOut, __resourceName: caseName(i) }) as Record<string, unknown>;
      await update(c.kind, managed, args);
    }
  }
});
