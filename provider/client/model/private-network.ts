import type { PageRequest, Timestamp, ZonedRequest } from "./common";
import type { Lb } from "./lb";

export const PRIVATE_NETWORK_STATUSES = ["unknown", "ready", "pending", "error"] as const;
export type PrivateNetworkStatus = (typeof PRIVATE_NETWORK_STATUSES)[number];

export interface PrivateNetworkStaticConfig {
  ipAddress: string[];
}

export interface PrivateNetworkDhcpConfig {
  ipId: string | null;
}

/** An LB's attachment to a VPC private network. */
export interface PrivateNetwork {
  lb: Lb;
  ipamIds: string[];
  /** Deprecated one-of: at most one of the three configs is present. */
  staticConfig?: PrivateNetworkStaticConfig;
  dhcpConfig?: PrivateNetworkDhcpConfig;
  ipamConfig?: Record<string, never>;
  privateNetworkId: string;
  status: PrivateNetworkStatus;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

export interface AttachPrivateNetworkRequest extends ZonedRequest {
  lbId: string;
  privateNetworkId: string;
  /** IPAM ids to use on this network (at most one IPv4 today). */
  ipamIds?: string[];
  /** Deprecated one-of. */
  staticConfig?: PrivateNetworkStaticConfig;
  dhcpConfig?: { ipId?: string | null };
  ipamConfig?: Record<string, never>;
}

export interface DetachPrivateNetworkRequest extends ZonedRequest {
  lbId: string;
  privateNetworkId: string;
}

export type ListPrivateNetworksRequestOrderBy = "created_at_asc" | "created_at_desc";

export interface ListLbPrivateNetworksRequest extends ZonedRequest, PageRequest {
  lbId: string;
  orderBy?: ListPrivateNetworksRequestOrderBy;
}

/** The API's items key is singular: `private_network`. */
export interface ListLbPrivateNetworksResponse {
  privateNetwork: PrivateNetwork[];
  totalCount: number;
}
