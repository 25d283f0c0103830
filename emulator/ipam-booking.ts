/**
 * Private addressing: subnets for new private networks, free host addresses in a subnet, and the
 * IPAM side of an LB attachment — IPs bound to the LB while attached, the IP the LB books itself
 * when attached without IPAM ids (released with the attachment), user-booked IPs unbound on detach.
 */
import { randomInt } from "node:crypto";
import { timestamp } from "./clock";
import { newId } from "./ids";
import type { LbRecord, PrivateNetworkRecord } from "./records";
import type { Store } from "./store";
import type { IpamIpRecord, SubnetRecord, VpcPrivateNetworkRecord } from "./vpc-records";

function v4ToInt(address: string): number {
  return address.split(".").reduce((n, part) => n * 256 + Number(part), 0);
}

function intToV4(n: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(n / 2 ** shift) % 256).join(".");
}

export function splitCidr(cidr: string): { address: string; prefix: number } {
  const [address = "", prefix = "32"] = cidr.split("/");
  return { address, prefix: Number(prefix) };
}

/** Whether an IPv4 address lies inside an IPv4 CIDR block. */
export function inV4Subnet(address: string, cidr: string): boolean {
  const { address: base, prefix } = splitCidr(cidr);
  if (base.includes(":") || address.includes(":")) return false;
  const size = 2 ** (32 - prefix);
  const start = Math.floor(v4ToInt(base) / size) * size;
  const value = v4ToInt(address);
  return value >= start && value < start + size;
}

/** A `/22` in 172.16.0.0/12 not used by the VPC yet, and a `/64` ULA, as new private networks get. */
export function newSubnets(store: Store, vpcId: string, ipv4?: readonly string[]): SubnetRecord[] {
  const now = timestamp();
  const taken = new Set(
    store.vpcPrivateNetworks.where("vpc", vpcId).flatMap((pn) => pn.subnets.map((s) => s.subnet)),
  );
  let v4 = ipv4 ? [...ipv4] : [];
  while (v4.length === 0) {
    const candidate = `172.${16 + randomInt(16)}.${randomInt(64) * 4}.0/22`;
    if (!taken.has(candidate)) v4 = [candidate];
  }
  const v6 = `fd5f:519c:6d46:${randomInt(0x10000).toString(16)}::/64`;
  return [...v4, v6].map((subnet) => ({ id: newId(), subnet, createdAt: now, updatedAt: now }));
}

export function ipv4Subnet(pn: VpcPrivateNetworkRecord): SubnetRecord | undefined {
  return pn.subnets.find((s) => !s.subnet.includes(":"));
}

/** The first free host address of an IPv4 subnet (`.1` is the gateway, as on Scaleway). */
export function freeV4Address(store: Store, subnet: SubnetRecord): string | undefined {
  const { address, prefix } = splitCidr(subnet.subnet);
  const size = 2 ** (32 - prefix);
  const start = Math.floor(v4ToInt(address) / size) * size;
  const used = new Set(
    store.ipamIps
      .values()
      .filter((ip) => ip.subnetId === subnet.id)
      .map((ip) => ip.address),
  );
  for (let host = start + 2; host < start + size - 1; host += 1) {
    const candidate = intToV4(host);
    if (!used.has(candidate)) return candidate;
  }
  return undefined;
}

/** A random host of an IPv6 `/64`. */
export function freeV6Address(store: Store, subnet: SubnetRecord): string {
  const base = splitCidr(subnet.subnet).address.replace(/::$/, "");
  const used = new Set(store.ipamIps.values().map((ip) => ip.address));
  for (;;) {
    const groups = Array.from({ length: 4 }, () => randomInt(0x10000).toString(16));
    const candidate = `${base}:${groups.join(":")}`;
    if (!used.has(candidate)) return candidate;
  }
}

function macAddress(): string {
  const bytes = Array.from({ length: 3 }, () => randomInt(256).toString(16).padStart(2, "0").toUpperCase());
  return `02:00:00:${bytes.join(":")}`;
}

/**
 * The attachment became ready: its IPAM IPs are bound to the LB; without any, the LB books the
 * first free address of the network's IPv4 subnet (observed: `172.31.216.2/22`).
 */
export function bindAttachmentIps(store: Store, pn: PrivateNetworkRecord): void {
  if (pn.staticAddresses !== null) return;
  const lb = store.lbs.get(pn.lbId);
  const network = store.vpcPrivateNetworks.get(pn.privateNetworkId);
  if (pn.ipamIds.length === 0 && network && lb) {
    const booked = bookIp(store, network, lb);
    if (booked) {
      pn.ipamIds = [booked.id];
      pn.dhcpIpId ??= booked.id;
    }
  }
  const mac = macAddress();
  for (const id of pn.ipamIds) {
    const ip = store.ipamIps.get(id);
    if (!ip || !lb) continue;
    ip.resource = { id: lb.id, type: "lb_server", name: lb.name, macAddress: mac, attachment: pn.key };
    ip.updatedAt = timestamp();
  }
}

function bookIp(store: Store, network: VpcPrivateNetworkRecord, lb: LbRecord): IpamIpRecord | undefined {
  const subnet = ipv4Subnet(network);
  const address = subnet && freeV4Address(store, subnet);
  if (!subnet || !address) return undefined;
  const now = timestamp();
  const ip: IpamIpRecord = {
    id: newId(),
    region: network.region,
    seq: store.nextSeq(),
    address,
    prefixLength: splitCidr(subnet.subnet).prefix,
    isIpv6: false,
    subnetId: subnet.id,
    privateNetworkId: network.id,
    vpcId: network.vpcId,
    projectId: lb.projectId,
    tags: [],
    resource: null,
    bookedByAttachment: true,
    createdAt: now,
    updatedAt: now,
  };
  store.ipamIps.put(ip);
  return ip;
}

/**
 * A static attachment whose address lies outside the network's IPv4 subnet cannot work: it ends in
 * `error` (not recorded; the Terraform provider's handling of `error` says "please check your config").
 */
export function staticOutsideNetwork(store: Store, pn: PrivateNetworkRecord): boolean {
  const network = store.vpcPrivateNetworks.get(pn.privateNetworkId);
  const subnet = network && ipv4Subnet(network);
  if (!subnet || pn.staticAddresses === null) return false;
  return pn.staticAddresses.some((a) => !inV4Subnet(splitCidr(a).address, subnet.subnet));
}

/** The attachment is gone: IPs it booked are released, IPs booked in IPAM are unbound and kept. */
export function releaseAttachmentIps(store: Store, attachmentKey: string): void {
  for (const ip of store.ipamIps.values()) {
    if (ip.resource?.attachment !== attachmentKey) continue;
    if (ip.bookedByAttachment) {
      store.ipamIps.delete(ip.id);
    } else {
      ip.resource = null;
      ip.updatedAt = timestamp();
    }
  }
}
