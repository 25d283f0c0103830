/**
 * PrivateNetwork (LB attachment) API calls. Attach is exactly-once (the client reconciles a lost
 * answer by listing the LB's attachments), then create waits for `ready` and reads the private IPs
 * from IPAM — the LB API only gives their ids. Every input re-attaches, so there is no update.
 * Delete detaches and waits until the attachment is no longer listed (an LB already gone counts).
 */

import type { AttachPrivateNetworkRequest, IpamIp, PrivateNetwork } from "../../client";
// A value from its own module, not the client's index: the index loads the HTTP client, which
// runtime.ts loads only when an API call is due (check, diff and previews never need it).
import { isScalewayError } from "../../client/errors";
import { isZone, regionOf } from "../../core/zoned-id";
import type { ResourceContext } from "../context";
import { splitId } from "../ids";
import { propsFrom } from "../mapping";
import { unlessGone } from "../notfound";
import { CreatedButFailed, type InputsOf, type Operations, type Props } from "../operations";
import { privateNetworkDefinition } from "./definition";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export interface AttachmentId {
  readonly zone: string;
  readonly lbId: string;
  readonly privateNetworkId: string;
}

/** `"<zone>/<lb uuid>/<private network uuid>"`: an attachment has no id of its own. */
export function parseAttachmentId(id: string): AttachmentId {
  const [zone = "", lbId = "", privateNetworkId = "", ...rest] = id.toLowerCase().split("/");
  if (rest.length > 0 || !isZone(zone) || !UUID.test(lbId) || !UUID.test(privateNetworkId)) {
    throw new Error(
      `PrivateNetwork: "${id}" is not an attachment id: expected "<zone>/<load balancer uuid>/<private network uuid>"`,
    );
  }
  return { zone, lbId, privateNetworkId };
}

export function formatAttachmentId(a: AttachmentId): string {
  return `${a.zone}/${a.lbId}/${a.privateNetworkId}`;
}

/** The UUID of a regional id (`fr-par/<uuid>`); check made every stored one regional. */
function bare(regionalId: string): string {
  return regionalId.slice(regionalId.lastIndexOf("/") + 1);
}

type Definition = typeof privateNetworkDefinition;

export const privateNetworkOperations: Operations<Definition> = {
  async create(ctx, inputs) {
    const { zone } = inputs;
    const target: AttachmentId = {
      zone,
      lbId: splitId(inputs.lbId, zone).id,
      privateNetworkId: bare(inputs.privateNetworkId),
    };
    const request = attachRequest(target, inputs);
    const attached = await attachOnce(ctx, request);
    const id = formatAttachmentId(target);
    try {
      const ready = await ctx.api.waitForPrivateNetwork(target);
      return { id, outs: attachmentProps(zone, ready, await privateIpsOf(ctx, target, ready)) };
    } catch (error) {
      // An attachment in `error` never recovers: undo it, so nothing broken is recorded.
      if (isScalewayError(error) && error.kind === "resource_error") {
        await unlessGone(() => ctx.api.detachPrivateNetwork(target));
        await ctx.api.waitForPrivateNetworkDetached(target);
        throw new Error(
          `PrivateNetwork: attaching load balancer ${target.lbId} to private network ${target.privateNetworkId} ended in status error, so it was detached again; check the configuration (staticConfig ${JSON.stringify(inputs.staticConfig ?? null)}, ipamIds ${JSON.stringify(inputs.ipamIds ?? [])}: an address must belong to the network's subnet)`,
        );
      }
      throw new CreatedButFailed(id, { ...inputs, ...attachmentProps(zone, attached, []) }, error);
    }
  },

  async read(ctx, id) {
    const target = parseAttachmentId(id);
    const attachments = await unlessGone(() =>
      ctx.api.listAllLbPrivateNetworks({ zone: target.zone, lbId: target.lbId }),
    );
    const found = attachments?.find((a) => a.privateNetworkId === target.privateNetworkId);
    if (!found) return undefined;
    return attachmentProps(target.zone, found, await privateIpsOf(ctx, target, found));
  },

  async update() {
    // Every argument re-attaches (policy `replace`) and importId is provider-side: nothing to call.
    return undefined;
  },

  async delete(ctx, id) {
    const target = parseAttachmentId(id);
    // A 404 (attachment or LB gone) is success, with nothing left to wait for.
    const detached = await unlessGone(async () => {
      await ctx.api.detachPrivateNetwork(target);
      return true;
    });
    if (detached) await ctx.api.waitForPrivateNetworkDetached(target);
  },
};

