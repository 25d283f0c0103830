/**
 * diff: one pure function over a resource's property table. It compares the old *outputs* (what
 * the API last said, mapped to the provider's shape) with the new *checked inputs*, and says which
 * properties force a replacement and which update endpoints must be called. Unknown preview values
 * count as changes but never force a replacement by themselves. Absent and `null` are the same
 * (the API's "unset"), and a `nullMeansDefault` field's null is its default.
 */
import { canonicalCidr, canonicalIp } from "./ip";
import type { Policy, Prop, ResourceDefinition } from "./property";
import { containsUnknown } from "./unknown";

export interface DiffOutcome {
  /** Anything to do at all (an update, a replacement, or a provider-side setting). */
  readonly changes: boolean;
  /** Top-level properties whose change forces a replacement. */
  readonly replaces: readonly string[];
  /** Update endpoints whose fields changed, sorted (each is one API call). */
  readonly endpoints: readonly string[];
  /** Top-level properties that changed, sorted. */
  readonly changed: readonly string[];
  readonly deleteBeforeReplace: boolean;
}

export function diffResource(
  definition: ResourceDefinition,
  olds: Readonly<Record<string, unknown>>,
  news: Readonly<Record<string, unknown>>,
): DiffOutcome {
  const replaces = new Set<string>();
  const endpoints = new Set<string>();
  const changed = new Set<string>();
  for (const [name, prop] of Object.entries(definition.inputs)) {
    const policy = prop.policy ?? "local";
    visit(prop, policy, olds[name], news[name], (p, unknown) => {
      changed.add(name);
      if (p === "replace") {
        if (!unknown) replaces.add(name);
      } else if (p !== "local") {
        endpoints.add(p.update);
      }
    });
  }
  return {
    changes: changed.size > 0,
    replaces: [...replaces].sort(),
    endpoints: [...endpoints].sort(),
    changed: [...changed].sort(),
    deleteBeforeReplace: replaces.size > 0 && definition.deleteBeforeReplace === true,
  };
}

/** Walks one property, calling `onChange` with the effective policy of each changed part. */
function visit(
  prop: Prop,
  policy: Policy,
  old: unknown,
  next: unknown,
  onChange: (policy: Policy, unknown: boolean) => void,
): void {
  if (containsUnknown(next)) {
    onChange(policy, true);
    return;
  }
  if ((next === undefined || next === null) && prop.computed) return;
  if (prop.type === "object" && isRecord(next) && Object.values(prop.properties).some((p) => p.policy)) {
    // Children with their own policies are judged one by one.
    const before = isRecord(old) ? old : {};
    for (const [name, inner] of Object.entries(prop.properties)) {
      visit(inner, inner.policy ?? policy, before[name], next[name], onChange);
    }
    return;
  }
  if (!sameValue(prop, old, next)) onChange(policy, false);
}

/** Semantic equality under a property's rules: canonical addresses, sets, absent = null. */
export function sameValue(prop: Prop, old: unknown, next: unknown): boolean {
  if ((next === undefined || next === null) && prop.computed) return true;
  if (prop.type === "object" && isRecord(next)) {
    const before = isRecord(old) ? old : {};
    return Object.entries(prop.properties).every(([name, inner]) =>
      sameValue(inner, before[name], next[name]),
    );
  }
  return JSON.stringify(canonical(prop, old)) === JSON.stringify(canonical(prop, next));
}

function canonical(prop: Prop, value: unknown): unknown {
  if (value === undefined || value === null) {
    // An API null that stands for the documented default compares as that default.
    return prop.nullMeansDefault && prop.default !== undefined ? canonical(prop, prop.default) : null;
  }
  switch (prop.type) {
    case "string": {
      if (typeof value !== "string") return value;
      if (prop.format === "ip") return canonicalIp(value) ?? value;
      if (prop.format === "cidr") return canonicalCidr(value) ?? value;
      if (prop.format === "id") return value.toLowerCase();
      return prop.lowercase ? value.toLowerCase() : value;
    }
    case "array": {
      if (!Array.isArray(value)) return value;
      const items = value.map((item) => canonical(prop.items, item));
      if (!prop.unordered) return items;
      return [...new Set(items.map((item) => JSON.stringify(item)))].sort();
    }
    case "object": {
      if (!isRecord(value)) return value;
      const out: Record<string, unknown> = {};
      for (const [name, inner] of Object.entries(prop.properties)) out[name] = canonical(inner, value[name]);
      return out;
    }
    default:
      return value;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
