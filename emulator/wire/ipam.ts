/** IPAM `IP` objects: the address carries its subnet's prefix length, `zone` is null for private IPs. */
import type { IpamIpRecord } from "../vpc-records";
import type { JsonObject } from "./json";

export function renderIpamIp(ip: IpamIpRecord): JsonObject {
  return {
    address: `${ip.address}/${ip.prefixLength}`,
    created_at: ip.createdAt,
    id: ip.id,
    is_ipv6: ip.isIpv6,
    project_id: ip.projectId,
    region: ip.region,
    resource: ip.resource
      ? {
          id: ip.resource.id,
          mac_address: ip.resource.macAddress,
          name: ip.resource.name,
          type: ip.resource.type,
        }
      : null,
    reverses: [],
    source: { subnet_id: ip.subnetId },
    tags: [...ip.tags],
    updated_at: ip.updatedAt,
    zone: null,
  };
}
