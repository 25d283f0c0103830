/**
 * Leaves out every argument the provider would fill in the same way: a property is dropped when
 * the arguments without it still adopt the object (adoption.ts) — so defaults, values that follow
 * other properties (a health check port equal to the forward port) and empty objects disappear,
 * and the program reads like hand-written code. The provider's own check and diff decide, never a
 * copy of its rules. Objects that must stay are pruned member by member.
 */
import type { CheckEnvironment } from "../../provider/core/check-resource";
import type { Prop, ResourceDefinition } from "../../provider/core/property";
import type { Props } from "../../provider/resources/operations";
import { adoptionDifferences } from "./adoption";
import { type EvaluateOptions, evaluateArgs, type ObjectExpr } from "./expr";

export interface MinimizeOptions {
  readonly env: CheckEnvironment;
  readonly evaluate: EvaluateOptions;
  /** Dotted paths always written (e.g. `zone`, `action.type`). */
  readonly keep: ReadonlySet<string>;
}

export function minimizeArgs(
  definition: ResourceDefinition,
  live: Props,
  args: ObjectExpr,
  options: MinimizeOptions,
): ObjectExpr {
  const differing = (candidate: ObjectExpr) =>
    adoptionDifferences(definition, live, evaluateArgs(candidate, options.evaluate), options.env).map(
      (d) => d.property,
    );
  // Whatever already differs (nothing, normally) must not be made worse by leaving something out.
  const baseline = new Set(differing(args));
  const acceptable = (candidate: ObjectExpr) => differing(candidate).every((p) => baseline.has(p));

  const prune = (current: ObjectExpr, path: readonly string[], prop: Prop): ObjectExpr => {
    if (options.keep.has(path.join("."))) return current;
    // A property that already differs is written as found, whole: leaving it out would hide it.
    if (path[0] !== undefined && baseline.has(path[0])) return current;
    // A value the server computes is "no change" when absent: only explicit rules may drop it.
    if (prop.computed) return current;
    const without = removeAt(current, path);
    if (acceptable(without)) return without;
    if (prop.type !== "object") return current;
    let next = current;
    for (const [member, inner] of Object.entries(prop.properties)) {
      if (getAt(next, [...path, member]) !== undefined) next = prune(next, [...path, member], inner);
    }
    return next;
  };

  let current = args;
  for (const [name, prop] of Object.entries(definition.inputs)) {
    if (getAt(current, [name]) !== undefined) current = prune(current, [name], prop);
  }
  return current;
}

function getAt(
  args: ObjectExpr,
  path: readonly string[],
): ObjectExpr["entries"][number]["value"] | undefined {
  const [head, ...rest] = path;
  const value = args.entries.find((e) => e.key === head)?.value;
  if (rest.length === 0 || value === undefined) return value;
  return value.kind === "object" ? getAt(value, rest) : undefined;
}

function removeAt(args: ObjectExpr, path: readonly string[]): ObjectExpr {
  const [head, ...rest] = path;
  if (rest.length === 0) return { kind: "object", entries: args.entries.filter((e) => e.key !== head) };
  return {
    kind: "object",
    entries: args.entries.map((e) =>
      e.key === head && e.value.kind === "object" ? { key: e.key, value: removeAt(e.value, rest) } : e,
    ),
  };
}
