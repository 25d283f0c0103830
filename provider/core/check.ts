/**
 * check: validates user inputs against a resource's property specs and returns them normalized —
 * defaults filled in, durations in milliseconds, addresses canonical — so that state shows effective
 * values and diff compares like with like. Validation runs through zod schemas derived from the specs;
 * failures name the property path, the value received and what is allowed. Unknown preview values
 * pass through untouched and satisfy "required".
 */
import { z } from "zod";
import { describeAllowed, showValue } from "./describe";
import { parseDuration } from "./durations";
import { canonicalCidr, canonicalIp } from "./ip";
import type { CheckFailure, Json, ObjectProp, Prop } from "./property";
import { isUnknown, UNKNOWN } from "./unknown";
import { parseZonedId } from "./zoned-id";

export interface CheckOptions {
  /** Zone used to complete bare UUIDs in `id`-format properties. */
  readonly defaultZone: string;
}

export interface CheckResult {
  readonly inputs: Record<string, Json>;
  readonly failures: CheckFailure[];
}

/** Validates and normalizes `raw` against the given top-level properties. */
export function checkProperties(
  properties: { readonly [name: string]: Prop },
  raw: Readonly<Record<string, unknown>>,
  options: CheckOptions,
): CheckResult {
  const failures: CheckFailure[] = [];
  const inputs = normalizeObject(properties, raw, "", options, failures);
  return { inputs, failures };
}

function normalizeObject(
  properties: { readonly [name: string]: Prop },
  raw: Readonly<Record<string, unknown>>,
  prefix: string,
  options: CheckOptions,
  failures: CheckFailure[],
): Record<string, Json> {
  const out: Record<string, Json> = {};
  for (const [name, prop] of Object.entries(properties)) {
    const value = normalizeValue(prop, raw[name], `${prefix}${name}`, options, failures);
    if (value !== undefined) out[name] = value;
  }
  return out;
}

/** undefined = absent (and no default), or invalid (a failure was recorded). */
function normalizeValue(
  prop: Prop,
  value: unknown,
  path: string,
  options: CheckOptions,
  failures: CheckFailure[],
): Json | undefined {
  if (isUnknown(value)) return UNKNOWN;
  if (value === undefined || value === null) {
    if (prop.default === undefined) {
      if (prop.required)
        failures.push({ property: path, reason: `is required: give ${describeAllowed(prop)}` });
      return undefined;
    }
    // Defaults go through the same normalization, so an object default gets its members' defaults.
    return normalizeValue(prop, prop.default, path, options, failures);
  }
  const fail = (): undefined => {
    // A secret (e.g. a PEM with its private key) is never repeated in a message.
    const shown = prop.secret ? "the value given (secret, not shown)" : showValue(value);
    // A long value is cut when shown: its size says what is wrong with it.
    const size = Array.isArray(value)
      ? ` (${value.length} items)`
      : typeof value === "string" && prop.type === "string" && prop.maxLength !== undefined
        ? ` (${value.length} characters)`
        : "";
    failures.push({
      property: path,
      reason: `${shown}${size} is not valid: expected ${describeAllowed(prop)}`,
    });
    return undefined;
  };
  switch (prop.type) {
    case "string": {
      const parsed = leafSchema(prop).safeParse(value);
      if (!parsed.success || typeof value !== "string") return fail();
      if (prop.format === "ip") return canonicalIp(value) ?? value;
      if (prop.format === "cidr") return canonicalCidr(value) ?? value;
      if (prop.format === "id") {
        const id = parseZonedId(value, options.defaultZone);
        return id ? `${id.zone}/${id.id}` : value;
      }
      return prop.lowercase ? value.toLowerCase() : value;
    }
    case "integer":
    case "boolean":
      return leafSchema(prop).safeParse(value).success ? (value as Json) : fail();
    case "duration": {
      const parsed = parseDuration(value);
      return leafSchema(prop).safeParse(value).success && parsed.ok ? parsed.ms : fail();
    }
    case "array": {
      if (!Array.isArray(value)) return fail();
      if (
        (prop.maxItems !== undefined && value.length > prop.maxItems) ||
        (prop.minItems !== undefined && value.length < prop.minItems)
      ) {
        return fail();
      }
      const items: Json[] = [];
      value.forEach((item, index) => {
        const normalized = normalizeValue(prop.items, item, `${path}[${index}]`, options, failures);
        if (normalized !== undefined) items.push(normalized);
      });
      return items;
    }
    case "object": {
      if (typeof value !== "object" || Array.isArray(value)) return fail();
      const record = value as Record<string, unknown>;
      const extra = Object.keys(record).filter((k) => !(k in prop.properties));
      if (extra.length > 0) {
        failures.push({
          property: path,
          reason: `has unknown propert${extra.length > 1 ? "ies" : "y"} ${extra.join(", ")}: allowed are ${Object.keys(prop.properties).join(", ")}`,
        });
      }
      const normalized = normalizeObject(prop.properties, record, `${path}.`, options, failures);
      checkOneOf(prop, record, path, failures);
      return normalized;
    }
  }
}

