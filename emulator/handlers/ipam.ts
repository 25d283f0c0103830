/**
 * IPAM IPs (`/ipam/v1/regions/{region}/ips`): book (a given or the first free address of a private
 * network's subnet), get, list with the filters clients use to find an LB's private IPs
 * (`resource_id`, `resource_type`, `resource_name`, `private_network_id`, `is_ipv6`), release.
 */
import { isIP } from "node:net";
import { z } from "zod";
import { timestamp } from "../clock";
import { type HandlerResult, noContent, ok, type RequestContext } from "../context";
import { invalidArgument, resourceStillInUse } from "../errors";
import { newId } from "../ids";
import { freeV4Address, freeV6Address, inV4Subnet, splitCidr } from "../ipam-booking";
import { all, boolParam, enumParam, first, paginate, sortRows, tagsMatch, uuidParam } from "../query";
import { bodyObject, opt, parseWith, tags, uuid } from "../validation";
import type { IpamIpRecord, VpcPrivateNetworkRecord } from "../vpc-records";
import { renderIpamIp } from "../wire/ipam";
import { resolveOwnership } from "./project";
import { idParam, regionParam, resourceNotFound } from "./vpc-common";
import { findVpcPrivateNetwork } from "./vpc-private-networks";

const bookSchema = z.object({
  project_id: opt(uuid),
  source: z.object({ private_network_id: opt(uuid), subnet_id: opt(uuid) }),
  is_ipv6: opt(z.boolean()),
  address: opt(z.string().refine((v) => isIP(v) !== 0, { message: "must be an IP address" })),
  tags,
});

const ORDERS = ["created_at_asc", "created_at_desc", "updated_at_asc", "updated_at_desc"] as const;

function sourceNetwork(ctx: RequestContext, region: string, source: z.output<typeof bookSchema>["source"]) {
  if (source.private_network_id) return findVpcPrivateNetwork(ctx.store, region, source.private_network_id);
  const subnetId = source.subnet_id;
  if (!subnetId) {
    throw invalidArgument(
      "source",
      "required",
      "one of source.private_network_id, source.subnet_id is required",
    );
  }
  const pn = ctx.store.vpcPrivateNetworks
    .values()
    .find((p) => p.region === region && p.subnets.some((s) => s.id === subnetId));
  if (!pn) throw resourceNotFound("private_network", subnetId);
  return pn;
}

export function bookIpamIp(ctx: RequestContext): HandlerResult {
  const region = regionParam(ctx);
  const body = parseWith(bookSchema, bodyObject(ctx.body));
  const network: VpcPrivateNetworkRecord = sourceNetwork(ctx, region, body.source);
  const isIpv6 = body.is_ipv6 ?? false;
  const subnet = network.subnets.find(
    (s) => s.subnet.includes(":") === isIpv6 && (!body.source.subnet_id || s.id === body.source.subnet_id),
  );
  if (!subnet) throw invalidArgument("is_ipv6", "constraint", "the source has no subnet of this IP family");
  let address: string | undefined;
  if (body.address) {
    if (isIpv6 !== body.address.includes(":") || (!isIpv6 && !inV4Subnet(body.address, subnet.subnet))) {
      throw invalidArgument("address", "constraint", `${body.address} is not in subnet ${subnet.subnet}`);
    }
    if (ctx.store.ipamIps.values().some((ip) => ip.subnetId === subnet.id && ip.address === body.address)) {
      throw invalidArgument("address", "constraint", `${body.address} is already booked`);
    }
    address = body.address;
  } else {
    address = isIpv6 ? freeV6Address(ctx.store, subnet) : freeV4Address(ctx.store, subnet);
  }
  if (!address) throw invalidArgument("source", "constraint", `subnet ${subnet.subnet} has no free address`);
  const now = timestamp();
  const ip: IpamIpRecord = {
    id: newId(),
    region,
    seq: ctx.store.nextSeq(),
    address,
    prefixLength: splitCidr(subnet.subnet).prefix,
    isIpv6,
    subnetId: subnet.id,
    privateNetworkId: network.id,
    vpcId: network.vpcId,
    projectId: resolveOwnership(body.project_id).projectId,
    tags: body.tags ?? [],
    resource: null,
    bookedByAttachment: false,
    createdAt: now,
    updatedAt: now,
  };
  ctx.store.ipamIps.put(ip);
  return ok(renderIpamIp(ip));
}

export function findIpamIp(ctx: RequestContext, region: string, id: string): IpamIpRecord {
  const ip = ctx.store.ipamIps.get(id);
  if (!ip || ip.region !== region) throw resourceNotFound("ip", id);
  return ip;
}

export function getIpamIp(ctx: RequestContext): HandlerResult {
  return ok(renderIpamIp(findIpamIp(ctx, regionParam(ctx), idParam(ctx, "ip_id"))));
}

export function listIpamIps(ctx: RequestContext): HandlerResult {
  const region = regionParam(ctx);
  const q = ctx.query;
  const orderBy = enumParam(q, "order_by", ORDERS, "created_at_desc");
  const privateNetworkId = uuidParam(q, "private_network_id");
  const subnetId = uuidParam(q, "subnet_id");
  const vpcId = uuidParam(q, "vpc_id");
  const resourceId = uuidParam(q, "resource_id");
  const resourceType = first(q, "resource_type");
  const resourceName = first(q, "resource_name");
  const projectId = first(q, "project_id");
  const isIpv6 = first(q, "is_ipv6") === undefined ? undefined : boolParam(q, "is_ipv6", false);
  const attached = first(q, "attached") === undefined ? undefined : boolParam(q, "attached", false);
  const tagFilter = all(q, "tags");
  const rows = ctx.store.ipamIps
    .values()
    .filter(
      (ip) =>
        ip.region === region &&
        (!privateNetworkId || ip.privateNetworkId === privateNetworkId) &&
        (!subnetId || ip.subnetId === subnetId) &&
        (!vpcId || ip.vpcId === vpcId) &&
        (!resourceId || ip.resource?.id === resourceId) &&
        (!resourceType || resourceType === "unknown_type" || ip.resource?.type === resourceType) &&
        (!resourceName || ip.resource?.name === resourceName) &&
        (!projectId || ip.projectId === projectId) &&
        (isIpv6 === undefined || ip.isIpv6 === isIpv6) &&
        (attached === undefined || (ip.resource !== null) === attached) &&
        tagsMatch(tagFilter, ip.tags),
    );
  // Updates never reorder IPs here: creation order stands in for both keys.
  const page = paginate(q, sortRows(rows, orderBy.endsWith("_asc") ? "created_at_asc" : "created_at_desc"));
  return ok({ ips: page.items.map(renderIpamIp), total_count: page.totalCount });
}

/** 204; an IP bound to a resource (e.g. an attached LB) cannot be released. */
export function releaseIpamIp(ctx: RequestContext): HandlerResult {
  const ip = findIpamIp(ctx, regionParam(ctx), idParam(ctx, "ip_id"));
  if (ip.resource) {
    throw resourceStillInUse(`the IP is attached to ${ip.resource.type} ${ip.resource.id}: detach it first`);
  }
  ctx.store.ipamIps.delete(ip.id);
  return noContent();
}
