/** LoadBalancer: the load balancer itself; frontends, backends and certificates hang off it. */
// A value from its own module, not the client's index: the index loads the HTTP client, which
// runtime.ts loads only when an API call is due (check, diff and previews never need it).
import { SSL_COMPATIBILITY_LEVELS } from "../../client/schemas/lb";
import { defineResource } from "../../core/infer";
import type { Json } from "../../core/property";
import { isUnknown, UNKNOWN } from "../../core/unknown";
import { importIdInput, nameInput, projectIdInput, tagsInput, timestampOutputs, zoneInput } from "../common";
import { except } from "../enums";

/** The offers (the API lists them at /lb-types; these are the ones documented and accepted). */
export const LB_TYPES = ["lb-s", "lb-gp-m", "lb-gp-l", "lb-gp-xl"] as const;

/** The addresses of the answered `ip` list (the LB's flexible IPs). */
function addresses(ips: unknown): string[] {
  return Array.isArray(ips) ? ips.map((ip) => String((ip as { ipAddress?: unknown }).ipAddress)) : [];
}

export const loadBalancerDefinition = defineResource({
  kind: "LoadBalancer",
  description:
    "A Scaleway Load Balancer. Create waits until it is `ready`; a change of `type` migrates it in place (same id), and so does adding an IP; removing or swapping an IP replaces it.",
  autoName: true,
  // The API attaches an IP to one load balancer at a time: a replacement that keeps one of the
  // old load balancer's IPs must free it first (reference §4.2: "IP … is already attached").
  deleteBeforeReplace: { sharing: ["ipIds"] },
  inputs: {
    zone: zoneInput,
    projectId: projectIdInput,
    name: nameInput("load balancer", "lb"),
    description: {
      type: "string",
      // emulator/handlers/lbs.ts: `description` ≤ 1024 characters.
      maxLength: 1024,
      default: "",
      policy: { update: "lb" },
      description: "Free-form description. Default: empty.",
    },
    type: {
      type: "string",
      enum: LB_TYPES,
      lowercase: true,
      default: "lb-s",
      policy: { update: "migrate" },
      // The API answers upper case (e.g. `LB-S`).
      api: { read: (v) => (typeof v === "string" ? v.toLowerCase() : v) },
      description:
        "The offer: `LB-S`, `LB-GP-M`, `LB-GP-L` or `LB-GP-XL` (case-insensitive; stored lower-case as the API does). Default: `LB-S`. A change migrates the load balancer in place.",
    },
    tags: tagsInput("lb"),
    sslCompatibilityLevel: {
      type: "string",
      enum: except(SSL_COMPATIBILITY_LEVELS, "ssl_compatibility_level_unknown"),
      default: "ssl_compatibility_level_intermediate",
      policy: { update: "lb" },
      description:
        "TLS versions and ciphers offered to clients: `ssl_compatibility_level_intermediate` (recommended), `ssl_compatibility_level_modern` (TLS 1.3 only) or `ssl_compatibility_level_old` (legacy clients). Default: intermediate.",
    },
    ipIds: {
      type: "array",
      items: { type: "string", format: "id", description: "An Ip id." },
      // Reference §3.2: "0, 1 or 2: one IPv4 + optional IPv6".
      maxItems: 2,
      computed: true,
      api: {
        from: "ip",
        read: (ips) => (Array.isArray(ips) ? ips.map((ip) => (ip as { id?: unknown }).id) : ips),
      },
      // Reference §4.2/§5: an IP is attached to a running LB with `PATCH /ips/{id}` `lb_id`; no
      // call detaches one (`lb_id: null` means "unchanged"), so removing or swapping one replaces.
      policy: { add: "ips" },
      description:
        "Existing flexible IPs to attach (at most one IPv4 and one IPv6), typically `[ip.id]`. IPs given here are never released by this resource. Default: none (see `assignFlexibleIp`). Adding an IP attaches it in place (same load balancer, no downtime); removing or swapping one replaces the load balancer (see the README).",
    },
    assignFlexibleIp: {
      type: "boolean",
      // Turning it on means ipIds was emptied (check allows no other way): an IP to drop, which
      // the API cannot do in place.
      policy: "replace",
      createOnly: true,
      description:
        "Allocate a new IPv4 flexible IP for the load balancer. Default: true when `ipIds` is empty, false otherwise. false with no `ipIds` makes a private load balancer (give it an address later by adding an Ip to `ipIds`: in place). Changing it replaces the load balancer.",
    },
    assignFlexibleIpv6: {
      type: "boolean",
      default: false,
      policy: { add: "ips" },
      createOnly: true,
      description:
        "Also allocate a new IPv6 flexible IP. Default: false. Turning it on allocates and attaches an IPv6 in place; turning it off replaces the load balancer.",
    },
    releaseIp: {
      type: "boolean",
      default: false,
      policy: "local",
      description:
        "On delete, also release the IPs the load balancer allocated itself (`assignFlexibleIp`/`assignFlexibleIpv6`). IPs given in `ipIds` are never released. Default: false (the IPs are kept, detached).",
    },
    importId: importIdInput,
  },
  outputs: {
    status: { type: "string", description: "Lifecycle status reported by the API (e.g. `ready`)." },
    ipAddress: {
      type: "string",
      description: "The first IPv4 address of the load balancer, or empty.",
      api: { from: "ip", read: (ips) => addresses(ips).find((a) => !a.includes(":")) ?? "" },
    },
    ipAddresses: {
      type: "stringArray",
      description: "All addresses of the load balancer.",
      api: { from: "ip", read: addresses },
    },
    ipv6Address: {
      type: "string",
      // With privateIps: private-ips.ts (the private ones cost an IPAM call).
      api: { byKind: true },
      description: "The IPv6 flexible IP address of the load balancer, or null when it has none.",
    },
    privateIps: {
      type: "objectArray",
      api: { byKind: true },
      description:
        "The load balancer's private IPs on its attached private networks (see `PrivateNetwork`), as IPAM has them: `[{ id, ipAddress }]` (`id` the regional IPAM id, `ipAddress` without prefix length). Read on create, update and refresh: an attachment made later shows after the next refresh.",
    },
    organizationId: { type: "string", description: "The owning organization." },
    region: { type: "string", description: "The region of the zone (e.g. `fr-par`)." },
    ...timestampOutputs,
  },
  complete: (inputs) => {
    const out: Record<string, Json> = { ...inputs };
    if (out.assignFlexibleIp === undefined) {
      const ids = out.ipIds;
      // Unknown ids (preview) leave the default unknown too, so it cannot force a replacement.
      out.assignFlexibleIp = isUnknown(ids) ? UNKNOWN : !(Array.isArray(ids) && ids.length > 0);
    }
    // A private load balancer has no IP at all: said explicitly, so that dropping the IPs of one
    // that had some is a change (an absent ipIds would be the server's to decide).
    if (out.assignFlexibleIp === false && out.ipIds === undefined) out.ipIds = [];
    return out;
  },
  validate: (inputs) => {
    const ids = inputs.ipIds;
    if (!Array.isArray(ids) || ids.length === 0) return [];
    const failures = [];
    if (inputs.assignFlexibleIp === true) {
      failures.push({
        property: "assignFlexibleIp",
        reason: "cannot be true together with ipIds: give every IP of the load balancer in ipIds, or none",
      });
    }
    if (inputs.assignFlexibleIpv6 === true) {
      failures.push({
        property: "assignFlexibleIpv6",
        reason:
          "cannot be true together with ipIds: declare the IPv6 as an Ip resource (isIpv6: true) and add it to ipIds",
      });
    }
    return failures;
  },
});
