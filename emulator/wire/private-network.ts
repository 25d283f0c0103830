/**
 * `PrivateNetwork` attachment (§3.10): `static_config` for legacy static attachments, otherwise
 * `dhcp_config` with the first IPAM id (observed 2023–2026); `ipam_config` is never emitted.
 */
import type { PrivateNetworkRecord } from "../records";
import type { Store } from "../store";
import type { JsonObject } from "./json";
import { renderParentLb } from "./lb";

export function renderPrivateNetwork(
  store: Store,
  pn: PrivateNetworkRecord,
  lbInstances: boolean,
): JsonObject {
  const config: JsonObject =
    pn.staticAddresses === null
      ? { dhcp_config: { ip_id: pn.dhcpIpId } }
      : { static_config: { ip_address: [...pn.staticAddresses] } };
  return {
    created_at: pn.createdAt,
    ...config,
    ipam_ids: [...pn.ipamIds],
    lb: renderParentLb(store, pn.lbId, lbInstances),
    private_network_id: pn.privateNetworkId,
    status: pn.status,
    updated_at: pn.updatedAt,
  };
}
