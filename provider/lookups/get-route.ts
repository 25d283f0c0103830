/** getRoute: one route, by id (routes have no name). */
import { zonedId } from "../resources/ids";
import { routeDefinition } from "../resources/route/definition";
import { routeProps } from "../resources/route/operations";
import { idArg, zoneOfIdArg } from "./args";
import { byId } from "./match";
import { echo, record, recordFields } from "./records";
import type { LookupFunction } from "./spec";

export const getRoute: LookupFunction = {
  name: "getRoute",
  description:
    "Reads one existing route by id and returns its properties as a Route resource outputs them. Reads only (GET calls), records nothing in the stack's state.",
  args: {
    routeId: idArg("The route to read.", true),
    zone: zoneOfIdArg,
  },
  result: {
    ...recordFields(routeDefinition),
    routeId: echo("The route's id (the same as `id`).", false),
  },
  async run(ctx, q) {
    const routeId = q.uuid("routeId") ?? "";
    const route = await byId(q, "route", () => ctx.api.getRoute({ zone: q.zone, routeId }));
    const id = zonedId(q.zone, route.id);
    return { ...record(id, routeProps(q.zone, route)), routeId: id };
  },
};
