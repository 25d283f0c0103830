/** LB private network attachment wire schemas and marshalling. */
import { z } from "zod";
import { type JsonObject, jsonObject } from "../json";
import {
  type AttachPrivateNetworkRequest,
  type ListLbPrivateNetworksResponse,
  PRIVATE_NETWORK_STATUSES,
  type PrivateNetwork,
} from "../model/private-network";
import { list, member, nullable, openEnum, timestamp } from "./common";
import { LbWire } from "./lb";

export const PrivateNetworkWire = z
  .looseObject({
    lb: LbWire,
    ipam_ids: list(z.string()),
    static_config: member(z.looseObject({ ip_address: list(z.string()) })),
    dhcp_config: member(z.looseObject({ ip_id: nullable(z.string()) })),
    ipam_config: member(z.looseObject({})),
    private_network_id: z.string(),
    status: openEnum(PRIVATE_NETWORK_STATUSES, "unknown"),
    created_at: timestamp,
    updated_at: timestamp,
  })
  .transform(
    (w): PrivateNetwork => ({
      lb: w.lb,
      ipamIds: w.ipam_ids,
      ...(w.static_config ? { staticConfig: { ipAddress: w.static_config.ip_address } } : {}),
      ...(w.dhcp_config ? { dhcpConfig: { ipId: w.dhcp_config.ip_id } } : {}),
      ...(w.ipam_config ? { ipamConfig: {} } : {}),
      privateNetworkId: w.private_network_id,
      status: w.status,
      createdAt: w.created_at,
      updatedAt: w.updated_at,
    }),
  );

export const ListLbPrivateNetworksResponseWire = z
  .looseObject({ private_network: list(PrivateNetworkWire), total_count: z.number() })
  .transform(
    (w): ListLbPrivateNetworksResponse => ({ privateNetwork: w.private_network, totalCount: w.total_count }),
  );

export function marshalAttachPrivateNetwork(req: AttachPrivateNetworkRequest): JsonObject {
  return jsonObject({
    private_network_id: req.privateNetworkId,
    ipam_ids: req.ipamIds,
    static_config: req.staticConfig ? { ip_address: req.staticConfig.ipAddress } : undefined,
    dhcp_config: req.dhcpConfig ? jsonObject({ ip_id: req.dhcpConfig.ipId }) : undefined,
    ipam_config: req.ipamConfig ? {} : undefined,
  });
}
