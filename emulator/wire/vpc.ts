/** VPC v2 `VPC` and `PrivateNetwork` objects, keys and order as the recordings show them. */
import type { Store } from "../store";
import type { VpcPrivateNetworkRecord, VpcRecord } from "../vpc-records";
import type { JsonObject } from "./json";

export function renderVpc(store: Store, vpc: VpcRecord): JsonObject {
  return {
    created_at: vpc.createdAt,
    // Both are always on in VPC v2, whatever the create request asked (recorded).
    custom_routes_propagation_enabled: true,
    id: vpc.id,
    is_default: vpc.isDefault,
    name: vpc.name,
    organization_id: vpc.organizationId,
    private_network_count: store.vpcPrivateNetworks.count("vpc", vpc.id),
    project_id: vpc.projectId,
    region: vpc.region,
    routing_enabled: true,
    tags: [...vpc.tags],
    transitivity_enabled: vpc.transitivityEnabled,
    updated_at: vpc.updatedAt,
  };
}

export function renderVpcPrivateNetwork(pn: VpcPrivateNetworkRecord): JsonObject {
  return {
    created_at: pn.createdAt,
    default_route_propagation_enabled: pn.defaultRoutePropagationEnabled,
    dhcp_enabled: true,
    id: pn.id,
    name: pn.name,
    organization_id: pn.organizationId,
    project_id: pn.projectId,
    region: pn.region,
    subnets: pn.subnets.map((s) => ({
      created_at: s.createdAt,
      id: s.id,
      private_network_id: pn.id,
      project_id: pn.projectId,
      region: pn.region,
      subnet: s.subnet,
      updated_at: s.updatedAt,
      vpc_id: pn.vpcId,
    })),
    tags: [...pn.tags],
    updated_at: pn.updatedAt,
    vpc_id: pn.vpcId,
  };
}
