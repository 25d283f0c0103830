/**
 * The arguments of one lookup call, validated against the function's argument specs (the same
 * zod-backed check the resources use) and resolved: the zone searched (from an id argument, else
 * `zone`, else configuration), the project searched, and a description of the search for errors.
 */
import { checkProperties } from "../core/check";
import { showValue } from "../core/describe";
import type { CheckFailure, Json } from "../core/property";
import { parseZonedId } from "../core/zoned-id";
import { LookupError } from "./errors";
import type { LookupContext, LookupFunction } from "./spec";

export interface Query {
  /** The function's name, for messages. */
  readonly fn: string;
  /** The zone searched. */
  readonly zone: string;
  /** The project searched: given, or for top-level lookups the configured one; else every project. */
  readonly projectId: string | undefined;
  /** What was searched, e.g. `name "edge", zone fr-par-1, project 1111…`. */
  readonly searched: string;
  /** A string argument, if given. */
  str(name: string): string | undefined;
  /** A list-of-strings argument, if given. */
  strs(name: string): string[] | undefined;
  /** The bare UUID of an id argument (given as `"<zone>/<uuid>"` or a bare UUID), if given. */
  uuid(name: string): string | undefined;
}

/** Validates raw arguments (plain JSON, `undefined` members allowed) and resolves zone and project. */
export function parseQuery(fn: LookupFunction, raw: unknown, ctx: LookupContext): Query {
  if (raw !== undefined && raw !== null && (typeof raw !== "object" || Array.isArray(raw))) {
    throw new LookupError("invalid_arguments", fn.name, `arguments must be an object, got ${showValue(raw)}`);
  }
  const given: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw ?? {}))
    if (value !== undefined && value !== null) given[key] = value;

  const failures: CheckFailure[] = [];
  for (const key of Object.keys(given)) {
    if (!(key in fn.args))
      failures.push({
        property: key,
        reason: `is not an argument of ${fn.name}: allowed are ${Object.keys(fn.args).join(", ")}`,
      });
  }
  const zoneArg = typeof given.zone === "string" ? given.zone : undefined;
  const checked = checkProperties(fn.args, given, { defaultZone: zoneArg ?? ctx.env.defaultZone });
  failures.push(...checked.failures);
  const values = checked.inputs;

  if (fn.exactlyOne) {
    const set = fn.exactlyOne.filter((k) => values[k] !== undefined);
    if (set.length !== 1) {
      failures.push({
        property: fn.exactlyOne.join("/"),
        reason: `give exactly one of ${fn.exactlyOne.join(", ")}; ${set.length === 0 ? "none is" : `${set.join(" and ")} are`} given`,
      });
    }
  }
  if (fn.nameNeeds && values.name !== undefined && values[fn.nameNeeds] === undefined) {
    failures.push({
      property: "name",
      reason: `needs ${fn.nameNeeds} too: names are only searched within their parent`,
    });
  }

  // Every id argument names its zone; they must agree with each other and with `zone`.
  let zone = zoneArg;
  let zoneFrom = "zone";
  for (const [key, prop] of Object.entries(fn.args)) {
    const value = values[key];
    if (prop.type !== "string" || prop.format !== "id" || typeof value !== "string") continue;
    const idZone = parseZonedId(value, ctx.env.defaultZone)?.zone;
    if (idZone === undefined) continue;
    if (zone !== undefined && zone !== idZone) {
      failures.push({ property: key, reason: `is in zone ${idZone}, but ${zoneFrom} is ${zone}` });
    } else {
      zone = idZone;
      zoneFrom = key;
    }
  }
  if (failures.length > 0) {
    const list = failures.map((f) => `${f.property} ${f.reason}`).join("; ");
    throw new LookupError("invalid_arguments", fn.name, `invalid arguments: ${list}`);
  }

  const explicitProject = typeof values.projectId === "string" ? values.projectId : undefined;
  const projectId = explicitProject ?? (fn.defaultProject ? ctx.env.defaultProjectId : undefined);
  const searchedZone = zone ?? ctx.env.defaultZone;
  const parts = Object.entries(values)
    .filter(([key]) => key !== "zone" && key !== "projectId")
    .map(([key, value]) => `${key} ${JSON.stringify(value)}`);
  parts.push(`zone ${searchedZone}`);
  if ("projectId" in fn.args) parts.push(projectId ? `project ${projectId}` : "every project");

  const str = (name: string): string | undefined => {
    const v: Json | undefined = values[name];
    return typeof v === "string" ? v : undefined;
  };
  return {
    fn: fn.name,
    zone: searchedZone,
    projectId,
    searched: parts.join(", "),
    str,
    strs: (name) => {
      const v = values[name];
      return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : undefined;
    },
    uuid: (name) => {
      const v = str(name);
      return v === undefined ? undefined : parseZonedId(v, searchedZone)?.id;
    },
  };
}
