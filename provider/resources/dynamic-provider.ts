/**
 * Builds the dynamic provider of one resource kind from its definition and operations: check and
 * diff are the pure core's; create adopts an `importId` or creates; results are plain JSON with a
 * state version; reserved and provider-side inputs travel along in the outputs so that delete and
 * refresh (which only see outputs) have them.
 */
import { type CheckEnvironment, checkResource, RESERVED_INPUTS } from "../core/check-resource";
import { diffResource } from "../core/diff";
import type { Json, ResourceDefinition } from "../core/property";
import { adoptionDifferences } from "./adoption";
import { STATE_VERSION } from "./common";
import type { ResourceContext } from "./context";
import { adoptEarlierAttempt } from "./earlier-attempt";
import type { Operations, Props } from "./operations";

/** The provider methods the shim calls, as the Pulumi dynamic provider protocol defines them. */
export interface DynamicProvider {
  check(
    olds: unknown,
    news: unknown,
  ): Promise<{ inputs: Props; failures: { property: string; reason: string }[] }>;
  diff(
    id: string,
    olds: unknown,
    news: unknown,
  ): Promise<{ changes: boolean; replaces: string[]; deleteBeforeReplace: boolean }>;
  create(inputs: unknown): Promise<{ id: string; outs: Props }>;
  read(id: string, props?: unknown): Promise<{ id: string; props: Props; inputs?: Props }>;
  update(id: string, olds: unknown, news: unknown): Promise<{ outs: Props }>;
  delete(id: string, props: unknown): Promise<void>;
}

export interface ProviderHooks {
  /** Defaults for check; needs no credentials, so previews work without them. */
  readonly environment: () => CheckEnvironment;
  /** The API context; resolves credentials (and fails, listing where it looked, without them). */
  readonly context: () => ResourceContext;
}

export function makeDynamicProvider(
  definition: ResourceDefinition,
  operations: Operations,
  hooks: ProviderHooks,
): DynamicProvider {
  const kind = definition.kind;
  return {
    async check(olds, news) {
      const result = checkResource(definition, record(olds), record(news), hooks.environment());
      return { inputs: result.inputs, failures: [...result.failures] };
    },

    async diff(_id, olds, news) {
      const outcome = diffResource(definition, upgrade(props(olds)), props(news));
      return {
        changes: outcome.changes,
        replaces: [...outcome.replaces],
        deleteBeforeReplace: outcome.deleteBeforeReplace,
      };
    },

    async create(raw) {
      const inputs = props(raw);
      const ctx = hooks.context();
      const importId = inputs.importId;
      if (typeof importId === "string") {
        const actual = await operations.read(ctx, importId, inputs);
        if (actual === undefined) {
          throw new Error(`${kind}: importId ${importId} names no existing object (nothing was created)`);
        }
        assertAdoptable(definition, importId, actual, inputs);
        return { id: importId, outs: finish({ ...inputs, ...actual }) };
      }
      // Exactly once: an earlier attempt of this create may have made the object (earlier-attempt.ts).
      const created =
        (await adoptEarlierAttempt(definition, operations, ctx, inputs)) ??
        (await operations.create(ctx, inputs));
      return { id: created.id, outs: finish({ ...inputs, ...created.outs }) };
    },

    async read(id, raw) {
      const olds = upgrade(props(raw));
      const actual = await operations.read(hooks.context(), id, olds);
      if (actual === undefined) return { id: "", props: {} };
      const merged = finish({ ...olds, ...actual });
      return { id, props: merged, inputs: inputsFrom(definition, merged, olds) };
    },

    async update(id, rawOlds, rawNews) {
      const olds = upgrade(props(rawOlds));
      const news = props(rawNews);
      const outcome = diffResource(definition, olds, news);
      const answered = await operations.update(hooks.context(), id, olds, news, outcome.endpoints);
      // What the API computed before, the desired inputs, then whatever the API just answered.
      return { outs: finish({ ...olds, ...news, ...answered }) };
    },

    async delete(id, raw) {
      await operations.delete(hooks.context(), id, upgrade(props(raw)));
    },
  };
}

/** Adopting an object must not change it: every declared property must already hold. */
function assertAdoptable(
  definition: ResourceDefinition,
  importId: string,
  actual: Props,
  declared: Props,
): void {
  const differences = adoptionDifferences(definition, actual, declared);
  if (differences.length === 0) return;
  const lines = differences.map((d) => `  ${d.property}: ${d.reason}`);
  throw new Error(
    `${definition.kind}: cannot adopt ${importId}: it differs from the declared arguments (nothing was changed):\n${lines.join("\n")}\nDeclare the values found, or adopt and then change them in a later update.`,
  );
}

/** After a refresh, the stored inputs become what the API says, so drift shows in the next preview. */
function inputsFrom(definition: ResourceDefinition, merged: Props, olds: Props): Props {
  const inputs: Props = {};
  for (const key of Object.keys(definition.inputs)) {
    const value = merged[key];
    if (value !== undefined) inputs[key] = value;
  }
  for (const key of Object.values(RESERVED_INPUTS)) {
    const value = olds[key];
    if (value !== undefined) inputs[key] = value;
  }
  return inputs;
}

/** Reads state written by any earlier version of the provider (there is one layout so far). */
function upgrade(state: Props): Props {
  return state;
}

/** Plain JSON for the engine (an undefined anywhere would crash it), with the state version. */
function finish(outs: Props): Props {
  const plain: Props = {};
  for (const [key, value] of Object.entries(outs)) {
    if (key !== "__provider" && value !== undefined) plain[key] = clean(value);
  }
  plain.stateVersion = STATE_VERSION;
  return plain;
}

function clean(value: Json): Json {
  if (Array.isArray(value)) return value.map(clean);
  if (value !== null && typeof value === "object") {
    const out: { [key: string]: Json } = {};
    for (const [key, inner] of Object.entries(value)) if (inner !== undefined) out[key] = clean(inner);
    return out;
  }
  return value;
}

function props(value: unknown): Props {
  const out: Props = {};
  for (const [key, v] of Object.entries(record(value))) {
    if (v !== undefined && key !== "__provider") out[key] = v as Json;
  }
  return out;
}

function record(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}
