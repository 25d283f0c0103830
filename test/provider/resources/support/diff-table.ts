/** Builders for diff-table tests: check args the way the provider does, then diff old vs new. */
import { type CheckEnvironment, checkResource } from "../../../../provider/core/check-resource";
import { type DiffOutcome, diffResource } from "../../../../provider/core/diff";
import type { Json, Prop, ResourceDefinition } from "../../../../provider/core/property";

export const PROJECT = "11111111-2222-4333-8444-555555555555";
export const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;
export const zoned = (n: number, zone = "fr-par-1") => `${zone}/${uuid(n)}`;

export const env: CheckEnvironment = {
  defaultZone: "fr-par-1",
  defaultProjectId: PROJECT,
  projectIdSources: "scaleway:projectId or SCW_DEFAULT_PROJECT_ID",
};

export type Args = Record<string, unknown>;

/** Checked inputs; fails the test on any check failure. */
export function checked(definition: ResourceDefinition, args: Args, olds: Args = {}): Record<string, Json> {
  const result = checkResource(definition, olds, args, env);
  if (result.failures.length > 0)
    throw new Error(`unexpected check failures: ${JSON.stringify(result.failures)}`);
  return result.inputs;
}

/** Diff of a resource created from `before` (its outputs = its checked inputs) against `after`. */
export function diffAfter(definition: ResourceDefinition, before: Args, after: Args): DiffOutcome {
  const olds = checked(definition, before);
  return diffResource(definition, olds, checked(definition, after, olds));
}

/** A deep copy of `args` with `path` (dotted) set to `value`; `undefined` removes it. */
export function withValue(args: Args, path: string, value: unknown): Args {
  const copy: Args = structuredClone(args);
  const parts = path.split(".");
  let target: Record<string, unknown> = copy;
  for (const part of parts.slice(0, -1)) {
    const next = target[part];
    if (next === undefined || next === null || typeof next !== "object") target[part] = {};
    target = target[part] as Record<string, unknown>;
  }
  const last = parts[parts.length - 1] as string;
  if (value === undefined) delete target[last];
  else target[last] = value;
  return copy;
}

/** Every input property path of a definition, nested objects included (arrays are leaves). */
export function inputPaths(definition: ResourceDefinition): string[] {
  const paths: string[] = [];
  const walk = (props: { readonly [name: string]: Prop }, prefix: string) => {
    for (const [name, prop] of Object.entries(props)) {
      const path = `${prefix}${name}`;
      paths.push(path);
      if (prop.type === "object") walk(prop.properties, `${path}.`);
    }
  };
  walk(definition.inputs, "");
  return paths.sort();
}

export interface Row {
  /** The property the row changes (dotted path); rows cover every path of the definition. */
  readonly path: string;
  /** What the row does, for the test title. */
  readonly change: string;
  readonly after: Args;
  /** Expected endpoints and replaced properties; `[]`/`[]` means "no change". */
  readonly endpoints: readonly string[];
  readonly replaces?: readonly string[];
  /** Whether diff reports a change; by default, exactly when endpoints or replaces are expected. */
  readonly changes?: boolean;
}

/** Runs a table and checks that it covers every input property of the definition. */
export function describeDiffTable(
  definition: ResourceDefinition,
  before: Args,
  rows: readonly Row[],
  exempt: Record<string, string> = {},
) {
  describe(`${definition.kind} diff`, () => {
    it.each(rows.map((r) => [r.path, r.change, r] as const))("%s: %s", (_path, _change, row) => {
      const outcome = diffAfter(definition, before, row.after);
      expect({ endpoints: outcome.endpoints, replaces: outcome.replaces }).toEqual({
        endpoints: row.endpoints,
        replaces: row.replaces ?? [],
      });
      expect(outcome.changes).toBe(
        row.changes ?? (row.endpoints.length > 0 || (row.replaces ?? []).length > 0),
      );
    });

    it("has a row for every input property", () => {
      const covered = new Set(rows.map((r) => r.path));
      const missing = inputPaths(definition).filter((p) => !covered.has(p) && !(p in exempt));
      expect(missing).toEqual([]);
    });

    it("reports no change when nothing changed", () => {
      const outcome = diffAfter(definition, before, before);
      expect(outcome).toEqual({
        changes: false,
        replaces: [],
        endpoints: [],
        changed: [],
        deleteBeforeReplace: false,
      });
    });
  });
}

/** Row builders bound to one base: `row(path, change, value, endpoints, replaces?, changes?)`. */
export function rowBuilder(before: Args) {
  const row = (
    path: string,
    change: string,
    value: unknown,
    endpoints: string[],
    replaces?: string[],
    changes?: boolean,
  ): Row => ({
    path,
    change,
    after: withValue(before, path, value),
    endpoints,
    ...(replaces ? { replaces } : {}),
    ...(changes !== undefined ? { changes } : {}),
  });
  /** A field updated through `endpoint`. */
  const updates = (endpoint: string) => (path: string, value: unknown) =>
    row(path, `set to ${JSON.stringify(value)}`, value, [endpoint]);
  /** A field whose change replaces the object. */
  const replaced = (path: string, value: unknown) =>
    row(path, `set to ${JSON.stringify(value)}: replaced`, value, [], [path.split(".")[0] as string]);
  return { row, updates, replaced };
}
