/** An LB's attachments to VPC private networks (reference §4.9). */
import { z } from "zod";
import type { Camelize } from "../casing";
import { DATE_ORDER, empty, list, member, nullable, openEnum, pageQuery, timestamp } from "./common";
import { LbSchema } from "./lb";

export const PRIVATE_NETWORK_STATUSES = ["unknown", "ready", "pending", "error"] as const;
export type PrivateNetworkStatus = (typeof PRIVATE_NETWORK_STATUSES)[number];

export const PrivateNetworkSchema = z.object({
  lb: LbSchema,
  ipam_ids: list(z.string()),
  /** Deprecated one-of: at most one of the three configs is present. */
  static_config: member(z.object({ ip_address: list(z.string()) })),
  dhcp_config: member(z.object({ ip_id: nullable(z.string()) })),
  ipam_config: member(empty),
  private_network_id: z.string(),
  status: openEnum(PRIVATE_NETWORK_STATUSES, "unknown"),
  created_at: timestamp,
  updated_at: timestamp,
});
export type PrivateNetwork = Camelize<z.output<typeof PrivateNetworkSchema>>;
export type PrivateNetworkStaticConfig = NonNullable<PrivateNetwork["staticConfig"]>;
export type PrivateNetworkDhcpConfig = NonNullable<PrivateNetwork["dhcpConfig"]>;

export const ListLbPrivateNetworksQuery = z.object({ order_by: z.enum(DATE_ORDER).optional(), ...pageQuery });

export const AttachPrivateNetworkBody = z.object({
  private_network_id: z.string(),
  /** IPAM ids to use on this network (at most one IPv4 today). */
  ipam_ids: z.array(z.string()).optional(),
  /** Deprecated one-of. */
  static_config: z.object({ ip_address: z.array(z.string()) }).optional(),
  dhcp_config: z.object({ ip_id: z.string().nullish() }).optional(),
  ipam_config: empty.optional(),
});

export const DetachPrivateNetworkBody = z.object({ private_network_id: z.string() });
