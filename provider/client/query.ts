/** URL paths and query strings in the API's conventions (reference §1.4–1.5). */
import { ScalewayError } from "./errors";

export type QueryValue = string | number | boolean | readonly string[] | null | undefined;
export type Query = Readonly<Record<string, QueryValue>>;

/** `?a=1&tags=x&tags=y`: arrays as repeated keys, `null`/`undefined` left out; "" when empty. */
export function queryString(query: Query | undefined): string {
  if (!query) return "";
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue;
    if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") {
      params.append(key, String(value));
    } else {
      for (const item of value) params.append(key, item);
    }
  }
  const text = params.toString();
  return text ? `?${text}` : "";
}

/**
 * `/lb/v1/zones/{zone}/…` with every segment percent-encoded. An empty zone or id is refused
 * here, before it could turn `GET /lbs/{id}` into `GET /lbs/`.
 */
export function zonedPath(zone: string, ...segments: string[]): string {
  const all = [zone, ...segments];
  if (all.some((s) => s.trim() === "")) {
    const shown = all.map((s) => (s.trim() === "" ? "<empty>" : s)).join("/");
    throw new ScalewayError({
      kind: "invalid_arguments",
      message: `empty zone or id in request path /lb/v1/zones/${shown}`,
    });
  }
  return `/lb/v1/zones/${all.map((s) => encodeURIComponent(s)).join("/")}`;
}

/** `/ipam/v1/regions/{region}/…` (regional APIs); the region is checked, e.g. `fr-par`. */
export function regionalPath(region: string, segments: readonly string[]): string {
  if (!/^[a-z]{2}-[a-z]{3}$/.test(region)) {
    throw new ScalewayError({
      kind: "invalid_arguments",
      message: `"${region}" is not a region (e.g. fr-par)`,
    });
  }
  return `/ipam/v1/regions/${region}/${segments.map((s) => encodeURIComponent(s)).join("/")}`;
}
