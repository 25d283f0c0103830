/** Route API calls: one PUT carries the backend and the match. */

import type { Requests, Route, RouteMatchSpec } from "../../client";
// A value from its own module, not the client's index: the index loads the HTTP client, which
// runtime.ts loads only when an API call is due (check, diff and previews never need it).
import { sameRouteMatch } from "../../client/schemas/route";
import { byId, createdBy, deleteById, updatedBy } from "../by-id";
import { zonedId } from "../ids";
import { propsFrom, requestBody } from "../mapping";
import type { Operations, Props } from "../operations";
import { routeDefinition } from "./definition";

type RouteBody = { backendId: string; match: RouteMatchSpec };

export const routeOperations: Operations<typeof routeDefinition> = {
  create: createdBy(routeDefinition, (api, inputs) =>
    api.createRoute(requestBody(routeDefinition, inputs, { create: true })),
  ),
  read: byId(routeDefinition, { get: (api, { zone, id }) => api.getRoute({ zone, routeId: id }) }).read,
  update: updatedBy(routeDefinition, "route", (api, { zone, id }, news) =>
    api.updateRoute({
      zone,
      routeId: id,
      ...requestBody<RouteBody>(routeDefinition, news, { endpoint: "route" }),
    }),
  ),
  delete: deleteById((api, { zone, id }) => api.deleteRoute({ zone, routeId: id })),

  /** A route has no name: an earlier attempt is one with the same frontend, backend and match. */
  async findEarlierAttempts(ctx, inputs) {
    const { zone } = inputs;
    const { frontendId, backendId, match } = requestBody<Requests["createRoute"]>(routeDefinition, inputs, {
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
