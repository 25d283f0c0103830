/**
 * Typed reads of checked inputs and stored props (plain JSON). check guarantees the shapes, so a
 * mismatch here means corrupted state: the error says which property.
 */
import type { Json } from "../core/property";
import type { Props } from "./operations";

type Bag = { readonly [key: string]: Json | undefined };

export function str(bag: Bag, key: string): string {
  const v = bag[key];
  if (typeof v !== "string") throw corrupted(key, v, "a string");
  return v;
}

export function optStr(bag: Bag, key: string): string | null {
  const v = bag[key];
  if (v === undefined || v === null) return null;
  if (typeof v !== "string") throw corrupted(key, v, "a string");
  return v;
}

export function int(bag: Bag, key: string): number {
  const v = bag[key];
  if (typeof v !== "number") throw corrupted(key, v, "a number");
  return v;
}

export function optInt(bag: Bag, key: string): number | null {
  const v = bag[key];
  if (v === undefined || v === null) return null;
  if (typeof v !== "number") throw corrupted(key, v, "a number");
  return v;
}

export function bool(bag: Bag, key: string): boolean {
  const v = bag[key];
  if (typeof v !== "boolean") throw corrupted(key, v, "true or false");
  return v;
}

export function strs(bag: Bag, key: string): string[] {
  const v = bag[key];
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v) || v.some((x) => typeof x !== "string")) throw corrupted(key, v, "a list of strings");
  return v.filter((x): x is string => typeof x === "string");
}

export function obj(bag: Bag, key: string): Bag | undefined {
  const v = bag[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== "object" || Array.isArray(v)) throw corrupted(key, v, "an object");
  return v;
}

/**
 * The entries that have a value, `null` included: a field the API reports as unset stays in the
 * props as `null`, so it replaces whatever state said before (the state model, DESIGN.md).
 */
export function defined(entries: Record<string, Json | undefined>): Props {
  const out: Props = {};
  for (const [key, value] of Object.entries(entries)) if (value !== undefined) out[key] = value;
  return out;
}

/** A stored enum value, narrowed to the API's type. */
export function oneOf<T extends string>(value: string, allowed: readonly T[]): T {
  const found = allowed.find((a) => a === value);
  if (found === undefined)
    throw new Error(`unexpected value ${JSON.stringify(value)}: expected one of ${allowed.join(", ")}`);
  return found;
}

function corrupted(key: string, value: unknown, expected: string): Error {
  return new Error(`state property ${key} should be ${expected}, found ${JSON.stringify(value)}`);
}
