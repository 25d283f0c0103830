/** Flexible IP API calls: create, PATCH (only the changed fields exist in a PATCH), release. */
import type { Ip } from "../../client/model/ip";
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
      tags: strs(inputs, "tags"),
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
};

export function ipProps(zone: string, ip: Ip): Props {
  return defined({
    zone,
    projectId: ip.projectId,
    isIpv6: ip.ipAddress.includes(":"),
    reverse: ip.reverse,
    tags: ip.tags,
    ipAddress: ip.ipAddress,
    lbId: ip.lbId === null ? "" : zonedId(zone, ip.lbId),
    organizationId: ip.organizationId,
    region: ip.region,
  });
}
