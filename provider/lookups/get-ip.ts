/** getIp: one flexible IP, by id or by its address. */
import type { Ip } from "../client";

import { zonedId } from "../resources/ids";
import { ipDefinition } from "../resources/ip/definition";
import { ipProps } from "../resources/ip/operations";
import { idArg, topLevelProjectOfIdArg, zoneOfIdArg } from "./args";
import { LookupError } from "./errors";
import { byId, single } from "./match";
import { echo, record, recordFields } from "./records";
import type { LookupFunction } from "./spec";

const NOUN = "flexible IP";

export const getIp: LookupFunction = {
  name: "getIp",
  description:
    "Finds one existing flexible IP, by id or by address (in a zone and project), and returns its properties as an Ip resource outputs them. Reads only (GET calls), records nothing in the stack's state.",
  args: {
    ipId: idArg("The flexible IP to read."),
    ipAddress: {
      type: "string",
      format: "ip",
      description: "The IP's address (IPv4 or IPv6), e.g. `51.158.70.159`.",
    },
    zone: zoneOfIdArg,
    projectId: topLevelProjectOfIdArg,
  },
  exactlyOne: ["ipId", "ipAddress"],
  defaultProject: true,
  result: {
    ...recordFields(ipDefinition),
    ipId: echo("The IP's id (the same as `id`).", false),
  },
  async run(ctx, q) {
    const ipId = q.uuid("ipId");
    let ip: Ip;
    if (ipId !== undefined) {
      ip = await byId(q, NOUN, () => ctx.api.getIp({ zone: q.zone, ipId }));
      const project = q.str("projectId");
      if (project !== undefined && ip.projectId !== project) {
        throw new LookupError(
          "not_found",
          q.fn,
          `flexible IP ${zonedId(q.zone, ip.id)} belongs to project ${ip.projectId}, not ${project} (searched: ${q.searched})`,
        );
      }
    } else {
      const ipAddress = q.str("ipAddress");
      const found = await ctx.api.listAllIps({
        zone: q.zone,
        ipAddress,
        projectId: q.projectId,
        pageSize: ctx.pageSize,
      });
      ip = single(
        q,
        NOUN,
        found.filter((candidate) => candidate.ipAddress === ipAddress),
        (c) => `${zonedId(q.zone, c.id)} (project ${c.projectId})`,
        "ipId (or projectId)",
      );
    }
    const id = zonedId(q.zone, ip.id);
    return { ...record(id, ipProps(q.zone, ip)), ipId: id };
  },
};
