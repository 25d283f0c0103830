/**
 * The filters of plural lookups. The row's list call passes each one the API knows on; `keep`
 * applies what the API lacks (every tag present, an address inside a CIDR range).
 */
import { nameFilterArg, tagsArg } from "./args";
import type { ListFilter } from "./kind";
import { hasAllTags, inCidr } from "./match";

/** The API's own name filter (names containing the text). */
export const nameFilter: ListFilter<unknown> = { arg: "name", label: "name", spec: nameFilterArg };

/** All tags present: the API's `tags` filter matches any one of them. */
export const tagsFilter: ListFilter<{ readonly tags: readonly string[] }> = {
  arg: "tags",
  label: "tags",
  spec: tagsArg,
  keep: (item, q) => hasAllTags(item.tags, q.strs("tags")),
};

/** The API's address family filter (`ip_type`). */
export const ipFamilyFilter: ListFilter<unknown> = {
  arg: "ipType",
  label: "family",
  detail: " (IPv4/IPv6)",
  spec: () => ({
    type: "string",
    enum: ["ipv4", "ipv6"],
    description: "Only IPv4 (`ipv4`) or only IPv6 (`ipv6`) addresses. Default: both.",
  }),
};

/** Addresses inside a CIDR range, checked here: the API has no such filter. */
export const cidrFilter: ListFilter<{ readonly ipAddress: string }> = {
  arg: "ipCidrRange",
  label: "CIDR range",
  spec: () => ({
    type: "string",
    format: "cidr",
    description:
      "Only addresses inside this CIDR range, e.g. `51.158.0.0/16` or `2001:bc8::/32`. Default: any address.",
  }),
  keep: (item, q) => {
    const cidr = q.str("ipCidrRange");
    return cidr === undefined || inCidr(item.ipAddress, cidr);
  },
};
