/**
 * Flexible IP API calls: create, PATCH (only the changed fields exist in a PATCH), release.
 *
 * IPs have no name, so a create marks its IP with a tag carrying the creation key
 * (`pulumi-scaleway-lb-create-<key>`): the next attempt of an interrupted create finds the IP by
 * that tag (earlier-attempt.ts). The tag is not part of the resource's `tags` (never shown, never a
 * diff) and goes away with the next change of the tags.
 */
import type { Ip } from "../../client";
import { RESERVED_INPUTS } from "../../core/check-resource";
import { splitId, zonedId } from "../ids";
import { unlessGone } from "../notfound";
import type { Operations, Props } from "../operations";
import { bool, defined, optStr, str, strs } from "../props";

export const ipOperations: Operations = {
  async create(ctx, inputs) {
    const zone = str(inputs, "zone");
    const ip = await ctx.api.createIp({
      zone,
      projectId: str(inputs, "projectId"),
      isIpv6: bool(inputs, "isIpv6"),
      reverse: optStr(inputs, "reverse"),
      tags: [...strs(inputs, "tags"), ...creationTag(inputs)],
    });
    return { id: zonedId(zone, ip.id), outs: ipProps(zone, ip) };
  },

  async read(ctx, id) {
    const { zone, id: ipId } = splitId(id, ctx.env.defaultZone);
    const ip = await unlessGone(() => ctx.api.getIp({ zone, ipId }));
    return ip && ipProps(zone, ip);
  },

  async update(ctx, id, _olds, news, endpoints) {
    if (!endpoints.includes("ip")) return undefined;
    const { zone, id: ipId } = splitId(id, ctx.env.defaultZone);
    const reverse = optStr(news, "reverse");
    const ip = await ctx.api.updateIp({
      zone,
      ipId,
      tags: strs(news, "tags"),
      // An absent reverse is the server's to choose: leave it out of the PATCH.
      ...(reverse !== null ? { reverse } : {}),
    });
    return ipProps(zone, ip);
  },

  async delete(ctx, id) {
    const { zone, id: ipId } = splitId(id, ctx.env.defaultZone);
    await unlessGone(() => ctx.api.releaseIp({ zone, ipId }));
  },

  async findEarlierAttempts(ctx, inputs) {
    const [tag] = creationTag(inputs);
    if (tag === undefined) return [];
    const zone = str(inputs, "zone");
    const ips = await ctx.api.listAllIps({ zone, projectId: str(inputs, "projectId"), tags: [tag] });
    return ips
      .filter((ip) => ip.tags.includes(tag))
      .map((ip) => ({ id: zonedId(zone, ip.id), props: ipProps(zone, ip) }));
  },
};

/** Tags that start with this are the provider's own marks, not the user's tags. */
export const CREATION_TAG_PREFIX = "pulumi-scaleway-lb-create-";

function creationTag(inputs: Props): string[] {
  const key = inputs[RESERVED_INPUTS.creationKey];
  return typeof key === "string" ? [`${CREATION_TAG_PREFIX}${key}`] : [];
}

export function ipProps(zone: string, ip: Ip): Props {
  return defined({
    zone,
    projectId: ip.projectId,
    isIpv6: ip.ipAddress.includes(":"),
    reverse: ip.reverse,
    tags: ip.tags.filter((tag) => !tag.startsWith(CREATION_TAG_PREFIX)),
    ipAddress: ip.ipAddress,
    lbId: ip.lbId === null ? "" : zonedId(zone, ip.lbId),
    organizationId: ip.organizationId,
    region: ip.region,
  });
}
