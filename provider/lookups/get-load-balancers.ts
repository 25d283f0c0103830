/** getLoadBalancers: the load balancers of a zone and project, filtered by name and tags. */

import { zonedId } from "../resources/ids";
import { loadBalancerDefinition } from "../resources/load-balancer/definition";
import { lbProps } from "../resources/load-balancer/operations";
import { nameFilterArg, tagsArg, topLevelProjectArg, zoneArg } from "./args";
import { hasAllTags } from "./match";
import { echo, echoList, list, record, recordType } from "./records";
import { listEcho } from "./search";
import type { LookupFunction } from "./spec";

export const getLoadBalancers: LookupFunction = {
  name: "getLoadBalancers",
  description:
    "Lists existing load balancers of a zone and project, optionally filtered by name and tags, every page read. Each has the properties a LoadBalancer resource outputs. Reads only (GET calls), records nothing in the stack's state.",
  args: {
    name: nameFilterArg("load balancers"),
    tags: tagsArg("load balancers"),
    zone: zoneArg,
    projectId: topLevelProjectArg,
  },
  defaultProject: true,
  result: {
    id: echo("The zone searched (a list has no id of its own).", false),
    zone: echo("The zone searched.", false),
    projectId: echo("The project searched; absent when every project was."),
    name: echo("The name filter, if given."),
    tags: echoList("The tags filter, if given."),
    lbs: list(
      recordType("GetLoadBalancersLb", "A load balancer found by getLoadBalancers.", loadBalancerDefinition),
      "The load balancers found, in the API's order (oldest first).",
    ),
  },
  async run(ctx, q) {
    const tags = q.strs("tags");
    const found = await ctx.api.listAllLbs({
      zone: q.zone,
      name: q.str("name"),
      projectId: q.projectId,
      tags,
      pageSize: ctx.pageSize,
    });
    const lbs = found
      .filter((lb) => hasAllTags(lb.tags, tags))
      .map((lb) => record(zonedId(q.zone, lb.id), lbProps(q.zone, lb)));
    return { ...listEcho(q, ["name", "tags"]), lbs };
  },
};
