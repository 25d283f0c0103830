import type { PageRequest, Timestamp, ZonedRequest } from "./common";

/** Exactly one of `sni` (TCP), `hostHeader`, `pathBegin` (HTTP) is present. */
export interface RouteMatch {
  sni?: string;
  hostHeader?: string;
  pathBegin?: string;
  matchSubdomains: boolean;
}

export interface Route {
  id: string;
  frontendId: string;
  backendId: string;
  match: RouteMatch;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

export interface RouteMatchSpec {
  sni?: string;
  hostHeader?: string;
  pathBegin?: string;
  /** @default false */
  matchSubdomains?: boolean;
}

export interface CreateRouteRequest extends ZonedRequest {
  frontendId: string;
  backendId: string;
  match: RouteMatchSpec;
}

export interface GetRouteRequest extends ZonedRequest {
  routeId: string;
}

/** PUT: the frontend cannot change. */
export interface UpdateRouteRequest extends ZonedRequest {
  routeId: string;
  backendId: string;
  match: RouteMatchSpec;
}

export type DeleteRouteRequest = GetRouteRequest;

export type ListRoutesRequestOrderBy = "created_at_asc" | "created_at_desc";

export interface ListRoutesRequest extends ZonedRequest, PageRequest {
  frontendId?: string;
  orderBy?: ListRoutesRequestOrderBy;
}

export interface ListRoutesResponse {
  routes: Route[];
  totalCount: number;
}
