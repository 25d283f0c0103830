/**
 * Building blocks of the wire schemas. The rules (reference §1.7) and how they are read:
 *
 * - objects are loose: fields the API adds later are ignored, never an error;
 * - nullable scalars come back as `null`; a missing one is read as `null` too;
 * - lists come back as `[]`; `null` or missing is read as `[]`;
 * - one-of members are present only when set; `null` is read as absent;
 * - durations are read in either encoding and exposed in milliseconds (../durations.ts);
 * - timestamps stay RFC 3339 strings; Go's zero time ("0001-01-01T00:00:00Z") reads as `null`.
 */
import { z } from "zod";
import { parseWireDuration } from "../durations";

/** A nullable value: `null` or missing reads as `null`. */
export function nullable<T extends z.ZodType>(schema: T) {
  return schema.nullish().transform((value): z.output<T> | null => value ?? null);
}

/** A list: `null` or missing reads as `[]`. */
export function list<T extends z.ZodType>(schema: T) {
  return z
    .array(schema)
    .nullish()
    .transform((value): z.output<T>[] => value ?? []);
}

/** A one-of member: `null` reads as absent. */
export function member<T extends z.ZodType>(schema: T) {
  return schema.nullish().transform((value): z.output<T> | undefined => value ?? undefined);
}

/** A string that older API versions did not send: missing or `null` reads as `fallback`. */
export function text(fallback = "") {
  return z
    .string()
    .nullish()
    .transform((value) => value ?? fallback);
}

/** A boolean that older API versions did not send: missing or `null` reads as `fallback`. */
export function flag(fallback = false) {
  return z
    .boolean()
    .nullish()
    .transform((value) => value ?? fallback);
}

/** A duration in either wire encoding, as milliseconds; `null`/missing reads as `null`. */
export const duration = z
  .union([z.number(), z.string()])
  .nullish()
  .transform((value, ctx): number | null => {
    if (value === null || value === undefined) return null;
    const ms = parseWireDuration(value);
    if (ms === null) {
      ctx.addIssue({ code: "custom", message: `not a duration: ${JSON.stringify(value)}` });
      return z.NEVER;
    }
    return ms;
  });

const GO_ZERO_TIME = /^0001-01-01T00:00:00(\.0+)?Z$/;

/** An RFC 3339 timestamp kept as text (nanosecond precision preserved); zero time reads `null`. */
export const timestamp = z
  .string()
  .nullish()
  .transform((value): string | null =>
    value === null || value === undefined || GO_ZERO_TIME.test(value) ? null : value,
  );

/**
 * An enum whose unknown future values read as `fallback` (for status fields, where the API
 * may add states and the client must keep working).
 */
export function openEnum<const T extends readonly [string, ...string[]]>(values: T, fallback: T[number]) {
  return z.enum(values).catch(fallback);
}

/** An empty-body answer (204). */
export const noContent = z.unknown().transform((): undefined => undefined);
