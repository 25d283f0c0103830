/** Route wire schemas and marshalling. */
import { z } from "zod";
import { type JsonObject, jsonObject } from "../json";
import type { ListRoutesResponse, Route, RouteMatch, RouteMatchSpec } from "../model/route";
import { flag, list, member, timestamp } from "./common";

export const RouteMatchWire = z
  .looseObject({
    sni: member(z.string()),
    host_header: member(z.string()),
    path_begin: member(z.string()),
    match_subdomains: flag(),
  })
  .transform(
    (w): RouteMatch => ({
      ...(w.sni !== undefined ? { sni: w.sni } : {}),
      ...(w.host_header !== undefined ? { hostHeader: w.host_header } : {}),
      ...(w.path_begin !== undefined ? { pathBegin: w.path_begin } : {}),
      matchSubdomains: w.match_subdomains,
    }),
  );

export const RouteWire = z
  .looseObject({
    id: z.string(),
    frontend_id: z.string(),
    backend_id: z.string(),
    match: RouteMatchWire,
    created_at: timestamp,
    updated_at: timestamp,
  })
  .transform(
    (w): Route => ({
      id: w.id,
      frontendId: w.frontend_id,
      backendId: w.backend_id,
      match: w.match,
      createdAt: w.created_at,
      updatedAt: w.updated_at,
    }),
  );

export const ListRoutesResponseWire = z
  .looseObject({ routes: list(RouteWire), total_count: z.number() })
  .transform((w): ListRoutesResponse => ({ routes: w.routes, totalCount: w.total_count }));

export function marshalRouteMatch(match: RouteMatchSpec): JsonObject {
  return jsonObject({
    sni: match.sni,
    host_header: match.hostHeader,
    path_begin: match.pathBegin,
    match_subdomains: match.matchSubdomains ?? false,
  });
}
