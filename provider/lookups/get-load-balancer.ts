/** getLoadBalancer: one load balancer, by id or by exact name in a zone and project. */
import type { Lb } from "../client";

import { zonedId } from "../resources/ids";
import { loadBalancerDefinition } from "../resources/load-balancer/definition";
import { lbProps } from "../resources/load-balancer/operations";
import { exactNameArg, idArg, topLevelProjectOfIdArg, zoneOfIdArg } from "./args";
import { LookupError } from "./errors";
import { byId, single } from "./match";
import { echo, record, recordFields } from "./records";
import type { LookupFunction } from "./spec";

const NOUN = "load balancer";

export const getLoadBalancer: LookupFunction = {
  name: "getLoadBalancer",
  description:
    "Finds one existing load balancer, by id or by exact name (in a zone and project), and returns its properties as a LoadBalancer resource outputs them. Reads only (GET calls), records nothing in the stack's state, and runs in previews too (it needs credentials then).",
  args: {
    lbId: idArg("The load balancer to read."),
    name: exactNameArg(NOUN),
    zone: zoneOfIdArg,
    projectId: topLevelProjectOfIdArg,
  },
  exactlyOne: ["lbId", "name"],
  defaultProject: true,
  result: {
    ...recordFields(loadBalancerDefinition),
    lbId: echo("The load balancer's id (the same as `id`).", false),
  },
  async run(ctx, q) {
    const lbId = q.uuid("lbId");
    let lb: Lb;
    if (lbId !== undefined) {
      lb = await byId(q, NOUN, () => ctx.api.getLb({ zone: q.zone, lbId }));
      const project = q.str("projectId");
      if (project !== undefined && lb.projectId !== project) {
        throw new LookupError(
          "not_found",
          q.fn,
          `load balancer ${zonedId(q.zone, lb.id)} belongs to project ${lb.projectId}, not ${project} (searched: ${q.searched})`,
        );
      }
    } else {
      const name = q.str("name");
      const named = await ctx.api.listAllLbs({
        zone: q.zone,
        name,
        projectId: q.projectId,
        pageSize: ctx.pageSize,
      });
      lb = single(
        q,
        NOUN,
        named.filter((candidate) => candidate.name === name),
        (c) => `${zonedId(q.zone, c.id)} (project ${c.projectId})`,
        "lbId (or projectId)",
      );
    }
    const id = zonedId(q.zone, lb.id);
    return { ...record(id, lbProps(q.zone, lb)), lbId: id };
  },
};
