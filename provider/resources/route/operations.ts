/** Route API calls: one PUT carries the backend and the match. */
import { type Route, type RouteMatchSpec, sameRouteMatch } from "../../client";
import { splitId, zonedId } from "../ids";
import { unlessGone } from "../notfound";
import type { Operations, Props } from "../operations";
import { bool, defined, obj, optStr, str } from "../props";

export const routeOperations: Operations = {
  async create(ctx, inputs) {
    const zone = str(inputs, "zone");
    const route = await ctx.api.createRoute({
      zone,
      frontendId: splitId(str(inputs, "frontendId"), zone).id,
      backendId: splitId(str(inputs, "backendId"), zone).id,
      match: match(inputs),
    });
    return { id: zonedId(zone, route.id), outs: routeProps(zone, route) };
  },

  async read(ctx, id) {
    const { zone, id: routeId } = splitId(id, ctx.env.defaultZone);
    const route = await unlessGone(() => ctx.api.getRoute({ zone, routeId }));
    return route && routeProps(zone, route);
  },

  async update(ctx, id, _olds, news, endpoints) {
    if (!endpoints.includes("route")) return undefined;
    const { zone, id: routeId } = splitId(id, ctx.env.defaultZone);
    const route = await ctx.api.updateRoute({
      zone,
      routeId,
      backendId: splitId(str(news, "backendId"), zone).id,
      match: match(news),
    });
    return routeProps(zone, route);
  },

  async delete(ctx, id) {
    const { zone, id: routeId } = splitId(id, ctx.env.defaultZone);
    await unlessGone(() => ctx.api.deleteRoute({ zone, routeId }));
  },

  async findEarlierAttempts(ctx, inputs) {
    const zone = str(inputs, "zone");
    const frontendId = splitId(str(inputs, "frontendId"), zone).id;
    const backendId = splitId(str(inputs, "backendId"), zone).id;
    const wanted = match(inputs);
    const routes = await ctx.api.listAllRoutes({ zone, frontendId });
    return routes
      .filter(
        (r) => r.frontendId === frontendId && r.backendId === backendId && sameRouteMatch(r.match, wanted),
      )
      .map((r) => ({ id: zonedId(zone, r.id), props: routeProps(zone, r) }));
  },
};

function match(p: Props): RouteMatchSpec {
  const m = obj(p, "match") ?? {};
  const spec: RouteMatchSpec = { matchSubdomains: bool(m, "matchSubdomains") };
  const hostHeader = optStr(m, "hostHeader");
  const pathBegin = optStr(m, "pathBegin");
  const sni = optStr(m, "sni");
  if (hostHeader !== null) spec.hostHeader = hostHeader;
  if (pathBegin !== null) spec.pathBegin = pathBegin;
  if (sni !== null) spec.sni = sni;
  return spec;
}

export function routeProps(zone: string, r: Route): Props {
  return defined({
    zone,
    frontendId: zonedId(zone, r.frontendId),
    backendId: zonedId(zone, r.backendId),
    match: defined({
      hostHeader: r.match.hostHeader,
      pathBegin: r.match.pathBegin,
      sni: r.match.sni,
      matchSubdomains: r.match.matchSubdomains,
    }),
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  });
}
