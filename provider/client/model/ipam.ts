import type { PageRequest, Timestamp } from "./common";

/** What an IPAM IP is bound to (e.g. `lb_server`: a load balancer on a private network). */
export interface IpamResource {
  id: string;
  type: string;
  name: string | null;
  macAddress: string | null;
}

/** A private IP booked in IPAM (regional API `/ipam/v1/regions/{region}/ips`). */
export interface IpamIp {
  id: string;
  /** With the subnet's prefix length, as the API writes it: `172.16.32.7/22`. */
  address: string;
  isIpv6: boolean;
  projectId: string;
  region: string;
  resource: IpamResource | null;
  subnetId: string | null;
  tags: string[];
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

export interface ListIpamIpsRequest extends PageRequest {
  /** Region of the IPs; default: the region of the client's zone. */
  region?: string;
  orderBy?: "created_at_asc" | "created_at_desc" | "updated_at_asc" | "updated_at_desc";
  privateNetworkId?: string;
  resourceId?: string;
  resourceType?: string;
  resourceName?: string;
  isIpv6?: boolean;
}

export interface ListIpamIpsResponse {
  ips: IpamIp[];
  totalCount: number;
}
