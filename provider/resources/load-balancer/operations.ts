/**
 * LoadBalancer API calls. Create waits until the load balancer is ready (its children need that);
 * a type change is a migration (same id); an added IP is attached in place; delete waits until
 * the object is gone so that IPs it held can be released by their own resources right after.
 */
import type { Lb } from "../../client";
import { isUnknown } from "../../core/unknown";
import type { ResourceContext } from "../context";
import { splitId, zonedId } from "../ids";
import { lastSeen, unlessGone } from "../notfound";
import { CreatedButFailed, type Operations, type Props } from "../operations";
import { bool, defined, oneOf, str, strs } from "../props";
import { SSL_COMPATIBILITY_LEVELS } from "./definition";
import { lbNetworkProps, lbPrivateIps } from "./private-ips";

/** An LB on its way out is not one to take over. */
const GOING_AWAY: ReadonlySet<string> = new Set(["to_delete", "deleting"]);

export const loadBalancerOperations: Operations = {
  async create(ctx, inputs) {
    const zone = str(inputs, "zone");
    const lb = await ctx.api.createLb({
      zone,
      projectId: str(inputs, "projectId"),
      name: str(inputs, "name"),
      description: str(inputs, "description"),
      type: str(inputs, "type"),
      tags: strs(inputs, "tags"),
      sslCompatibilityLevel: oneOf(str(inputs, "sslCompatibilityLevel"), SSL_COMPATIBILITY_LEVELS),
      ipIds: strs(inputs, "ipIds").map((ip) => splitId(ip, zone).id),
      assignFlexibleIp: bool(inputs, "assignFlexibleIp"),
      assignFlexibleIpv6: bool(inputs, "assignFlexibleIpv6"),
    });
    const id = zonedId(zone, lb.id);
    try {
      const ready = await ctx.api.waitForLb({ zone, lbId: lb.id });
      return { id, outs: await withAddresses(ctx, zone, ready) };
    } catch (error) {
      // State records the load balancer as it is now (e.g. `error`), not as the POST answered it.
      const last = await lastSeen(() => ctx.api.getLb({ zone, lbId: lb.id }));
      throw new CreatedButFailed(id, lbProps(zone, last ?? lb), error);
    }
  },

  async read(ctx, id) {
    const { zone, id: lbId } = splitId(id, ctx.env.defaultZone);
    const lb = await unlessGone(() => ctx.api.getLb({ zone, lbId }));
    return lb && withAddresses(ctx, zone, lb);
  },

  async update(ctx, id, olds, news, endpoints) {
    const { zone, id: lbId } = splitId(id, ctx.env.defaultZone);
    let lb: Lb | undefined;
    if (endpoints.includes("lb")) {
      lb = await ctx.api.updateLb({
        zone,
        lbId,
        name: str(news, "name"),
        description: str(news, "description"),
        tags: strs(news, "tags"),
        sslCompatibilityLevel: oneOf(str(news, "sslCompatibilityLevel"), SSL_COMPATIBILITY_LEVELS),
      });
    }
    if (endpoints.includes("migrate")) {
      await ctx.api.migrateLb({ zone, lbId, type: str(news, "type") });
      lb = await ctx.api.waitForLb({ zone, lbId });
    } else if (olds.status !== "ready" && !isUnknown(olds.status)) {
      // A load balancer recorded while failing (e.g. an earlier create that ended in error) must be
      // ready again before this update can be called a success.
      lb = await ctx.api.waitForLb({ zone, lbId });
    }
    if (endpoints.includes("ips")) {
      await attachAddedIps(ctx, zone, lbId, olds, news);
      // The answer of record: the load balancer with every IP it now has.
      lb = await ctx.api.getLb({ zone, lbId });
    }
    return lb && withAddresses(ctx, zone, lb);
  },

  async delete(ctx, id, props) {
    const { zone, id: lbId } = splitId(id, ctx.env.defaultZone);
    // Only IPs the load balancer allocated itself may go with it: IPs given in ipIds belong to Ip
    // resources (check never lets ipIds and assignFlexibleIp be combined).
    const releaseIp = props.releaseIp === true && props.assignFlexibleIp === true;
    const existed = await unlessGone(async () => {
      await ctx.api.deleteLb({ zone, lbId, releaseIp });
      return true;
    });
    if (!existed) return;
    await ctx.api.waitForLbDeleted({ zone, lbId });
  },

  async findEarlierAttempts(ctx, inputs) {
    const zone = str(inputs, "zone");
    const name = str(inputs, "name");
    const lbs = await ctx.api.listAllLbs({ zone, name, projectId: str(inputs, "projectId") });
    return lbs
      .filter((lb) => lb.name === name && !GOING_AWAY.has(lb.status))
      .map((lb) => ({ id: zonedId(zone, lb.id), props: lbProps(zone, lb) }));
  },
};

/** The LB's props with its IPv6 and private addresses (an IPAM call only when it has attachments). */
async function withAddresses(ctx: ResourceContext, zone: string, lb: Lb): Promise<Props> {
  return { ...lbProps(zone, lb), ...lbNetworkProps(zone, lb, await lbPrivateIps(ctx, zone, lb)) };
}

/**
 * Attaches what the inputs added (diff only calls this when nothing was removed): each new id of
 * `ipIds`, then an IP allocated for each `assignFlexibleIp*` flag turned on — IPv4 first, as a
 * public load balancer needs one.
 */
async function attachAddedIps(
  ctx: ResourceContext,
  zone: string,
  lbId: string,
  olds: Props,
  news: Props,
): Promise<void> {
  const attached = new Set(strs(olds, "ipIds").map((ip) => splitId(ip, zone).id));
  for (const ip of strs(news, "ipIds")) {
    const ipId = splitId(ip, zone).id;
    if (!attached.has(ipId)) await ctx.api.updateIp({ zone, ipId, lbId });
  }
  for (const [flag, isIpv6] of [
    ["assignFlexibleIp", false],
    ["assignFlexibleIpv6", true],
  ] as const) {
    if (news[flag] !== true || olds[flag] === true) continue;
    const ip = await ctx.api.createIp({ zone, projectId: str(news, "projectId"), isIpv6, tags: [] });
    try {
      await ctx.api.updateIp({ zone, ipId: ip.id, lbId });
    } catch (error) {
      // Never leave an allocated address behind: release it, then report the attach failure.
      const released = await unlessGone(() => ctx.api.releaseIp({ zone, ipId: ip.id })).then(
        () => "it was released",
        () => `releasing it failed too: release ${zonedId(zone, ip.id)} by hand`,
      );
      const reason = error instanceof Error ? error.message : String(error);
      throw new Error(
        `LoadBalancer ${zonedId(zone, lbId)}: ${flag}: the new IPv${isIpv6 ? 6 : 4} ${ip.ipAddress} could not be attached (${reason}); ${released}`,
      );
    }
  }
}

export function lbProps(zone: string, lb: Lb): Props {
  const addresses = lb.ip.map((ip) => ip.ipAddress);
  return defined({
    zone,
    projectId: lb.projectId,
    name: lb.name,
    description: lb.description,
    type: lb.type.toLowerCase(),
    tags: lb.tags,
    sslCompatibilityLevel: lb.sslCompatibilityLevel,
    ipIds: lb.ip.map((ip) => zonedId(zone, ip.id)),
    status: lb.status,
    ipAddress: addresses.find((a) => !a.includes(":")) ?? "",
    ipAddresses: addresses,
    organizationId: lb.organizationId,
    region: lb.region,
    createdAt: lb.createdAt,
    updatedAt: lb.updatedAt,
  });
}
