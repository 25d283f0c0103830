/** Routes (reference §4.5). */
import { z } from "zod";
import type { Camelize } from "../casing";
import { DATE_ORDER, flag, member, pageQuery, timestamp, withDefault } from "./common";

/** Exactly one of `sni` (TCP), `host_header`, `path_begin` (HTTP) is present. */
export const RouteMatchSchema = z.object({
  sni: member(z.string()),
  host_header: member(z.string()),
  path_begin: member(z.string()),
  match_subdomains: flag(),
});
export type RouteMatch = Camelize<z.output<typeof RouteMatchSchema>>;

export const RouteSchema = z.object({
  id: z.string(),
  frontend_id: z.string(),
  backend_id: z.string(),
  match: RouteMatchSchema,
  created_at: timestamp,
  updated_at: timestamp,
});
export type Route = Camelize<z.output<typeof RouteSchema>>;

export const ListRoutesQuery = z.object({
  frontend_id: z.string().optional(),
  order_by: z.enum(DATE_ORDER).optional(),
  ...pageQuery,
});

export const RouteMatchBody = z.object({
  sni: z.string().optional(),
  host_header: z.string().optional(),
  path_begin: z.string().optional(),
  match_subdomains: withDefault(z.boolean(), false),
});
export type RouteMatchSpec = Camelize<z.input<typeof RouteMatchBody>>;

export const CreateRouteBody = z.object({
  frontend_id: z.string(),
  backend_id: z.string(),
  match: RouteMatchBody,
});
/** PUT: the frontend cannot change. */
export const UpdateRouteBody = z.object({ backend_id: z.string(), match: RouteMatchBody });

/** True when a route's match is the one requested. */
export function sameRouteMatch(actual: RouteMatch, wanted: RouteMatchSpec): boolean {
  return (
    actual.sni === wanted.sni &&
    actual.hostHeader === wanted.hostHeader &&
    actual.pathBegin === wanted.pathBegin &&
    actual.matchSubdomains === (wanted.matchSubdomains ?? false)
  );
}
