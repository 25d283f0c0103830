/**
 * IP addresses and subnets compared the way the network sees them: IPv6 in its RFC 5952 form
 * (lower-case, leading zeros dropped, the longest zero run compressed), and a full-length prefix
 * (`/32`, `/128`) equal to the bare address.
 */
import { isIPv4, isIPv6 } from "node:net";

/** The canonical text of an IPv4 or IPv6 address, or undefined when it is not one. */
export function canonicalIp(text: string): string | undefined {
  if (isIPv4(text)) return text;
  if (!isIPv6(text) || text.includes("%")) return undefined;
  return compressIpv6(expandIpv6(text.toLowerCase()));
}

/** The canonical text of an address or a CIDR subnet (`10.0.0.0/8`); a full-length prefix is dropped. */
export function canonicalCidr(text: string): string | undefined {
  const slash = text.indexOf("/");
  if (slash < 0) return canonicalIp(text);
  const address = canonicalIp(text.slice(0, slash));
  const prefixText = text.slice(slash + 1);
  if (address === undefined || !/^\d{1,3}$/.test(prefixText)) return undefined;
  const prefix = Number(prefixText);
  const bits = address.includes(":") ? 128 : 32;
  if (prefix > bits) return undefined;
  return prefix === bits ? address : `${address}/${prefix}`;
}

function expandIpv6(text: string): number[] {
  // An embedded IPv4 tail (::ffff:192.0.2.1) is rewritten as its two hex groups first.
  const lastColon = text.lastIndexOf(":");
  const tail = text.slice(lastColon + 1);
  let full = text;
  if (tail.includes(".")) {
    const [a = 0, b = 0, c = 0, d = 0] = tail.split(".").map(Number);
    full = `${text.slice(0, lastColon + 1)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const parse = (part: string): number[] =>
    part === "" ? [] : part.split(":").map((g) => Number.parseInt(g, 16));
  const doubleColon = full.indexOf("::");
  if (doubleColon < 0) return parse(full);
  const left = parse(full.slice(0, doubleColon));
  const right = parse(full.slice(doubleColon + 2));
  return [...left, ...new Array<number>(8 - left.length - right.length).fill(0), ...right];
}

function compressIpv6(groups: number[]): string {
  // Find the longest run (≥ 2) of zero groups; the first one wins a tie.
  let bestStart = -1;
  let bestLength = 1;
  for (let i = 0; i < groups.length; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < groups.length && groups[j] === 0) j++;
    if (j - i > bestLength) {
      bestStart = i;
      bestLength = j - i;
    }
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestStart < 0) return hex.join(":");
  const left = hex.slice(0, bestStart).join(":");
  const right = hex.slice(bestStart + bestLength).join(":");
  return `${left}::${right}`;
}
