/** getFrontend: one frontend, by id or by exact name within its load balancer. */
import type { Frontend } from "../client";
import { frontendDefinition } from "../resources/frontend/definition";
import { frontendProps } from "../resources/frontend/operations";
import { zonedId } from "../resources/ids";
import { exactNameArg, idArg, zoneOfIdArg } from "./args";
import { findChild } from "./children";
import { echo, record, recordFields } from "./records";
import type { LookupFunction } from "./spec";

export const getFrontend: LookupFunction = {
  name: "getFrontend",
  description:
    "Finds one existing frontend, by id or by exact name within its load balancer, and returns its properties as a Frontend resource outputs them. Reads only (GET calls), records nothing in the stack's state.",
  args: {
    frontendId: idArg("The frontend to read."),
    name: exactNameArg("frontend", "the load balancer `lbId`"),
    lbId: idArg("The load balancer the frontend belongs to; needed with `name`."),
    zone: zoneOfIdArg,
  },
  exactlyOne: ["frontendId", "name"],
  nameNeeds: "lbId",
  result: {
    ...recordFields(frontendDefinition),
    frontendId: echo("The frontend's id (the same as `id`).", false),
  },
  async run(ctx, q) {
    const frontend = await findChild<Frontend>(q, {
      noun: "frontend",
      idArg: "frontendId",
      parentArg: "lbId",
      parentNoun: "load balancer",
      parentOf: (f) => f.lb.id,
      get: (frontendId) => ctx.api.getFrontend({ zone: q.zone, frontendId }),
      list: (lbId, name) => ctx.api.listAllFrontends({ zone: q.zone, lbId, name, pageSize: ctx.pageSize }),
    });
    const id = zonedId(q.zone, frontend.id);
    return { ...record(id, frontendProps(q.zone, frontend)), frontendId: id };
  },
};