function checkOneOf(
  prop: ObjectProp,
  record: Record<string, unknown>,
  path: string,
  failures: CheckFailure[],
) {
  const isSet = (k: string) => record[k] !== undefined && record[k] !== null;
  if (prop.exactlyOne && !prop.exactlyOne.some((k) => isUnknown(record[k]))) {
    const set = prop.exactlyOne.filter(isSet);
    if (set.length !== 1) {
      failures.push({
        property: path,
        reason:
          set.length === 0
            ? `needs exactly one of ${prop.exactlyOne.join(", ")}; none is set`
            : `needs exactly one of ${prop.exactlyOne.join(", ")}; ${set.join(" and ")} are both set`,
      });
    }
  }
  if (prop.atMostOne) {
    const set = prop.atMostOne.filter(isSet);
    if (set.length > 1) {
      failures.push({
        property: path,
        reason: `accepts at most one of ${prop.atMostOne.join(", ")}; ${set.join(" and ")} are set`,
      });
    }
  }
}

// --- zod schemas of the leaf types, derived from the specs ------------------------------------------

type LeafProp = Exclude<Prop, { type: "array" | "object" }>;
const cache = new WeakMap<LeafProp, z.ZodType>();

/** The zod schema that accepts exactly the valid values of one leaf property. */
export function leafSchema(prop: LeafProp): z.ZodType {
  const cached = cache.get(prop);
  if (cached) return cached;
  const schema = buildLeafSchema(prop);
  cache.set(prop, schema);
  return schema;
}

function buildLeafSchema(prop: LeafProp): z.ZodType {
  switch (prop.type) {
    case "string": {
      let s = z.string();
      if (prop.minLength !== undefined) s = s.min(prop.minLength);
      if (prop.maxLength !== undefined) s = s.max(prop.maxLength);
      if (prop.pattern) s = s.regex(prop.pattern.regex);
      const allowed = prop.enum;
      if (allowed) return s.refine((v) => allowed.includes(prop.lowercase ? v.toLowerCase() : v));
      if (prop.format === "ip") return s.refine((v) => canonicalIp(v) !== undefined);
      if (prop.format === "cidr") return s.refine((v) => canonicalCidr(v) !== undefined);
      // The zone is checked against the real list; the zone given here only completes bare UUIDs.
      if (prop.format === "id") return s.refine((v) => parseZonedId(v, "fr-par-1") !== undefined);
      return s;
    }
    case "integer": {
      let n = z.number().int();
      if (prop.minimum !== undefined) n = n.min(prop.minimum);
      if (prop.maximum !== undefined) n = n.max(prop.maximum);
      const allowed = prop.enum;
      return allowed ? n.refine((v) => allowed.includes(v)) : n;
    }
    case "boolean":
      return z.boolean();
    case "duration":
      return z.union([z.number(), z.string()]).refine((v) => {
        const parsed = parseDuration(v);
        if (!parsed.ok) return false;
        if (prop.minimum !== undefined && parsed.ms < prop.minimum) return false;
        if (prop.maximum !== undefined && parsed.ms > prop.maximum) return false;
        return true;
      });
  }
}
