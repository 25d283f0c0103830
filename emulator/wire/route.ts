/** `Route` (§3.7): the match carries only the member that is set, plus `match_subdomains`. */
import type { RouteRecord } from "../records";
import type { JsonObject } from "./json";

export function renderRoute(route: RouteRecord): JsonObject {
  return {
    backend_id: route.backendId,
    created_at: route.createdAt,
    frontend_id: route.frontendId,
    id: route.id,
    match: { [route.match.kind]: route.match.value, match_subdomains: route.match.matchSubdomains },
    updated_at: route.updatedAt,
  };
}
