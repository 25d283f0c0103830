/** getFrontends: the frontends of a load balancer, filtered by name. */
import { frontendDefinition } from "../resources/frontend/definition";
import { frontendProps } from "../resources/frontend/operations";
import { zonedId } from "../resources/ids";
import { childProjectArg, idArg, nameFilterArg, zoneOfIdArg } from "./args";
import { underParent } from "./children";
import { echo, list, record, recordType } from "./records";
import { listEcho } from "./search";
import type { LookupFunction } from "./spec";

export const getFrontends: LookupFunction = {
  name: "getFrontends",
  description:
    "Lists the existing frontends of a load balancer, optionally filtered by name, every page read. Each has the properties a Frontend resource outputs. Reads only (GET calls), records nothing in the stack's state.",
  args: {
    lbId: idArg("The load balancer whose frontends to list.", true),
    name: nameFilterArg("frontends"),
    zone: zoneOfIdArg,
    projectId: childProjectArg,
  },
  result: {
    id: echo("The zone searched (a list has no id of its own).", false),
    zone: echo("The zone searched.", false),
    lbId: echo("The load balancer searched.", false),
    projectId: echo("The project filter, if given."),
    name: echo("The name filter, if given."),
    frontends: list(
      recordType("GetFrontendsFrontend", "A frontend found by getFrontends.", frontendDefinition),
      "The frontends found, in the API's order (oldest first).",
    ),
  },
  async run(ctx, q) {
    const lbId = q.uuid("lbId") ?? "";
    const found = await underParent(q, "load balancer", () =>
      ctx.api.listAllFrontends({ zone: q.zone, lbId, name: q.str("name"), pageSize: ctx.pageSize }),
    );
    const frontends = found
      .filter((f) => q.projectId === undefined || f.lb.projectId === q.projectId)
      .map((f) => record(zonedId(q.zone, f.id), frontendProps(q.zone, f)));
    return { ...listEcho(q, ["name"]), lbId: zonedId(q.zone, lbId), frontends };
  },
};
