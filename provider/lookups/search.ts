/** What list lookups echo back: the zone searched (also their id), the project and the filters given. */
import type { Json } from "../core/property";
import type { Query } from "./query";

export function listEcho(q: Query, filters: readonly string[]): Record<string, Json> {
  const out: Record<string, Json> = { id: q.zone, zone: q.zone };
  if (q.projectId !== undefined) out.projectId = q.projectId;
  for (const name of filters) {
    const value = q.strs(name) ?? q.str(name);
    if (value !== undefined) out[name] = value;
  }
  return out;
}
