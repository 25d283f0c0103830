/** The zones the zoned LB API serves (§1.1) and the deprecated `region` derived from a zone. */

export const ZONES: readonly string[] = [
  "fr-par-1",
  "fr-par-2",
  "nl-ams-1",
  "nl-ams-2",
  "nl-ams-3",
  "pl-waw-1",
  "pl-waw-2",
  "pl-waw-3",
];

export function isZone(value: string): boolean {
  return ZONES.includes(value);
}

/** `fr-par-1` -> `fr-par`: objects still carry this deprecated field (§1.1). */
export function regionOf(zone: string): string {
  return zone.replace(/-\d+$/, "");
}
