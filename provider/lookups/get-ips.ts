/** getIps: the flexible IPs of a zone and project, filtered by family, CIDR range and tags. */

import { zonedId } from "../resources/ids";
import { ipDefinition } from "../resources/ip/definition";
import { ipProps } from "../resources/ip/operations";
import { tagsArg, topLevelProjectArg, zoneArg } from "./args";
import { hasAllTags, inCidr } from "./match";
import { echo, echoList, list, record, recordType } from "./records";
import { listEcho } from "./search";
import type { LookupFunction } from "./spec";

export const getIps: LookupFunction = {
  name: "getIps",
  description:
    "Lists existing flexible IPs of a zone and project, optionally filtered by family (IPv4/IPv6), CIDR range and tags, every page read. Each has the properties an Ip resource outputs. Reads only (GET calls), records nothing in the stack's state.",
  args: {
    ipType: {
      type: "string",
      enum: ["ipv4", "ipv6"],
      description: "Only IPv4 (`ipv4`) or only IPv6 (`ipv6`) addresses. Default: both.",
    },
    ipCidrRange: {
      type: "string",
      format: "cidr",
      description:
        "Only addresses inside this CIDR range, e.g. `51.158.0.0/16` or `2001:bc8::/32`. Default: any address.",
    },
    tags: tagsArg("IPs"),
    zone: zoneArg,
    projectId: topLevelProjectArg,
  },
  defaultProject: true,
  result: {
    id: echo("The zone searched (a list has no id of its own).", false),
    zone: echo("The zone searched.", false),
    projectId: echo("The project searched; absent when every project was."),
    ipType: echo("The family filter, if given."),
    ipCidrRange: echo("The CIDR range filter, if given."),
    tags: echoList("The tags filter, if given."),
    ips: list(
      recordType("GetIpsIp", "A flexible IP found by getIps.", ipDefinition),
      "The IPs found, in the API's order (by address).",
    ),
  },
  async run(ctx, q) {
    const tags = q.strs("tags");
    const ipType = q.str("ipType");
    const cidr = q.str("ipCidrRange");
    const found = await ctx.api.listAllIps({
      zone: q.zone,
      projectId: q.projectId,
      ipType: ipType === "ipv4" || ipType === "ipv6" ? ipType : undefined,
      tags,
      pageSize: ctx.pageSize,
    });
    const ips = found
      .filter((ip) => hasAllTags(ip.tags, tags) && (cidr === undefined || inCidr(ip.ipAddress, cidr)))
      .map((ip) => record(zonedId(q.zone, ip.id), ipProps(q.zone, ip)));
    return { ...listEcho(q, ["ipType", "ipCidrRange", "tags"]), ips };
  },
};
