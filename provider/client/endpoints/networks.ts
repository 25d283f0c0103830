/**
 * LB private network attachments (reference §2 #52–54), and the one call of the regional IPAM
 * API the resources need: the private IPs booked for an LB (`resource_id` +
 * `resource_type=lb_server`), where an attachment's address lives (the LB API only gives ids).
 */
import { endpoint, listing } from "../endpoint";
import { listOf, noContent } from "../schemas/common";
import { IpamIpSchema, ListIpamIpsQuery } from "../schemas/ipam";
import {
  AttachPrivateNetworkBody,
  DetachPrivateNetworkBody,
  ListLbPrivateNetworksQuery,
  type PrivateNetwork,
  PrivateNetworkSchema,
} from "../schemas/private-network";

export const listLbPrivateNetworks = listing(
  "listLbPrivateNetworks",
  "/lbs/{lb_id}/private-networks",
  ListLbPrivateNetworksQuery,
  "private_network",
  PrivateNetworkSchema,
  (pn: PrivateNetwork) => pn.privateNetworkId,
);
/** A lost answer is resolved by listing the LB's attachments. */
export const attachPrivateNetwork = endpoint(
  "attachPrivateNetwork",
  "POST /lbs/{lb_id}/attach-private-network",
  {
    body: AttachPrivateNetworkBody,
    response: PrivateNetworkSchema,
    reconcile:
      ({ req: { lbId, privateNetworkId }, zone, listAll }) =>
      async (inner) => {
        const attached = await listAll(listLbPrivateNetworks, { zone, lbId }, inner);
        return attached.find((pn) => pn.privateNetworkId === privateNetworkId) ?? null;
      },
  },
);
/** Re-sent after a lost answer (a second detach changes nothing); a 404 then means done. */
export const detachPrivateNetwork = endpoint(
  "detachPrivateNetwork",
  "POST /lbs/{lb_id}/detach-private-network",
  {
    body: DetachPrivateNetworkBody,
    response: noContent,
    safety: "idempotent",
    notFoundMeansDone: true,
  },
);

export const listIpamIps = endpoint("listIpamIps", "GET /ips", {
  scope: "region",
  query: ListIpamIpsQuery,
  response: listOf("ips", IpamIpSchema),
  items: "ips",
});
