/**
 * Stored objects of the two regional APIs an LB attachment touches: VPC v2 (VPCs, private networks
 * and their subnets) and IPAM (private IPs booked in those subnets). camelCase here; `wire/vpc.ts`
 * and `wire/ipam.ts` produce the snake_case forms.
 */

export interface VpcRecord {
  id: string;
  region: string;
  seq: number;
  name: string;
  projectId: string;
  organizationId: string;
  tags: string[];
  /** The project's default VPC of the region, made on the first private network created without `vpc_id`. */
  isDefault: boolean;
  transitivityEnabled: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface SubnetRecord {
  id: string;
  /** CIDR block, e.g. `172.16.32.0/22` or `fd5f:519c:6d46:1347::/64`. */
  subnet: string;
  createdAt: string;
  updatedAt: string;
}

export interface VpcPrivateNetworkRecord {
  id: string;
  region: string;
  seq: number;
  name: string;
  projectId: string;
  organizationId: string;
  tags: string[];
  vpcId: string;
  /** One IPv4 and one IPv6 subnet, as the recordings show for every private network. */
  subnets: SubnetRecord[];
  defaultRoutePropagationEnabled: boolean;
  createdAt: string;
  updatedAt: string;
}

/** What an IPAM IP is bound to; `attachment` is the LB attachment key (`<lb id>/<pn id>`). */
export interface IpamResourceRecord {
  id: string;
  type: "lb_server";
  name: string;
  macAddress: string;
  attachment: string;
}

export interface IpamIpRecord {
  id: string;
  region: string;
  seq: number;
  /** Host address without prefix length (`172.16.32.7`). */
  address: string;
  /** Prefix length of the subnet it was booked in (`22`). */
  prefixLength: number;
  isIpv6: boolean;
  subnetId: string;
  privateNetworkId: string;
  vpcId: string;
  projectId: string;
  tags: string[];
  resource: IpamResourceRecord | null;
  /** Booked by an LB attachment itself (no IPAM id given): released when the attachment goes. */
  bookedByAttachment: boolean;
  createdAt: string;
  updatedAt: string;
}
