/** getBackend: one backend, by id or by exact name within its load balancer. */
import type { Backend } from "../client";
import { backendDefinition } from "../resources/backend/definition";
import { backendProps } from "../resources/backend/operations";
import { zonedId } from "../resources/ids";
import { exactNameArg, idArg, zoneOfIdArg } from "./args";
import { findChild } from "./children";
import { echo, record, recordFields } from "./records";
import type { LookupFunction } from "./spec";

export const getBackend: LookupFunction = {
  name: "getBackend",
  description:
    "Finds one existing backend, by id or by exact name within its load balancer, and returns its properties as a Backend resource outputs them. Reads only (GET calls), records nothing in the stack's state.",
  args: {
    backendId: idArg("The backend to read."),
    name: exactNameArg("backend", "the load balancer `lbId`"),
    lbId: idArg("The load balancer the backend belongs to; needed with `name`."),
    zone: zoneOfIdArg,
  },
  exactlyOne: ["backendId", "name"],
  nameNeeds: "lbId",
  result: {
    ...recordFields(backendDefinition),
    backendId: echo("The backend's id (the same as `id`).", false),
  },
  async run(ctx, q) {
    const backend = await findChild<Backend>(q, {
      noun: "backend",
      idArg: "backendId",
      parentArg: "lbId",
      parentNoun: "load balancer",
      parentOf: (b) => b.lb.id,
      get: (backendId) => ctx.api.getBackend({ zone: q.zone, backendId }),
      list: (lbId, name) => ctx.api.listAllBackends({ zone: q.zone, lbId, name, pageSize: ctx.pageSize }),
    });
    const id = zonedId(q.zone, backend.id);
    return { ...record(id, backendProps(q.zone, backend)), backendId: id };
  },
};
