/**
 * The per-property diff the engine shows: one entry per changed leaf, named by its path
 * (`healthCheck.checkDelay`, `serverIps[2]`). Unordered lists (server pools, tags) are compared
 * as sets, so removing one server of six is one removed element, never a shifted list. Paths into
 * a list index the old outputs for removals and the new inputs for additions.
 */
import { sameValue } from "../core/diff";
import type { Prop, ResourceDefinition } from "../core/property";
import { containsUnknown } from "../core/unknown";

export type PropertyChangeKind = "add" | "delete" | "update";

export interface PropertyChange {
  readonly path: string;
  readonly kind: PropertyChangeKind;
  /** The change forces a replacement (its top-level property is in `replaces`). */
  readonly replace: boolean;
}

export function detailedDiff(
  definition: ResourceDefinition,
  olds: Readonly<Record<string, unknown>>,
  news: Readonly<Record<string, unknown>>,
  replaces: readonly string[],
): PropertyChange[] {
  const changes: PropertyChange[] = [];
  for (const [name, prop] of Object.entries(definition.inputs)) {
    const replace = replaces.includes(name);
    walk(prop, name, olds[name], news[name], (path, kind) => {
      changes.push({ path, kind, replace });
    });
  }
  return changes;
}

type Emit = (path: string, kind: PropertyChangeKind) => void;

function walk(prop: Prop, path: string, old: unknown, next: unknown, emit: Emit): void {
  const oldAbsent = old === undefined || old === null;
  const nextAbsent = next === undefined || next === null;
  if (containsUnknown(next)) {
    emit(path, oldAbsent ? "add" : "update");
    return;
  }
  if (nextAbsent && prop.computed) return;
  if (sameValue(prop, old, next)) return;
  if (oldAbsent || nextAbsent) {
    emit(path, oldAbsent ? "add" : "delete");
    return;
  }
  if (prop.type === "object" && isRecord(old) && isRecord(next)) {
    for (const [name, inner] of Object.entries(prop.properties))
      walk(inner, `${path}.${name}`, old[name], next[name], emit);
    return;
  }
  if (prop.type === "array" && Array.isArray(old) && Array.isArray(next)) {
    if (prop.unordered) {
      // Sets: what left the old set, then what joined it.
      old.forEach((item, i) => {
        if (!next.some((n) => sameValue(prop.items, item, n))) emit(`${path}[${i}]`, "delete");
      });
      next.forEach((item, i) => {
        if (!old.some((o) => sameValue(prop.items, o, item))) emit(`${path}[${i}]`, "add");
      });
      return;
    }
    for (let i = 0; i < Math.max(old.length, next.length); i++)
      walk(prop.items, `${path}[${i}]`, old[i], next[i], emit);
    return;
  }
  emit(path, "update");
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
