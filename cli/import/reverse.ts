/**
 * Scaleway gives every flexible IP a reverse DNS name of its own (`51-158-70-159.lb.fr-par.scw.cloud`,
 * or the nibble form for IPv6). The import writes `reverse` only when it was changed from that:
 * the provider treats an absent reverse as "whatever the server chose".
 */
import { isIP } from "node:net";
import { regionOf } from "../../provider/core/zoned-id";

export function isDefaultReverse(reverse: string, address: string, zone: string): boolean {
  const suffix = `.lb.${regionOf(zone)}.scw.cloud`;
  const name = reverse.toLowerCase().replace(/\.$/, "");
  if (!name.endsWith(suffix)) return false;
  const head = name.slice(0, -suffix.length);
  if (isIP(address) === 4) return head === address.replaceAll(".", "-");
  if (isIP(address) === 6) return head === [...expandIpv6(address)].reverse().join(".");
  return false;
}

/** The 32 hex digits of an IPv6 address. */
function expandIpv6(address: string): string {
  const [head = "", tail = ""] = address.toLowerCase().split("::");
  const left = head === "" ? [] : head.split(":");
  const right = tail === "" ? [] : tail.split(":");
  const groups = address.includes("::")
    ? [...left, ...Array<string>(8 - left.length - right.length).fill("0"), ...right]
    : left;
  return groups.map((g) => g.padStart(4, "0")).join("");
}
