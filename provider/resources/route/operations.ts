/** Route API calls: one PUT carries the backend and the match. */
import { sameRouteMatch } from "../../client/api/routes";
import type { CreateRouteRequest, Route, RouteMatchSpec } from "../../client/model/route";
import { byId, deleteById } from "../by-id";
import { splitId, zonedId } from "../ids";
import { propsFrom, requestBody } from "../mapping";
import type { Operations, Props } from "../operations";
import { routeDefinition } from "./definition";

const route = byId(routeDefinition, {
  get: (api, { zone, id }) => api.getRoute({ zone, routeId: id }),
});

export const routeOperations: Operations<typeof routeDefinition> = {
  async create(ctx, inputs) {
    const created = await ctx.api.createRoute(
      requestBody<CreateRouteRequest>(routeDefinition, inputs, { create: true }),
    );
    return { id: zonedId(inputs.zone, created.id), outs: routeProps(inputs.zone, created) };
  },

  read: route.read,

  async update(ctx, id, _olds, news, endpoints) {
    if (!endpoints.includes("route")) return undefined;
    const { zone, id: routeId } = splitId(id, ctx.env.defaultZone);
    const body = requestBody<{ backendId: string; match: RouteMatchSpec }>(routeDefinition, news, {
      endpoint: "route",
    });
    return routeProps(zone, await ctx.api.updateRoute({ zone, routeId, ...body }));
  },

  delete: deleteById((api, { zone, id }) => api.deleteRoute({ zone, routeId: id })),

  /** A route has no name: an earlier attempt is one with the same frontend, backend and match. */
  async findEarlierAttempts(ctx, inputs) {
    const { zone } = inputs;
    const { frontendId, backendId, match } = requestBody<CreateRouteRequest>(routeDefinition, inputs, {
      create: true,
    });
    const routes = await ctx.api.listAllRoutes({ zone, frontendId });
    return routes
      .filter(
        (r) => r.frontendId === frontendId && r.backendId === backendId && sameRouteMatch(r.match, match),
      )
      .map((r) => ({ id: zonedId(zone, r.id), props: routeProps(zone, r) }));
  },
};

export function routeProps(zone: string, r: Route): Props {
  return propsFrom(routeDefinition, r, zone);
}
