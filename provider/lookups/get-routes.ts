/** getRoutes: the routes of a zone, or of one frontend; optionally of one project's load balancers. */
import { zonedId } from "../resources/ids";
import { routeDefinition } from "../resources/route/definition";
import { routeProps } from "../resources/route/operations";
import { childProjectArg, idArg, zoneOfIdArg } from "./args";
import { underParent } from "./children";
import { byId } from "./match";
import { echo, list, record, recordType } from "./records";
import { listEcho } from "./search";
import type { LookupFunction } from "./spec";

export const getRoutes: LookupFunction = {
  name: "getRoutes",
  description:
    "Lists existing routes of a zone, or of one frontend, every page read. Each has the properties a Route resource outputs. Reads only (GET calls), records nothing in the stack's state.",
  args: {
    frontendId: idArg(
      "Only the routes of this frontend (where the routed traffic comes in). Default: every route of the zone.",
    ),
    zone: zoneOfIdArg,
    projectId: {
      ...childProjectArg,
      description: `${childProjectArg.description} Routes do not name their project: each distinct frontend is read once (a GET) to find it.`,
    },
  },
  result: {
    id: echo("The zone searched (a list has no id of its own).", false),
    zone: echo("The zone searched.", false),
    frontendId: echo("The frontend searched, if given."),
    projectId: echo("The project filter, if given."),
    routes: list(
      recordType("GetRoutesRoute", "A route found by getRoutes.", routeDefinition),
      "The routes found, in the API's order (oldest first).",
    ),
  },
  async run(ctx, q) {
    const frontendId = q.uuid("frontendId");
    const found = await underParent(q, "frontend", () =>
      ctx.api.listAllRoutes({ zone: q.zone, frontendId, pageSize: ctx.pageSize }),
    );
    let kept = found;
    const project = q.projectId;
    if (project !== undefined) {
      const projects = new Map<string, string>();
      for (const route of found) {
        if (projects.has(route.frontendId)) continue;
        const frontend = await byId(q, "frontend", () =>
          ctx.api.getFrontend({ zone: q.zone, frontendId: route.frontendId }),
        );
        projects.set(route.frontendId, frontend.lb.projectId);
      }
      kept = found.filter((route) => projects.get(route.frontendId) === project);
    }
    const routes = kept.map((r) => record(zonedId(q.zone, r.id), routeProps(q.zone, r)));
    const out = { ...listEcho(q, []), routes };
    return frontendId === undefined ? out : { ...out, frontendId: zonedId(q.zone, frontendId) };
  },
};
