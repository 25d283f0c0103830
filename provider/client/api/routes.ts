/** Route operations (reference §2 #26–30, §4.5). */
import type {
  CreateRouteRequest,
  DeleteRouteRequest,
  GetRouteRequest,
  ListRoutesRequest,
  ListRoutesResponse,
  Route,
  RouteMatch,
  RouteMatchSpec,
  UpdateRouteRequest,
} from "../model/route";
import type { CallOptions } from "../operation";
import { collectAll } from "../pagination";
import { zonedPath } from "../query";
import { noContent } from "../wire/common";
import { ListRoutesResponseWire, marshalRouteMatch, RouteWire } from "../wire/route";
import { type ApiContext, zoneOf } from "./context";
import { createdAtLowerBound, createdSince, pickCreated } from "./reconcile";

/** True when a route's match is the one requested. */
export function sameRouteMatch(actual: RouteMatch, wanted: RouteMatchSpec): boolean {
  return (
    actual.sni === wanted.sni &&
    actual.hostHeader === wanted.hostHeader &&
    actual.pathBegin === wanted.pathBegin &&
    actual.matchSubdomains === (wanted.matchSubdomains ?? false)
  );
}

export function routeMethods(ctx: ApiContext) {
  async function listRoutes(req: ListRoutesRequest = {}, call?: CallOptions): Promise<ListRoutesResponse> {
    return ctx.run(
      {
        operation: "listRoutes",
        method: "GET",
        path: zonedPath(zoneOf(ctx, req), "routes"),
        query: {
          frontend_id: req.frontendId,
          order_by: req.orderBy,
          page: req.page,
          page_size: req.pageSize,
        },
        response: ListRoutesResponseWire,
        safety: "read",
      },
      call,
    );
  }

  async function listAllRoutes(
    req: Omit<ListRoutesRequest, "page"> = {},
    call?: CallOptions,
  ): Promise<Route[]> {
    return collectAll(
      async (page, pageSize) => {
        const r = await listRoutes({ ...req, page, pageSize }, call);
        return { items: r.routes, totalCount: r.totalCount };
      },
      (route) => route.id,
      { pageSize: req.pageSize },
    );
  }

  async function getRoute(req: GetRouteRequest, call?: CallOptions): Promise<Route> {
    return ctx.run(
      {
        operation: "getRoute",
        method: "GET",
        path: zonedPath(zoneOf(ctx, req), "routes", req.routeId),
        response: RouteWire,
        safety: "read",
      },
      call,
    );
  }

  /**
   * Creates a route. Routes have no name: a lost answer is resolved by looking for a route of
   * the same frontend with the same backend and match, created since the request began.
   */
  async function createRoute(req: CreateRouteRequest, call?: CallOptions): Promise<Route> {
    const zone = zoneOf(ctx, req);
    const startedAt = ctx.clock.now();
    return ctx.run(
      {
        operation: "createRoute",
        method: "POST",
        path: zonedPath(zone, "routes"),
        body: { frontend_id: req.frontendId, backend_id: req.backendId, match: marshalRouteMatch(req.match) },
        response: RouteWire,
        safety: "non_idempotent",
        subject: `a route with this match on frontend ${req.frontendId} in zone ${zone}`,
        reconcile: async (inner) => {
          const routes = await listAllRoutes({ zone, frontendId: req.frontendId }, inner);
          const bound = createdAtLowerBound(ctx, startedAt);
          const mine = routes.filter(
            (r) =>
              r.frontendId === req.frontendId &&
              r.backendId === req.backendId &&
              sameRouteMatch(r.match, req.match) &&
              createdSince(r.createdAt, bound),
          );
          return pickCreated(
            "createRoute",
            `a route with this match on frontend ${req.frontendId} in zone ${zone}`,
            mine,
          );
        },
      },
      call,
    );
  }

  /** PUT: backend and match are replaced (the frontend cannot change). */
  async function updateRoute(req: UpdateRouteRequest, call?: CallOptions): Promise<Route> {
    return ctx.run(
      {
        operation: "updateRoute",
        method: "PUT",
        path: zonedPath(zoneOf(ctx, req), "routes", req.routeId),
        body: { backend_id: req.backendId, match: marshalRouteMatch(req.match) },
        response: RouteWire,
        safety: "idempotent",
      },
      call,
    );
  }

  async function deleteRoute(req: DeleteRouteRequest, call?: CallOptions): Promise<void> {
    await ctx.run(
      {
        operation: "deleteRoute",
        method: "DELETE",
        path: zonedPath(zoneOf(ctx, req), "routes", req.routeId),
        response: noContent,
        safety: "idempotent",
        notFoundMeansDone: true,
      },
      call,
    );
  }

  return { listRoutes, listAllRoutes, getRoute, createRoute, updateRoute, deleteRoute };
}

export type RouteMethods = ReturnType<typeof routeMethods>;
