/**
 * Private network attachments (§2 #52–54L, §4.9), with both path styles: the current
 * `attach-private-network`/`detach-private-network` and the legacy `private-networks/{id}/attach`.
 * The private network must exist in the VPC API of the zone's region (404 in that API's format
 * otherwise), and IPAM ids must name free IPs of that network.
 */
import { z } from "zod";
import { timestamp } from "../clock";
import { type HandlerResult, noContent, ok, type RequestContext } from "../context";
import { invalidArgument, notFound } from "../errors";
import { enumParam, ORDER_CREATED, paginate, sortRows } from "../query";
import type { LbRecord, PrivateNetworkRecord } from "../records";
import { atMostOne, bodyObject, ipOrCidr, opt, parseWith, uuid } from "../validation";
import { renderPrivateNetwork } from "../wire/private-network";
import { regionOf } from "../zones";
import { findIpamIp } from "./ipam";
import { lbParam, pathParam, requireStable } from "./lookup";
import { findVpcPrivateNetwork } from "./vpc-private-networks";

const CONFIG_KEYS = ["static_config", "dhcp_config", "ipam_config"] as const;

const attachFields = {
  ipam_ids: opt(z.array(uuid).max(1)),
  static_config: opt(z.object({ ip_address: opt(z.array(ipOrCidr).max(8)) })),
  dhcp_config: opt(z.object({ ip_id: opt(uuid) })),
  ipam_config: opt(z.object({})),
};

const attachSchema = z.object({ private_network_id: uuid, ...attachFields });
const legacyAttachSchema = z.object(attachFields);
const detachSchema = z.object({ private_network_id: uuid });

function keyOf(lbId: string, privateNetworkId: string): string {
  return `${lbId}/${privateNetworkId}`;
}

export function listPrivateNetworks(ctx: RequestContext): HandlerResult {
  const lb = lbParam(ctx);
  const orderBy = enumParam(ctx.query, "order_by", ORDER_CREATED, "created_at_asc");
  const rows = ctx.lifecycle.readPrivateNetworks(lb.id);
  const page = paginate(ctx.query, sortRows(rows, orderBy));
  return ok({
    private_network: page.items.map((pn) => renderPrivateNetwork(ctx.store, pn, false)),
    total_count: page.totalCount,
  });
}

function attach(
  ctx: RequestContext,
  lb: LbRecord,
  privateNetworkId: string,
  body: z.output<typeof legacyAttachSchema>,
): HandlerResult {
  atMostOne(bodyObject(ctx.body), CONFIG_KEYS, "attachment configuration");
  requireStable(lb);
  const key = keyOf(lb.id, privateNetworkId);
  if (ctx.store.privateNetworks.get(key)) {
    throw invalidArgument(
      "private_network_id",
      "constraint",
      "this private network is already attached to the LB",
    );
  }
  const region = regionOf(ctx.zone);
  findVpcPrivateNetwork(ctx.store, region, privateNetworkId);
  // The deprecated `dhcp_config.ip_id` names an IPAM IP just as `ipam_ids` does.
  const ipamIds = body.ipam_ids ?? (body.dhcp_config?.ip_id ? [body.dhcp_config.ip_id] : []);
  for (const id of ipamIds) {
    const ip = findIpamIp(ctx, region, id);
    if (ip.privateNetworkId !== privateNetworkId) {
      throw invalidArgument("ipam_ids", "constraint", `IP ${id} belongs to another private network`);
    }
    if (ip.resource !== null) {
      throw invalidArgument("ipam_ids", "constraint", `IP ${id} is already attached to ${ip.resource.id}`);
    }
  }
  const now = timestamp();
  const pn: PrivateNetworkRecord = {
    key,
    zone: ctx.zone,
    seq: ctx.store.nextSeq(),
    lbId: lb.id,
    privateNetworkId,
    ipamIds,
    staticAddresses: body.static_config ? (body.static_config.ip_address ?? []) : null,
    dhcpIpId: body.dhcp_config?.ip_id ?? ipamIds[0] ?? null,
    status: "pending",
    transition: null,
    createdAt: now,
    updatedAt: now,
  };
  ctx.store.privateNetworks.put(pn);
  ctx.lifecycle.startAttach(pn);
  ctx.lifecycle.configChanged(lb.id);
  return ok(renderPrivateNetwork(ctx.store, pn, true));
}

export function attachPrivateNetwork(ctx: RequestContext): HandlerResult {
  const lb = lbParam(ctx);
  const body = parseWith(attachSchema, bodyObject(ctx.body));
  return attach(ctx, lb, body.private_network_id, body);
}

export function attachPrivateNetworkLegacy(ctx: RequestContext): HandlerResult {
  const lb = lbParam(ctx);
  const body = parseWith(legacyAttachSchema, bodyObject(ctx.body));
  return attach(ctx, lb, pathParam(ctx, "private_network_id"), body);
}

/** 204 at once; the attachment shows `pending` until the detachment completes, then disappears. */
function detach(ctx: RequestContext, lb: LbRecord, privateNetworkId: string): HandlerResult {
  const pn = ctx.store.privateNetworks.get(keyOf(lb.id, privateNetworkId));
  if (!pn) throw notFound("privateNetwork");
  requireStable(lb);
  if (pn.transition?.kind !== "detach") {
    ctx.lifecycle.startDetach(pn);
    ctx.lifecycle.configChanged(lb.id);
  }
  return noContent();
}

export function detachPrivateNetwork(ctx: RequestContext): HandlerResult {
  const lb = lbParam(ctx);
  const body = parseWith(detachSchema, bodyObject(ctx.body));
  return detach(ctx, lb, body.private_network_id);
}

export function detachPrivateNetworkLegacy(ctx: RequestContext): HandlerResult {
  return detach(ctx, lbParam(ctx), pathParam(ctx, "private_network_id"));
}
