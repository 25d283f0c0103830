/**
 * The LoadBalancer's addresses beyond its flexible IPv4: the IPv6 flexible IP, and the private IPs
 * it holds on attached private networks. Those live in IPAM (the LB API gives only their ids), so
 * they cost one IPAM call — made only when the LB reports attachments (`private_network_count`).
 */
import type { IpamIp, Lb } from "../../client";
import { regionOf } from "../../core/zoned-id";
import type { ResourceContext } from "../context";
import type { Props } from "../operations";

/** The LB's IPAM IPs (booked for it as `lb_server`), or none without a call when it has no attachment. */
export async function lbPrivateIps(ctx: ResourceContext, zone: string, lb: Lb): Promise<IpamIp[]> {
  if (lb.privateNetworkCount === 0) return [];
  return ctx.api.listAllIpamIps({ region: regionOf(zone), resourceId: lb.id, resourceType: "lb_server" });
}

/** `ipv6Address` and `privateIps` as the API has them; unset is an explicit null / empty list. */
export function lbNetworkProps(zone: string, lb: Lb, ips: readonly IpamIp[]): Props {
  const region = regionOf(zone);
  return {
    ipv6Address: lb.ip.map((ip) => ip.ipAddress).find((a) => a.includes(":")) ?? null,
    privateIps: ips.map((ip) => ({
      id: `${region}/${ip.id}`,
      ipAddress: ip.address.split("/")[0] ?? ip.address,
    })),
  };
}
