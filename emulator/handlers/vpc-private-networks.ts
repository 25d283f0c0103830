/**
 * VPC v2 private networks (`/vpc/v2/regions/{region}/private-networks`): create (in the given VPC
 * or the project's default one, with the given IPv4 subnets or a free `/22`, plus an IPv6 `/64`),
 * get, list, delete. A network an LB is attached to cannot be deleted.
 */
import { z } from "zod";
import { timestamp } from "../clock";
import { type HandlerResult, noContent, ok, type RequestContext } from "../context";
import { invalidArgument, resourceStillInUse } from "../errors";
import { newId } from "../ids";
import { newSubnets } from "../ipam-booking";
import {
  all,
  enumParam,
  first,
  nameMatches,
  ORDER_CREATED_NAME,
  paginate,
  sortRows,
  tagsMatch,
} from "../query";
import type { Store } from "../store";
import { bodyObject, isIpOrCidr, name, opt, parseWith, tags, uuid } from "../validation";
import type { VpcPrivateNetworkRecord } from "../vpc-records";
import { renderVpcPrivateNetwork } from "../wire/vpc";
import { resolveOwnership } from "./project";
import { idParam, regionParam, resourceNotFound } from "./vpc-common";
import { defaultVpc, findVpc } from "./vpcs";

const ipv4Cidr = z.string().refine((v) => v.includes("/") && !v.includes(":") && isIpOrCidr(v), {
  message: "must be an IPv4 CIDR block such as 172.16.32.0/22",
});

const createSchema = z.object({
  name: opt(name),
  project_id: opt(uuid),
  tags,
  subnets: opt(z.array(ipv4Cidr).max(1)),
  vpc_id: opt(uuid),
  default_route_propagation_enabled: opt(z.boolean()),
});

export function findVpcPrivateNetwork(store: Store, region: string, id: string): VpcPrivateNetworkRecord {
  const pn = store.vpcPrivateNetworks.get(id);
  if (!pn || pn.region !== region) throw resourceNotFound("private_network", id);
  return pn;
}

export function createVpcPrivateNetwork(ctx: RequestContext): HandlerResult {
  const region = regionParam(ctx);
  const body = parseWith(createSchema, bodyObject(ctx.body));
  const owner = resolveOwnership(body.project_id);
  const vpc = body.vpc_id
    ? findVpc(ctx.store, region, body.vpc_id)
    : defaultVpc(ctx.store, region, owner.projectId);
  const now = timestamp();
  const pn: VpcPrivateNetworkRecord = {
    id: newId(),
    region,
    seq: ctx.store.nextSeq(),
    name: body.name ?? `pn-${newId().slice(0, 8)}`,
    projectId: owner.projectId,
    organizationId: owner.organizationId,
    tags: body.tags ?? [],
    vpcId: vpc.id,
    subnets: newSubnets(ctx.store, vpc.id, body.subnets ?? undefined),
    defaultRoutePropagationEnabled: body.default_route_propagation_enabled ?? false,
    createdAt: now,
    updatedAt: now,
  };
  ctx.store.vpcPrivateNetworks.put(pn);
  return ok(renderVpcPrivateNetwork(pn));
}

export function getVpcPrivateNetwork(ctx: RequestContext): HandlerResult {
  const pn = findVpcPrivateNetwork(ctx.store, regionParam(ctx), idParam(ctx, "private_network_id"));
  return ok(renderVpcPrivateNetwork(pn));
}

export function listVpcPrivateNetworks(ctx: RequestContext): HandlerResult {
  const region = regionParam(ctx);
  const orderBy = enumParam(ctx.query, "order_by", ORDER_CREATED_NAME, "created_at_asc");
  const nameFilter = first(ctx.query, "name");
  const projectId = first(ctx.query, "project_id");
  const vpcId = first(ctx.query, "vpc_id");
  const tagFilter = all(ctx.query, "tags");
  const rows = ctx.store.vpcPrivateNetworks
    .values()
    .filter(
      (pn) =>
        pn.region === region &&
        nameMatches(nameFilter, pn.name) &&
        (!projectId || pn.projectId === projectId) &&
        (!vpcId || pn.vpcId === vpcId) &&
        tagsMatch(tagFilter, pn.tags),
    );
  const page = paginate(ctx.query, sortRows(rows, orderBy));
  return ok({ private_networks: page.items.map(renderVpcPrivateNetwork), total_count: page.totalCount });
}

/** 204; refused while an LB is attached. IPAM IPs left in it go with it. */
export function deleteVpcPrivateNetwork(ctx: RequestContext): HandlerResult {
  const pn = findVpcPrivateNetwork(ctx.store, regionParam(ctx), idParam(ctx, "private_network_id"));
  const attached = ctx.store.privateNetworks.values().find((a) => a.privateNetworkId === pn.id);
  if (attached) {
    throw resourceStillInUse(
      `load balancer ${attached.lbId} is attached to this private network: detach it first`,
    );
  }
  if (ctx.store.ipamIps.where("privateNetwork", pn.id).some((ip) => ip.resource !== null)) {
    throw invalidArgument("private_network_id", "constraint", "IPs of this private network are still in use");
  }
  for (const ip of ctx.store.ipamIps.where("privateNetwork", pn.id)) ctx.store.ipamIps.delete(ip.id);
  ctx.store.vpcPrivateNetworks.delete(pn.id);
  return noContent();
}
