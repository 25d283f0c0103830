/** Zoned ids ("fr-par-1/<uuid>") of resources, split for API calls. */
import { formatZonedId, parseZonedId, type ZonedId } from "../core/zoned-id";

export function splitId(id: string, defaultZone: string): ZonedId {
  const parsed = parseZonedId(id, defaultZone);
  if (!parsed) throw new Error(`"${id}" is not a resource id ("<zone>/<uuid>")`);
  return parsed;
}

export const zonedId = formatZonedId;
