/**
 * diff: one pure function over a resource's property table. It compares the old *outputs* (what
 * the API last said, mapped to the provider's shape) with the new *checked inputs*, and says which
 * properties force a replacement and which update endpoints must be called.
 *
 * Unknown preview values count as changes. In a `replace` field an unknown forces the replacement:
 * such a field is almost always a parent's id, unknown exactly when the parent is being replaced
 * (an updated parent keeps its id), and `up` will then see a new id. Pulumi also asks this
 * question of the dependents of a delete-before-replace resource, with that resource's outputs
 * unknown: answering "replace" is what makes it replace them instead of orphaning them.
 *
 * Absent and `null` are the same (the API's "unset"), and a `nullMeansDefault` field's null is its
 * default.
 */
import { canonicalCidr, canonicalIp } from "./ip";
import type { ArrayProp, Policy, Prop, ResourceDefinition } from "./property";
import { containsUnknown, isUnknown } from "./unknown";

/** The hidden input every create records (check-resource.ts RESERVED_INPUTS.resourceName). */
const RESOURCE_NAME = "__resourceName";

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
    // State the engine imported never went through our create (it has no resource name): it has
    // no record of the create-time flags the API never reports, so they cannot differ.
    const unrecorded = olds[name] === undefined || olds[name] === null;
    if (prop.createOnly && unrecorded && olds[RESOURCE_NAME] === undefined) continue;
    visit(prop, policy, olds[name], news[name], (p) => {
      changed.add(name);
      if (p === "replace") replaces.add(name);
      else if (p !== "local") endpoints.add(p.update);
    });
  }
  return {
    changes: changed.size > 0,
    replaces: [...replaces].sort(),
    endpoints: [...endpoints].sort(),
    changed: [...changed].sort(),
    deleteBeforeReplace: replaces.size > 0 && mustDeleteFirst(definition, olds, news),
  };
}

/** What an applied change needs: an update endpoint, a replacement, or nothing from the API. */
type Effect = "replace" | "local" | { readonly update: string };

/** Walks one property, calling `onChange` with the effect of each changed part. */
function visit(
  prop: Prop,
  policy: Policy,
  old: unknown,
  next: unknown,
  onChange: (effect: Effect) => void,
): void {
  if ((next === undefined || next === null) && prop.computed) return;
  if (prop.type === "object" && isRecord(next) && Object.values(prop.properties).some((p) => p.policy)) {
    // Children with their own policies are judged one by one.
    const before = isRecord(old) ? old : {};
    for (const [name, inner] of Object.entries(prop.properties)) {
      visit(inner, inner.policy ?? policy, before[name], next[name], onChange);
    }
    return;
  }
  if (typeof policy === "object" && "add" in policy) {
    const growth = growthOf(prop, old, next);
    if (growth === "grows") onChange({ update: policy.add });
    else if (growth === "shrinks") onChange("replace");
    return;
  }
  if (containsUnknown(next) || !sameValue(prop, old, next)) onChange(policy);
}

/**
 * How a value of an `add`-policy property moved. A list grows when it keeps every old item and
 * gains some (an unknown item is a new object's id: a gain); a flag grows when it turns on.
 * Anything else that changed — an item dropped, a flag turned off, an entirely unknown value
 * (which may drop items) — shrinks.
 */
function growthOf(prop: Prop, old: unknown, next: unknown): "same" | "grows" | "shrinks" {
  if (isUnknown(next)) return "shrinks";
  if (prop.type === "array") {
    const before = new Set(items(prop, old));
    const after = Array.isArray(next) ? next : [];
    const known = new Set(
      items(
        prop,
        after.filter((item) => !isUnknown(item)),
      ),
    );
    if ([...before].some((item) => !known.has(item))) return "shrinks";
    const gained = after.some(isUnknown) || [...known].some((item) => !before.has(item));
    return gained ? "grows" : "same";
  }
  if (prop.type === "boolean") {
    if (old === true) return next === true ? "same" : "shrinks";
    return next === true ? "grows" : "same";
  }
  return sameValue(prop, old, next) ? "same" : "shrinks";
}

/** The canonical items of a list value, each as text (for set comparisons). */
function items(prop: ArrayProp, value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value.map((item) => JSON.stringify(canonical(prop.items, item)));
}

/** Whether a replacement must delete the old object first (see ResourceDefinition). */
function mustDeleteFirst(
  definition: ResourceDefinition,
  olds: Readonly<Record<string, unknown>>,
  news: Readonly<Record<string, unknown>>,
): boolean {
  const rule = definition.deleteBeforeReplace;
  if (rule === undefined || typeof rule === "boolean") return rule === true;
  return rule.sharing.every((name) => {
    const prop = definition.inputs[name];
    return prop !== undefined && keeps(prop, olds[name], news[name]);
  });
}

/**
 * Whether the new value keeps (a list: any item of) the old one. An unknown value keeps nothing:
 * it is a new object's id or a value computed elsewhere, never provably the old one.
 */
function keeps(prop: Prop, old: unknown, next: unknown): boolean {
  if (next === undefined || next === null || isUnknown(next)) return false;
  if (prop.type === "array") {
    const before = new Set(items(prop, old));
    const after = Array.isArray(next) ? next.filter((item) => !isUnknown(item)) : [];
    return items(prop, after).some((item) => before.has(item));
  }
  return !containsUnknown(next) && sameValue(prop, old, next);
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
