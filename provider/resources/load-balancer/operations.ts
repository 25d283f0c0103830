/**
 * LoadBalancer API calls. Create waits until the load balancer is ready (its children need that);
 * a type change is a migration (same id); an added IP is attached in place; delete waits until
 * the object is gone so that IPs it held can be released by their own resources right after.
 */
import type { Lb, Requests } from "../../client";
import type { Stored } from "../../core/infer";
import { isUnknown } from "../../core/unknown";
import { byId, createdWhenReady } from "../by-id";
import type { ResourceContext } from "../context";
import { splitId, zonedId } from "../ids";
import { propsFrom, requestBody } from "../mapping";
import { unlessGone } from "../notfound";
import type { InputsOf, Operations, Props } from "../operations";
import { loadBalancerDefinition } from "./definition";
import { lbNetworkProps, lbPrivateIps } from "./private-ips";

/** An LB on its way out is not one to take over. */
const GOING_AWAY: ReadonlySet<string> = new Set(["to_delete", "deleting"]);

type Definition = typeof loadBalancerDefinition;

/** Read maps the LB with its IPv6 and private addresses (an IPAM call only when it has attachments). */
const lb = byId(loadBalancerDefinition, {
  get: (api, { zone, id }) => api.getLb({ zone, lbId: id }),
  props: async (ctx, zone, found) => ({
    ...lbProps(zone, found),
    ...lbNetworkProps(zone, found, await lbPrivateIps(ctx, zone, found)),
  }),
});

export const loadBalancerOperations: Operations<Definition> = {
  // Children need a ready load balancer.
  create: createdWhenReady(loadBalancerDefinition, {
    create: (api, inputs) => api.createLb(requestBody(loadBalancerDefinition, inputs, { create: true })),
    wait: (api, { zone, id }, seen) => api.waitForLb({ zone, lbId: id, seen }),
    get: (api, { zone, id }) => api.getLb({ zone, lbId: id }),
    props: lb.props,
  }),

  read: lb.read,

  async update(ctx, id, olds, news, endpoints) {
    const { zone, id: lbId } = splitId(id, ctx.env.defaultZone);
    let answered: Lb | undefined;
    if (endpoints.includes("lb")) {
      const settings = requestBody<Requests["updateLb"]>(loadBalancerDefinition, news, { endpoint: "lb" });
      answered = await ctx.api.updateLb({ ...settings, zone, lbId });
    }
    if (endpoints.includes("migrate")) {
      await ctx.api.migrateLb({ zone, lbId, type: news.type });
      answered = await ctx.api.waitForLb({ zone, lbId });
    } else if (olds.status !== "ready" && !isUnknown(olds.status)) {
      // A load balancer recorded while failing (e.g. an earlier create that ended in error) must be
      // ready again before this update can be called a success.
      answered = await ctx.api.waitForLb({ zone, lbId });
    }
    if (endpoints.includes("ips")) {
      await attachAddedIps(ctx, zone, lbId, olds, news);
      // The answer of record: the load balancer with every IP it now has.
      answered = await ctx.api.getLb({ zone, lbId });
    }
    return answered && lb.props(ctx, zone, answered);
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
    const { zone, name, projectId } = inputs;
    const lbs = await ctx.api.listAllLbs({ zone, name, projectId });
    return lbs
      .filter((found) => found.name === name && !GOING_AWAY.has(found.status))
      .map((found) => ({ id: zonedId(zone, found.id), props: lbProps(zone, found) }));
  },
};

/**
 * Attaches what the inputs added (diff only calls this when nothing was removed): each new id of
 * `ipIds`, then an IP allocated for each `assignFlexibleIp*` flag turned on — IPv4 first, as a
 * public load balancer needs one.
 */
async function attachAddedIps(
  ctx: ResourceContext,
  zone: string,
  lbId: string,
  olds: Stored<Definition>,
  news: InputsOf<Definition>,
): Promise<void> {
  const attached = new Set((olds.ipIds ?? []).map((ip) => splitId(ip, zone).id));
  for (const ip of news.ipIds ?? []) {
    const ipId = splitId(ip, zone).id;
    if (!attached.has(ipId)) await ctx.api.updateIp({ zone, ipId, lbId });
  }
  for (const [flag, isIpv6] of [
    ["assignFlexibleIp", false],
    ["assignFlexibleIpv6", true],
  ] as const) {
    if (news[flag] !== true || olds[flag] === true) continue;
    const ip = await ctx.api.createIp({ zone, projectId: news.projectId, isIpv6, tags: [] });
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

export function lbProps(zone: string, found: Lb): Props {
  return propsFrom(loadBalancerDefinition, found, zone);
}
