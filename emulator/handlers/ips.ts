/** Flexible IPs (§2 #7–11, §4.2): list, create, get, PATCH (the only partial update), release. */
import { z } from "zod";
import { allocateIpv4, allocateIpv6, defaultReverse } from "../addresses";
import { type HandlerResult, noContent, ok, type RequestContext } from "../context";
import { invalidArgument, resourceStillInUse } from "../errors";
import { newId } from "../ids";
import { all, enumParam, first, paginate, tagsMatch } from "../query";
import type { IpRecord } from "../records";
import { bodyObject, opt, parseWith, tags, uuid } from "../validation";
import { renderIp } from "../wire/ip";
import { findLb, ipParam, requireStable } from "./lookup";
import { resolveOwnership } from "./project";

const reverse = opt(z.string().max(255));

const createSchema = z.object({
  project_id: opt(uuid),
  organization_id: opt(uuid),
  reverse,
  is_ipv6: opt(z.boolean()),
  tags,
});

const updateSchema = z.object({ reverse, lb_id: opt(uuid), tags });

export function listIps(ctx: RequestContext): HandlerResult {
  const address = first(ctx.query, "ip_address");
  const projectId = first(ctx.query, "project_id");
  const organizationId = first(ctx.query, "organization_id");
  const ipType = enumParam(ctx.query, "ip_type", ["all", "ipv4", "ipv6"], "all");
  const tagFilter = all(ctx.query, "tags");
  const rows = ctx.store.ips
    .values()
    .filter(
      (ip) =>
        ip.zone === ctx.zone &&
        (!address || ip.address === address) &&
        (!projectId || ip.projectId === projectId) &&
        (!organizationId || ip.organizationId === organizationId) &&
        (ipType === "all" || ip.isIpv6 === (ipType === "ipv6")) &&
        tagsMatch(tagFilter, ip.tags),
    )
    // No order_by on this list: observed sorted by address (§1.4).
    .sort((a, b) => a.address.localeCompare(b.address) || a.seq - b.seq);
  const page = paginate(ctx.query, rows);
  return ok({ ips: page.items.map(renderIp), total_count: page.totalCount });
}

export function createIp(ctx: RequestContext): HandlerResult {
  const body = parseWith(createSchema, bodyObject(ctx.body));
  const owner = resolveOwnership(body.project_id, body.organization_id);
  const isIpv6 = body.is_ipv6 ?? false;
  const address = isIpv6 ? allocateIpv6(ctx.store) : allocateIpv4(ctx.store);
  const ip: IpRecord = {
    id: newId(),
    zone: ctx.zone,
    seq: ctx.store.nextSeq(),
    address,
    isIpv6,
    reverse: body.reverse || defaultReverse(address, ctx.zone),
    tags: body.tags ?? [],
    lbId: null,
    projectId: owner.projectId,
    organizationId: owner.organizationId,
  };
  ctx.store.ips.put(ip);
  return ok(renderIp(ip));
}

export function getIp(ctx: RequestContext): HandlerResult {
  return ok(renderIp(ipParam(ctx)));
}

/** Only the fields present change (§4.2); `lb_id` attaches the IP to that LB. */
export function updateIp(ctx: RequestContext): HandlerResult {
  const ip = ipParam(ctx);
  const body = parseWith(updateSchema, bodyObject(ctx.body));
  if (body.lb_id && body.lb_id !== ip.lbId) {
    const lb = findLb(ctx, body.lb_id);
    requireStable(lb);
    const sameFamily = lb.ipIds.some((id) => ctx.store.ips.get(id)?.isIpv6 === ip.isIpv6);
    if (sameFamily) {
      throw invalidArgument(
        "lb_id",
        "constraint",
        `Load Balancer ${lb.id} already has an IPv${ip.isIpv6 ? 6 : 4}`,
      );
    }
    const previous = ip.lbId === null ? undefined : ctx.store.lbs.get(ip.lbId);
    if (previous) {
      previous.ipIds = previous.ipIds.filter((id) => id !== ip.id);
      ctx.lifecycle.configChanged(previous.id);
    }
    ip.lbId = lb.id;
    lb.ipIds.push(ip.id);
    ctx.lifecycle.configChanged(lb.id);
  }
  if (body.reverse !== undefined && body.reverse !== null) {
    ip.reverse = body.reverse || defaultReverse(ip.address, ip.zone);
  }
  if (body.tags !== undefined && body.tags !== null) ip.tags = body.tags;
  return ok(renderIp(ip));
}

/** An IP still attached to an LB cannot be released (delete the LB, or detach it, first). */
export function releaseIp(ctx: RequestContext): HandlerResult {
  const ip = ipParam(ctx);
  if (ip.lbId !== null && ctx.store.lbs.get(ip.lbId)) {
    throw resourceStillInUse(`IP ${ip.id} is attached to Load Balancer ${ip.lbId}`);
  }
  ctx.store.ips.delete(ip.id);
  return noContent();
}
