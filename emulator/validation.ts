/**
 * Request validation: zod schemas in, Scaleway `invalid_arguments` out (§7.3), with the JSON path
 * of each offending argument. Also the shared field types (UUIDs, ports, the two duration forms).
 */
import { isIP } from "node:net";
import { type ZodType, z } from "zod";
import { canonicalDuration, parseMs } from "./durations";
import { type ArgumentProblem, type ArgumentReason, invalidArgument, invalidArguments } from "./errors";
import { isUuid } from "./ids";

export const uuid = z
  .string()
  .refine(isUuid, { message: "must be a UUID" })
  .transform((s) => s.toLowerCase());

/** Optional and nullable: clients send explicit `null` for unset fields (§1.8). */
export const opt = <T extends ZodType>(schema: T) => schema.nullable().optional();

export const port = z.number().int().min(1).max(65535);

export const int32 = z
  .number()
  .int()
  .min(-(2 ** 31))
  .max(2 ** 31 - 1);

export const uint32 = z
  .number()
  .int()
  .min(0)
  .max(2 ** 32 - 1);

export const name = z.string().min(1, { message: "must not be empty" }).max(255);

export const tags = opt(z.array(z.string().max(128)).max(100));

/** Integer milliseconds; numeric strings accepted, always stored as numbers (§1.9). */
export const ms = z
  .custom<number | string>((v) => parseMs(v) !== undefined, {
    message: "must be an integer number of milliseconds (a JSON number or a numeric string)",
  })
  .transform((v) => parseMs(v) ?? 0);

/** Protobuf duration string (`"<decimal>s"`), stored in canonical form (§1.9). */
export const duration = z
  .string()
  .refine((v) => canonicalDuration(v) !== undefined, {
    message: 'must be a duration in seconds such as "0.5s"',
  })
  .transform((v) => canonicalDuration(v) ?? "0s");

export const ipAddress = z
  .string()
  .refine((v) => isIP(v) !== 0, { message: "must be an IPv4 or IPv6 address" });

/** An IP or a v4/v6 CIDR block (ACL `ip_subnet`, static PN addresses). */
export const ipOrCidr = z.string().refine(isIpOrCidr, { message: "must be an IP address or a CIDR block" });

export function isIpOrCidr(value: string): boolean {
  const [address, prefix, ...rest] = value.split("/");
  if (address === undefined || rest.length > 0) return false;
  const family = isIP(address);
  if (family === 0) return false;
  if (prefix === undefined) return true;
  if (!/^\d{1,3}$/.test(prefix)) return false;
  return Number(prefix) <= (family === 4 ? 32 : 128);
}

export const enumOf = <const T extends readonly [string, ...string[]]>(values: T) => z.enum(values);

function argumentName(path: readonly PropertyKey[]): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else out += out === "" ? String(key) : `.${String(key)}`;
  }
  return out;
}

function reasonOf(issue: z.core.$ZodIssue): ArgumentReason {
  if (issue.code === "invalid_type" && issue.input === undefined) return "required";
  if (issue.code === "invalid_type" || issue.code === "invalid_format" || issue.code === "invalid_union") {
    return "format";
  }
  return "constraint";
}

/** Parses `input` or throws 400 `invalid_arguments` naming every offending argument. */
export function parseWith<T extends ZodType>(schema: T, input: unknown, prefix = ""): z.output<T> {
  const result = schema.safeParse(input, { reportInput: true });
  if (result.success) return result.data;
  const problems: ArgumentProblem[] = result.error.issues.map((issue) => {
    const path = argumentName(issue.path);
    return {
      argumentName: prefix && path ? `${prefix}.${path}` : prefix || path || "body",
      reason: reasonOf(issue),
      helpMessage: issue.message,
    };
  });
  throw invalidArguments(problems);
}

/** The request body must be a JSON object for every endpoint that takes one. */
export function bodyObject(body: unknown): Record<string, unknown> {
  if (body === null || body === undefined) return {};
  if (typeof body !== "object" || Array.isArray(body)) {
    throw invalidArgument("body", "format", "the request body must be a JSON object");
  }
  return Object.fromEntries(Object.entries(body));
}

/** At most one member of a one-of group may be set (non-null). */
export function atMostOne<K extends string>(
  body: Record<string, unknown>,
  keys: readonly K[],
  group: string,
  prefix = "",
): K | undefined {
  const set = keys.filter((k) => body[k] !== undefined && body[k] !== null);
  if (set.length > 1) {
    throw invalidArguments(
      set.map((k) => ({
        argumentName: `${prefix}${k}`,
        reason: "constraint" as const,
        helpMessage: `only one of ${keys.join(", ")} may be set (${group})`,
      })),
    );
  }
  return set[0];
}
