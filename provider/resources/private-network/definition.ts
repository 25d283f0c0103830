/**
 * PrivateNetwork: the attachment of a load balancer to a VPC private network (the API's
 * `PrivateNetwork` object, Terraform's `scaleway_lb_private_network`, the `privateNetworks` blocks
 * of Pulumi Scaleway's LoadBalancer). It is not the private network itself, which belongs to the
 * VPC API: give its id (`scaleway.network.PrivateNetwork.id`, `"<region>/<uuid>"`).
 */
import { defineResource } from "../../core/infer";
import type { ApiWhere, CheckFailure, Json, StringProp } from "../../core/property";
import { isUnknown } from "../../core/unknown";
import { regionOf } from "../../core/zoned-id";
import { parentIdInput, timestampOutputs, zoneInput } from "../common";

const UUID = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";
const REGIONS = ["fr-par", "nl-ams", "pl-waw"] as const;

/** `"<region>/<uuid>"` or a bare UUID (then in the region of the load balancer's zone). */
const regionalId = (description: string): StringProp => ({
  type: "string",
  pattern: {
    regex: new RegExp(`^(?:(?:${REGIONS.join("|")})/)?${UUID}$`),
    description: `a regional id "<region>/<uuid>" (region one of ${REGIONS.join(", ")}) or a bare UUID`,
  },
  description,
});

/** The API gives bare UUIDs; state keeps them regional, in the region of the attachment's zone. */
const regional = (uuid: unknown, { zone }: ApiWhere): unknown =>
  typeof uuid === "string" ? `${regionOf(zone)}/${uuid}` : uuid;

