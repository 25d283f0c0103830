/**
 * Builds the dynamic provider of one resource kind from its definition and operations: check and
 * diff are the pure core's; create adopts an `importId` or creates; results are plain JSON with a
 * state version; reserved and provider-side inputs travel along in the outputs so that delete and
 * refresh (which only see outputs) have them.
 */
import { type CheckEnvironment, checkResource, RESERVED_INPUTS } from "../core/check-resource";
import { diffResource } from "../core/diff";
import { type Json, type ResourceDefinition, reportedByApi } from "../core/property";
import { adoptionDifferences } from "./adoption";
import { engineFailure } from "./check-failures";
import { STATE_VERSION } from "./common";
import type { ResourceContext } from "./context";
import { adoptEarlierAttempt } from "./earlier-attempt";
import { recordMadeThisRun } from "./made-this-run";
import { CreatedButFailed, type Operations, type Props, untyped } from "./operations";
import { reportedOnce } from "./reported-errors";

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

export function makeDynamicProvider<D extends ResourceDefinition>(
  definition: D,
  typedOperations: Operations<D>,
  hooks: ProviderHooks,
): DynamicProvider {
  const kind = definition.kind;
  const operations = untyped(typedOperations);
  return {
    async check(olds, news) {
      const given = record(news);
      const result = checkResource(definition, record(olds), given, hooks.environment());
      return {
        inputs: result.inputs,
        failures: result.failures.map((f) => engineFailure(definition, given, f)),
      };
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
        return { id: importId, outs: stateOf(definition, inputs, actual) };
      }
      try {
        // Exactly once: an earlier attempt of this create may have made the object (earlier-attempt.ts).
        let created = await adoptEarlierAttempt(definition, operations, ctx, inputs);
        if (created === undefined) {
          created = await operations.create(ctx, inputs);
          recordMadeThisRun(created.id);
        }
        return { id: created.id, outs: stateOf(definition, inputs, created.outs) };
      } catch (error) {
        // The engine records a created-but-failed object from these properties alone: they need
        // the serialized provider too, or its later refresh and delete cannot find their code.
        if (error instanceof CreatedButFailed)
          error.record(stateOf(definition, inputs, error.properties), raw);
        throw error;
      }
    },

    read: (id, raw) =>
      reportedOnce(async () => {
        const olds = upgrade(props(raw));
        const actual = await operations.read(hooks.context(), id, olds);
        if (actual === undefined) return { id: "", props: {} };
        const outs = stateOf(definition, olds, actual);
        return { id, props: outs, inputs: inputsFrom(definition, outs) };
      }),

    async update(id, rawOlds, rawNews) {
      const olds = upgrade(props(rawOlds));
      const news = props(rawNews);
      const outcome = diffResource(definition, olds, news);
      const answered = await operations.update(hooks.context(), id, olds, news, outcome.endpoints);
      // Fields no call touched are still what the API said before; the answer replaces the rest.
      return { outs: stateOf(definition, news, { ...reported(definition, olds), ...answered }) };
    },

    delete: (id, raw) => reportedOnce(() => operations.delete(hooks.context(), id, upgrade(props(raw)))),
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

/**
 * The one state rule: the API's answer, mapped, for everything the API reports (an unset field is
 * an explicit null, never a value kept from before); the program's own values (provider-side
 * settings, create-time flags, secrets, reserved inputs) for what only the program knows.
 */
function stateOf(definition: ResourceDefinition, declared: Props, api: Props): Props {
  const outs: Props = {};
  for (const [key, value] of Object.entries(declared)) if (!isReported(definition, key)) outs[key] = value;
  return finish({ ...outs, ...api });
}

/** The part of stored props that came from the API. */
function reported(definition: ResourceDefinition, stored: Props): Props {
  const out: Props = {};
  for (const [key, value] of Object.entries(stored)) if (isReported(definition, key)) out[key] = value;
  return out;
}

function isReported(definition: ResourceDefinition, key: string): boolean {
  if (key in definition.outputs) return true;
  const prop = definition.inputs[key];
  return prop !== undefined && reportedByApi(prop);
}

/**
 * After a refresh, the stored inputs become what the API says, so drift shows in the next preview:
 * a null (nested ones too) is a field left out; a `computed` input is left to the program (the
 * API always has one, the program rarely declares it); what only the program knows is kept.
 */
function inputsFrom(definition: ResourceDefinition, outs: Props): Props {
  const inputs: Props = {};
  for (const [key, value] of Object.entries(outs)) {
    const prop = definition.inputs[key];
    if (value === null || prop?.computed) continue;
    if (prop !== undefined || Object.values<string>(RESERVED_INPUTS).includes(key))
      inputs[key] = withoutNulls(value);
  }
  return inputs;
}

function withoutNulls(value: Json): Json {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (value === null || typeof value !== "object") return value;
  const out: { [key: string]: Json } = {};
  for (const [key, inner] of Object.entries(value)) if (inner !== null) out[key] = withoutNulls(inner);
  return out;
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
