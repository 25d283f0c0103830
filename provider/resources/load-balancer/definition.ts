/** LoadBalancer: the load balancer itself; frontends, backends and certificates hang off it. */
import type { Json, ResourceDefinition } from "../../core/property";
import { isUnknown, UNKNOWN } from "../../core/unknown";
import { importIdInput, nameInput, projectIdInput, tagsInput, timestampOutputs, zoneInput } from "../common";

export const LB_TYPES = ["lb-s", "lb-gp-m", "lb-gp-l", "lb-gp-xl"] as const;

export const SSL_COMPATIBILITY_LEVELS = [
  "ssl_compatibility_level_intermediate",
  "ssl_compatibility_level_modern",
  "ssl_compatibility_level_old",
] as const;

export const loadBalancerDefinition: ResourceDefinition = {
  kind: "LoadBalancer",
  description:
    "A Scaleway Load Balancer. Create waits until it is `ready`; a change of `type` migrates it in place (same id).",
  autoName: true,
  inputs: {
    zone: zoneInput,
    projectId: projectIdInput,
    name: nameInput("load balancer", "lb"),
    description: {
      type: "string",
      maxLength: 255,
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
      description:
        "The offer: `LB-S`, `LB-GP-M`, `LB-GP-L` or `LB-GP-XL` (case-insensitive; stored lower-case as the API does). Default: `LB-S`. A change migrates the load balancer in place.",
    },
    tags: tagsInput("lb"),
    sslCompatibilityLevel: {
      type: "string",
      enum: SSL_COMPATIBILITY_LEVELS,
      default: "ssl_compatibility_level_intermediate",
      policy: { update: "lb" },
      description:
        "TLS versions and ciphers offered to clients: `ssl_compatibility_level_intermediate` (recommended), `ssl_compatibility_level_modern` (TLS 1.3 only) or `ssl_compatibility_level_old` (legacy clients). Default: intermediate.",
    },
    ipIds: {
      type: "array",
      items: { type: "string", format: "id", description: "An Ip id." },
      maxItems: 2,
      computed: true,
      policy: "replace",
      description:
        "Existing flexible IPs to attach (at most one IPv4 and one IPv6), typically `[ip.id]`. IPs given here are never released by this resource. Default: none (see `assignFlexibleIp`). Changing the list replaces the load balancer.",
    },
    assignFlexibleIp: {
      type: "boolean",
      policy: "replace",
      createOnly: true,
      description:
        "Allocate a new IPv4 flexible IP for the load balancer. Default: true when `ipIds` is empty, false otherwise. false with no `ipIds` makes a private load balancer. Changing it replaces the load balancer.",
    },
    assignFlexibleIpv6: {
      type: "boolean",
      default: false,
      policy: "replace",
      createOnly: true,
      description:
        "Also allocate a new IPv6 flexible IP. Default: false. Changing it replaces the load balancer.",
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
    ipAddress: { type: "string", description: "The first IPv4 address of the load balancer, or empty." },
    ipAddresses: { type: "stringArray", description: "All addresses of the load balancer." },
    ipv6Address: {
      type: "string",
      description: "The IPv6 flexible IP address of the load balancer, or null when it has none.",
    },
    privateIps: {
      type: "objectArray",
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
};