export const privateNetworkDefinition = defineResource({
  kind: "PrivateNetwork",
  description:
    "Attaches a load balancer to a VPC private network: the attachment, not the network (create the network with the VPC API, e.g. Pulumi Scaleway's `scaleway.network.PrivateNetwork`). The load balancer gets a private IP on the network — the IPAM IP given in `ipamIds`, or one booked for it — and reaches backend servers by their private addresses. Create waits until the attachment is `ready`; delete detaches and waits until it is gone. Any change re-attaches (detach, then attach).",
  parent: "lbId",
  deleteBeforeReplace: true,
  inputs: {
    lbId: { ...parentIdInput("load balancer"), api: { from: "lb.id" } },
    zone: zoneInput,
    privateNetworkId: {
      ...regionalId(
        'The private network to attach: its regional id (e.g. `pn.id`), `"<region>/<uuid>"`, in the region of the load balancer\'s zone. Changing it re-attaches.',
      ),
      required: true,
      policy: "replace",
      api: { read: regional },
    },
    ipamIds: {
      type: "array",
      items: regionalId("An IPAM IP id (`scaleway.ipam.Ip` id)."),
      maxItems: 1,
      computed: true,
      policy: "replace",
      api: { read: (ids, where) => (Array.isArray(ids) ? ids.map((id) => regional(id, where)) : ids) },
      description:
        "The IPAM IP (at most one IPv4 today) the load balancer takes on the network, booked beforehand in IPAM on that network. Default: none given — the load balancer books an address of the network's subnet itself (released when detached); state then shows its id. Changing it re-attaches.",
    },
    dhcpConfig: {
      type: "boolean",
      createOnly: true,
      policy: "replace",
      description:
        "Deprecated by the API (its `dhcp_config`), kept for programs written for the Scaleway providers: `true` attaches with an address from the network's DHCP/IPAM, which is what an attachment without `ipamIds` does anyway (sent as `dhcp_config: {}`). The API never reports it back. Cannot be combined with `ipamIds` or `staticConfig`. Default: not sent.",
    },
    staticConfig: {
      type: "string",
      format: "cidr",
      policy: "replace",
      // The API answers `static_config: { ip_address: [<address>] }`; none is an explicit null.
      api: {
        read: (config) => (config as { ipAddress?: readonly unknown[] } | undefined)?.ipAddress?.[0] ?? null,
      },
      description:
        "Deprecated by the API (its `static_config`): a fixed address for the load balancer on the network, e.g. `192.168.1.10` (CIDR form `192.168.1.10/24` accepted), not booked in IPAM. Prefer `ipamIds`. Cannot be combined with `ipamIds` or `dhcpConfig`. Default: none. Changing it re-attaches.",
    },
    importId: {
      type: "string",
      pattern: {
        regex: new RegExp(`^[a-z]{2}-[a-z]{3}-\\d/${UUID}/${UUID}$`),
        description: 'an attachment id "<zone>/<load balancer uuid>/<private network uuid>"',
      },
      policy: "local",
      description:
        'Adopt an existing attachment instead of attaching: `"<zone>/<load balancer uuid>/<private network uuid>"` (the id this resource gets). It is read and compared with the declared arguments; if any differ, the create fails listing them and nothing is changed. Once adopted it is managed like any other (a destroy detaches it).',
    },
  },
  outputs: {
    status: {
      type: "string",
      description: "Status of the attachment reported by the API: `ready` once created (`pending`, `error`).",
    },
    privateIps: {
      type: "objectArray",
      // Addresses from IPAM (the LB API gives only ids): operations.ts.
      api: { byKind: true },
      description:
        "The load balancer's private IPs on this network, as IPAM has them: `[{ id, ipAddress }]` (`id` the regional IPAM id, `ipAddress` without prefix length, e.g. `172.16.32.7`). Empty for a static attachment.",
    },
    ...timestampOutputs,
  },
  complete: (inputs) => {
    const region =
      typeof inputs.zone === "string" && !isUnknown(inputs.zone) ? regionOf(inputs.zone) : undefined;
    if (region === undefined) return inputs;
    const out: Record<string, Json> = { ...inputs };
    if (inputs.privateNetworkId !== undefined)
      out.privateNetworkId = withRegion(inputs.privateNetworkId, region);
    if (Array.isArray(inputs.ipamIds)) out.ipamIds = inputs.ipamIds.map((id) => withRegion(id, region));
    return out;
  },
  validate: (inputs) => {
    const failures: CheckFailure[] = [];
    const ipamIds = inputs.ipamIds;
    const hasIpam = isUnknown(ipamIds) || (Array.isArray(ipamIds) && ipamIds.length > 0);
    const set = [
      hasIpam ? "ipamIds" : undefined,
      inputs.dhcpConfig === true ? "dhcpConfig" : undefined,
      inputs.staticConfig !== undefined && inputs.staticConfig !== null ? "staticConfig" : undefined,
    ].filter((name) => name !== undefined);
    if (set.length > 1) {
      failures.push({
        property: set[1] ?? "staticConfig",
        reason: `accepts at most one of ipamIds, dhcpConfig, staticConfig (the API's attachment configurations); ${set.join(" and ")} are set`,
      });
    }
    const zone = inputs.zone;
    if (typeof zone !== "string" || isUnknown(zone)) return failures;
    const region = regionOf(zone);
    const ids: Array<[string, Json | undefined]> = [
      ["privateNetworkId", inputs.privateNetworkId],
      ...(Array.isArray(ipamIds) ? ipamIds.map((id, i): [string, Json] => [`ipamIds[${i}]`, id]) : []),
    ];
    for (const [property, value] of ids) {
      if (typeof value !== "string" || isUnknown(value)) continue;
      const given = value.split("/")[0];
      if (given !== region) {
        failures.push({
          property,
          reason: `"${value}" is in region ${given}, but the load balancer is in zone ${zone} (region ${region}): a load balancer can only attach private networks of its own region`,
        });
      }
    }
    return failures;
  },
});

/** `<region>/<uuid>`, lower-cased; a bare UUID takes the load balancer's region. */
function withRegion(value: Json, region: string): Json {
  if (typeof value !== "string" || isUnknown(value)) return value;
  return (value.includes("/") ? value : `${region}/${value}`).toLowerCase();
}
