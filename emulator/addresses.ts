/** Flexible IP addresses: allocation from Scaleway-looking ranges, and their default reverse DNS (§3.3). */
import { randomInt } from "node:crypto";
import type { Store } from "./store";
import { regionOf } from "./zones";

const IPV4_PREFIXES: readonly string[] = ["51.15", "51.158", "51.159", "163.172", "212.47", "62.210"];

function used(store: Store): Set<string> {
  return new Set(store.ips.values().map((ip) => ip.address));
}

export function allocateIpv4(store: Store): string {
  const taken = used(store);
  for (;;) {
    const prefix = IPV4_PREFIXES[randomInt(IPV4_PREFIXES.length)] ?? "51.15";
    const address = `${prefix}.${randomInt(256)}.${randomInt(1, 255)}`;
    if (!taken.has(address)) return address;
  }
}

/** A `/64` in Scaleway's 2001:bc8::/32, written the way the API does (`2001:bc8:710:7f9::`). */
export function allocateIpv6(store: Store): string {
  const taken = used(store);
  for (;;) {
    const address = `2001:bc8:${(0x710 + randomInt(2)).toString(16)}:${randomInt(1, 0x10000).toString(16)}::`;
    if (!taken.has(address)) return address;
  }
}

function expandIpv6(address: string): string {
  const [head = "", tail = ""] = address.split("::");
  const left = head === "" ? [] : head.split(":");
  const right = tail === "" ? [] : tail.split(":");
  const missing = 8 - left.length - right.length;
  const groups = address.includes("::") ? [...left, ...Array<string>(missing).fill("0"), ...right] : left;
  return groups.map((g) => g.padStart(4, "0")).join("");
}

/** `51-158-70-159.lb.fr-par.scw.cloud`, or the nibble-reversed form for IPv6. */
export function defaultReverse(address: string, zone: string): string {
  const suffix = `lb.${regionOf(zone)}.scw.cloud`;
  if (!address.includes(":")) return `${address.replaceAll(".", "-")}.${suffix}`;
  return `${[...expandIpv6(address)].reverse().join(".")}.${suffix}`;
}
