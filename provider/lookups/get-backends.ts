/** getBackends: the backends of a load balancer, filtered by name. */
import { backendDefinition } from "../resources/backend/definition";
import { backendProps } from "../resources/backend/operations";
import { zonedId } from "../resources/ids";
import { childProjectArg, idArg, nameFilterArg, zoneOfIdArg } from "./args";
import { underParent } from "./children";
import { echo, list, record, recordType } from "./records";
import { listEcho } from "./search";
import type { LookupFunction } from "./spec";

export const getBackends: LookupFunction = {
  name: "getBackends",
  description:
    "Lists the existing backends of a load balancer, optionally filtered by name, every page read. Each has the properties a Backend resource outputs. Reads only (GET calls), records nothing in the stack's state.",
  args: {
    lbId: idArg("The load balancer whose backends to list.", true),
    name: nameFilterArg("backends"),
    zone: zoneOfIdArg,
    projectId: childProjectArg,
  },
  result: {
    id: echo("The zone searched (a list has no id of its own).", false),
    zone: echo("The zone searched.", false),
    lbId: echo("The load balancer searched.", false),
    projectId: echo("The project filter, if given."),
    name: echo("The name filter, if given."),
    backends: list(
      recordType("GetBackendsBackend", "A backend found by getBackends.", backendDefinition),
      "The backends found, in the API's order (oldest first).",
    ),
  },
  async run(ctx, q) {
    const lbId = q.uuid("lbId") ?? "";
    const found = await underParent(q, "load balancer", () =>
      ctx.api.listAllBackends({ zone: q.zone, lbId, name: q.str("name"), pageSize: ctx.pageSize }),
    );
    const backends = found
      .filter((b) => q.projectId === undefined || b.lb.projectId === q.projectId)
      .map((b) => record(zonedId(q.zone, b.id), backendProps(q.zone, b)));
    return { ...listEcho(q, ["name"]), lbId: zonedId(q.zone, lbId), backends };
  },
};
