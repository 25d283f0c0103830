/** Load balancers (§2 #1–6, §4.1): list, create, get, update, delete with `release_ip`, migrate. */
import { z } from "zod";
import { allocateIpv4, allocateIpv6, defaultReverse } from "../addresses";
import { timestamp } from "../clock";
import { type HandlerResult, noContent, ok, type RequestContext } from "../context";
import { invalidArgument, resourceStillInUse } from "../errors";
import { newId } from "../ids";
import {
  all,
  boolParam,
  enumParam,
  first,
  nameMatches,
  ORDER_CREATED_NAME,
  paginate,
  sortRows,
  tagsMatch,
} from "../query";
import type { IpRecord, LbRecord } from "../records";
import { bodyObject, enumOf, name, opt, parseWith, tags, uuid } from "../validation";
import { renderLb } from "../wire/lb";
import { knownLbType } from "./lb-types";
import { findIp, lbParam, requireStable } from "./lookup";
import { resolveOwnership } from "./project";

const SSL_LEVELS = [
  "ssl_compatibility_level_unknown",
  "ssl_compatibility_level_intermediate",
  "ssl_compatibility_level_modern",
  "ssl_compatibility_level_old",
] as const;

const sslLevel = opt(enumOf(SSL_LEVELS));

/** `…_unknown` (the enum zero value) is stored as `…_intermediate` (§4.1). */
function storedSslLevel(level: string | null | undefined): string {
  return !level || level === "ssl_compatibility_level_unknown"
    ? "ssl_compatibility_level_intermediate"
    : level;
}

/** `""` means the default offer `lb-s`; any other value must name a known offer. */
function storedType(requested: string | null | undefined, argumentName: string): string {
  if (!requested) return "lb-s";
  const type = knownLbType(requested);
  if (!type) throw invalidArgument(argumentName, "constraint", `unknown Load Balancer type "${requested}"`);
  return type;
}

const createSchema = z.object({
  project_id: opt(uuid),
  organization_id: opt(uuid),
  name,
  description: opt(z.string().max(1024)),
  ip_id: opt(uuid),
  assign_flexible_ip: opt(z.boolean()),
  assign_flexible_ipv6: opt(z.boolean()),
  ip_ids: opt(z.array(uuid).max(2)),
  tags,
  type: opt(z.string()),
  ssl_compatibility_level: sslLevel,
});

const updateSchema = z.object({
  name,
  description: opt(z.string().max(1024)),
  tags,
  ssl_compatibility_level: sslLevel,
});

const migrateSchema = z.object({ type: z.string().min(1) });

export function listLbs(ctx: RequestContext): HandlerResult {
  const nameFilter = first(ctx.query, "name");
  const projectId = first(ctx.query, "project_id");
  const organizationId = first(ctx.query, "organization_id");
  const tagFilter = all(ctx.query, "tags");
  const ids = all(ctx.query, "lb_ids");
  const orderBy = enumParam(ctx.query, "order_by", ORDER_CREATED_NAME, "created_at_asc");
  const matches = ctx.store.lbs
    .values()
    .filter(
      (lb) =>
        lb.zone === ctx.zone &&
        nameMatches(nameFilter, lb.name) &&
        (!projectId || lb.projectId === projectId) &&
        (!organizationId || lb.organizationId === organizationId) &&
        tagsMatch(tagFilter, lb.tags) &&
        (ids.length === 0 || ids.includes(lb.id)),
    )
    .filter((lb) => ctx.lifecycle.readLb(lb));
  const page = paginate(ctx.query, sortRows(matches, orderBy));
  return ok({ lbs: page.items.map((lb) => renderLb(ctx.store, lb)), total_count: page.totalCount });
}

function newIp(ctx: RequestContext, lb: LbRecord, isIpv6: boolean): IpRecord {
  const address = isIpv6 ? allocateIpv6(ctx.store) : allocateIpv4(ctx.store);
  const ip: IpRecord = {
    id: newId(),
    zone: ctx.zone,
    seq: ctx.store.nextSeq(),
    address,
    isIpv6,
    reverse: defaultReverse(address, ctx.zone),
    tags: [],
    lbId: lb.id,
    projectId: lb.projectId,
    organizationId: lb.organizationId,
  };
  ctx.store.ips.put(ip);
  return ip;
}

