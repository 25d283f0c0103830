/**
 * Picking the answer of a lookup from what the API returned: exactly one object for the singular
 * lookups ("not found" and "more than one" are errors naming the search), and the client-side
 * filters the API lacks (all tags present, an address inside a CIDR range).
 */
import { BlockList, isIPv6 } from "node:net";
import { isNotFoundError } from "../client";
import { LookupError } from "./errors";
import type { Query } from "./query";

/** The result of a GET by id; a 404 becomes a "not found" naming the search. */
export async function byId<T>(query: Query, noun: string, get: () => Promise<T>): Promise<T> {
  try {
    return await get();
  } catch (error) {
    if (isNotFoundError(error)) throw notFound(query, noun);
    throw error;
  }
}

export function notFound(query: Query, noun: string): LookupError {
  return new LookupError("not_found", query.fn, `no ${noun} found (searched: ${query.searched})`);
}

/** The one match, or an error listing the candidates and how to pick one. */
export function single<T>(
  query: Query,
  noun: string,
  matches: readonly T[],
  describe: (item: T) => string,
  pickBy: string,
): T {
  const [first, ...rest] = matches;
  if (first === undefined) throw notFound(query, noun);
  if (rest.length > 0) {
    throw new LookupError(
      "ambiguous",
      query.fn,
      `${matches.length} objects match, expected one ${noun} (searched: ${query.searched}): ${matches.map(describe).join(", ")}; give ${pickBy} to pick one`,
    );
  }
  return first;
}

/** Every wanted tag is present (the API's own `tags` filter matches any one of them). */
export function hasAllTags(tags: readonly string[], wanted: readonly string[] | undefined): boolean {
  return !wanted || wanted.every((t) => tags.includes(t));
}

/** Whether an address lies inside a CIDR range (`10.0.0.0/8`, `2001:db8::/32`, or one address). */
export function inCidr(address: string, cidr: string): boolean {
  const slash = cidr.indexOf("/");
  const network = slash < 0 ? cidr : cidr.slice(0, slash);
  const family = isIPv6(network) ? "ipv6" : "ipv4";
  if (isIPv6(address) !== (family === "ipv6")) return false;
  const prefix = slash < 0 ? (family === "ipv6" ? 128 : 32) : Number(cidr.slice(slash + 1));
  const block = new BlockList();
  block.addSubnet(network, prefix, family);
  return block.check(address, family);
}
