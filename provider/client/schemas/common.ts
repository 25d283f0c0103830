/**
 * Building blocks of the snake_case wire schemas. The rules (reference §1.7) and how they are read:
 *
 * - objects are loose: fields the API adds later are ignored, never an error;
 * - nullable scalars come back as `null`; a missing one is read as `null` too;
 * - lists come back as `[]`; `null` or missing is read as `[]`;
 * - one-of members are present only when set; `null` is read as absent;
 * - durations are read in either encoding and exposed in milliseconds (../durations.ts), and sent
 *   in the field's own encoding;
 * - timestamps stay RFC 3339 strings; Go's zero time ("0001-01-01T00:00:00Z") reads as `null`.
 */
import { z } from "zod";
import { formatMillis, formatProtoDuration, parseWireDuration } from "../durations";

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

/** A one-of member: `null` reads as absent (and the key is left out of the camelCase result). */
export function member<T extends z.ZodType>(schema: T) {
  return schema
    .nullish()
    .transform((value): z.output<T> | undefined => value ?? undefined)
    .optional();
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

/** A one-of member that carries no settings (`tcp_config: {}`). */
export const empty = z.object({});

// Request fields: what the caller gives (milliseconds, or nothing) → what the wire takes.

/** An "ms" duration field: integer milliseconds; `null`/absent pass through. */
export const millisOut = z
  .number()
  .nullish()
  .transform((ms) => (ms === null || ms === undefined ? ms : formatMillis(ms)));

/** A protobuf duration field: "0.500s"; `null`/absent pass through. */
export const protoDurationOut = z
  .number()
  .nullish()
  .transform((ms) => (ms === null || ms === undefined ? ms : formatProtoDuration(ms)));

/** A request field the client fills in when the caller gives nothing (or `null`). */
export function withDefault<T extends z.ZodType>(schema: T, fallback: z.output<T>) {
  return schema.nullish().transform((value): z.output<T> => value ?? fallback);
}

/** The sort orders of most lists. */
export const NAME_ORDER = ["created_at_asc", "created_at_desc", "name_asc", "name_desc"] as const;
export const DATE_ORDER = ["created_at_asc", "created_at_desc"] as const;

/** The paging fields of every list request (1-based page; the API's maximum page size is assumed to be 100). */
export const pageQuery = { page: z.number().optional(), page_size: z.number().optional() };

/** The filter and sort order of most lists: `name` is a substring match. */
export const nameQuery = {
  name: z.string().optional(),
  order_by: z.enum(NAME_ORDER).optional(),
  ...pageQuery,
};
export const NameQuery = z.object(nameQuery);

/** Filters of the project-scoped lists. */
export const projectQuery = { organization_id: z.string().optional(), project_id: z.string().optional() };

/** Creates of LBs, IPs and subscribers: the request's project, else the client's (endpoint.ts). */
export const projectBody = { project_id: z.string().optional(), organization_id: z.string().optional() };

/** Every list answer: its items under `key`, and `total_count`. */
export function listOf<const K extends string, T extends z.ZodType>(key: K, item: T) {
  return z.object({ [key]: list(item), total_count: z.number() } as {
    [P in K]: ReturnType<typeof list<T>>;
  } & {
    total_count: z.ZodNumber;
  });
}
