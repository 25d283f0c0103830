/**
 * Resource ids are zoned, `fr-par-1/<uuid>`, like the Terraform provider's: the zone is part of
 * where an object lives, so the id alone finds it again (refresh, import, references).
 */

export const ZONES = [
  "fr-par-1",
  "fr-par-2",
  "nl-ams-1",
  "nl-ams-2",
  "nl-ams-3",
  "pl-waw-1",
  "pl-waw-2",
  "pl-waw-3",
] as const;
export type Zone = (typeof ZONES)[number];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export interface ZonedId {
  readonly zone: string;
  readonly id: string;
}

export function isZone(value: string): value is Zone {
  return (ZONES as readonly string[]).includes(value);
}

/** The region of a zone: `fr-par-1` → `fr-par`. */
export function regionOf(zone: string): string {
  return zone.replace(/-\d+$/, "");
}

export function formatZonedId(zone: string, id: string): string {
  return `${zone}/${id}`;
}

/**
 * Parses `zone/uuid` or a bare uuid (then in `defaultZone`). Upper-case UUIDs are accepted and
 * lower-cased, as the API only ever returns lower-case ones.
 */
export function parseZonedId(text: string, defaultZone: string): ZonedId | undefined {
  const slash = text.indexOf("/");
  const zone = slash < 0 ? defaultZone : text.slice(0, slash);
  const id = (slash < 0 ? text : text.slice(slash + 1)).toLowerCase();
  if (!isZone(zone) || !UUID.test(id)) return undefined;
  return { zone, id };
}

export const ZONED_ID_HELP = `"<zone>/<uuid>" (zone one of ${ZONES.join(", ")}) or a bare UUID in the resource's zone`;