/**
 * IP rules observed (§4.1): given IPs are attached as they are; `assign_flexible_ip` (default
 * true only when no IP is given) and `assign_flexible_ipv6` (default false) allocate the missing
 * families; nothing at all makes a private LB. A public LB needs an IPv4.
 */
function chooseIps(ctx: RequestContext, body: z.output<typeof createSchema>) {
  const ids = [...new Set([...(body.ip_id ? [body.ip_id] : []), ...(body.ip_ids ?? [])])];
  const given = ids.map((id) => findIp(ctx, id));
  for (const ip of given) {
    if (ip.lbId !== null)
      throw resourceStillInUse(`IP ${ip.id} is already attached to Load Balancer ${ip.lbId}`);
  }
  const v4 = given.filter((ip) => !ip.isIpv6).length;
  const v6 = given.length - v4;
  if (v4 > 1 || v6 > 1) {
    throw invalidArgument("ip_ids", "constraint", "at most one IPv4 and one IPv6 address can be attached");
  }
  const assignV4 = v4 === 0 && (body.assign_flexible_ip ?? given.length === 0);
  const assignV6 = v6 === 0 && (body.assign_flexible_ipv6 ?? false);
  if (v4 === 0 && !assignV4 && (v6 > 0 || assignV6)) {
    throw invalidArgument("assign_flexible_ip", "constraint", "a public Load Balancer needs an IPv4 address");
  }
  return { given, assignV4, assignV6 };
}

export function createLb(ctx: RequestContext): HandlerResult {
  const body = parseWith(createSchema, bodyObject(ctx.body));
  const owner = resolveOwnership(body.project_id, body.organization_id);
  const type = storedType(body.type, "type");
  const ips = chooseIps(ctx, body);
  const now = timestamp();
  const lb: LbRecord = {
    id: newId(),
    zone: ctx.zone,
    seq: ctx.store.nextSeq(),
    name: body.name,
    description: body.description ?? "",
    type,
    tags: body.tags ?? [],
    sslCompatibilityLevel: storedSslLevel(body.ssl_compatibility_level),
    projectId: owner.projectId,
    organizationId: owner.organizationId,
    status: "to_create",
    ipIds: [],
    subscriberId: null,
    instance: null,
    lifecycle: null,
    instancesChange: null,
    createdAt: now,
    updatedAt: now,
  };
  ctx.store.lbs.put(lb);
  for (const ip of ips.given) {
    ip.lbId = lb.id;
    lb.ipIds.push(ip.id);
  }
  if (ips.assignV4) lb.ipIds.push(newIp(ctx, lb, false).id);
  if (ips.assignV6) lb.ipIds.push(newIp(ctx, lb, true).id);
  ctx.lifecycle.startLbCreate(lb);
  return ok(renderLb(ctx.store, lb));
}

export function getLb(ctx: RequestContext): HandlerResult {
  return ok(renderLb(ctx.store, lbParam(ctx, true)));
}

export function updateLb(ctx: RequestContext): HandlerResult {
  const lb = lbParam(ctx);
  const body = parseWith(updateSchema, bodyObject(ctx.body));
  requireStable(lb);
  lb.name = body.name;
  lb.description = body.description ?? "";
  lb.tags = body.tags ?? [];
  lb.sslCompatibilityLevel = storedSslLevel(body.ssl_compatibility_level);
  lb.updatedAt = timestamp();
  ctx.lifecycle.configChanged(lb.id);
  return ok(renderLb(ctx.store, lb));
}

/** `release_ip` is a query parameter (§4.1); a repeated delete of an LB being deleted is a no-op. */
export function deleteLb(ctx: RequestContext): HandlerResult {
  const lb = lbParam(ctx);
  const releaseIp = boolParam(ctx.query, "release_ip", false);
  if (lb.status !== "to_delete" && lb.status !== "deleting") ctx.lifecycle.startDelete(lb, releaseIp);
  return noContent();
}

/** Answers `migrating` with the old type; the new type shows once the migration completes (§4.1). */
export function migrateLb(ctx: RequestContext): HandlerResult {
  const lb = lbParam(ctx);
  const body = parseWith(migrateSchema, bodyObject(ctx.body));
  const type = storedType(body.type, "type");
  requireStable(lb);
  ctx.lifecycle.startMigrate(lb, type);
  return ok(renderLb(ctx.store, lb));
}