/**
 * Attaches; if the API refuses because the network is already attached — an earlier run attached
 * it and died before recording it — the existing attachment is taken over when it is the declared
 * one (same configuration), so a retried `up` neither fails nor attaches twice.
 */
async function attachOnce(
  ctx: ResourceContext,
  request: AttachPrivateNetworkRequest,
): Promise<PrivateNetwork> {
  try {
    return await ctx.api.attachPrivateNetwork(request);
  } catch (error) {
    if (!isScalewayError(error) || (error.kind !== "invalid_arguments" && error.kind !== "conflict"))
      throw error;
    const existing = (
      await ctx.api.listAllLbPrivateNetworks({ zone: request.zone, lbId: request.lbId })
    ).find((a) => a.privateNetworkId === request.privateNetworkId);
    if (!existing || !isDeclared(existing, request)) throw error;
    return existing;
  }
}

function isDeclared(existing: PrivateNetwork, request: AttachPrivateNetworkRequest): boolean {
  if (request.staticConfig) {
    return (
      JSON.stringify(existing.staticConfig?.ipAddress ?? null) ===
      JSON.stringify(request.staticConfig.ipAddress)
    );
  }
  if (existing.staticConfig) return false;
  const wanted = request.ipamIds ?? [];
  return (
    wanted.length === 0 || JSON.stringify([...existing.ipamIds].sort()) === JSON.stringify([...wanted].sort())
  );
}

/** The one-of configuration the API takes: a static address, DHCP, or IPAM ids (none: booked for it). */
function attachRequest(target: AttachmentId, inputs: InputsOf<Definition>): AttachPrivateNetworkRequest {
  const request: AttachPrivateNetworkRequest = { ...target };
  if (inputs.staticConfig !== undefined) request.staticConfig = { ipAddress: [inputs.staticConfig] };
  else if (inputs.dhcpConfig === true) request.dhcpConfig = {};
  else request.ipamIds = (inputs.ipamIds ?? []).map(bare);
  return request;
}

/** The attachment's IPAM IPs with their addresses (one IPAM call; none when it has no IPAM ids). */
async function privateIpsOf(
  ctx: ResourceContext,
  target: AttachmentId,
  pn: PrivateNetwork,
): Promise<IpamIp[]> {
  if (pn.ipamIds.length === 0) return [];
  return ctx.api.listAllIpamIps({
    region: regionOf(target.zone),
    resourceId: target.lbId,
    resourceType: "lb_server",
    privateNetworkId: target.privateNetworkId,
  });
}

/** The API's answer in the provider's shape; what the API leaves unset is an explicit null. */
export function attachmentProps(zone: string, pn: PrivateNetwork, ips: readonly IpamIp[]): Props {
  const region = regionOf(zone);
  return {
    ...propsFrom(privateNetworkDefinition, pn, zone),
    privateIps: pn.ipamIds.map((id) => ({
      id: `${region}/${id}`,
      ipAddress: addressOf(ips.find((ip) => ip.id === id)),
    })),
  };
}

/** `172.16.32.7/22` → `172.16.32.7`; null when IPAM does not (yet) list the IP for the LB. */
export function addressOf(ip: IpamIp | undefined): string | null {
  return ip ? (ip.address.split("/")[0] ?? null) : null;
}
