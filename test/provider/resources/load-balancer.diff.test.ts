import { diffResource } from "../../../provider/core/diff";
import { UNKNOWN } from "../../../provider/core/unknown";
import { loadBalancerDefinition } from "../../../provider/resources/load-balancer/definition";
import { type Args, checked, describeDiffTable, rowBuilder, zoned } from "./support/diff-table";

const before: Args = { __resourceName: "edge", type: "LB-S", tags: ["web", "prod"] };
const { row, updates, replaced } = rowBuilder(before);
const lb = updates("lb");

describeDiffTable(loadBalancerDefinition, before, [
  replaced("zone", "nl-ams-1"),
  replaced("projectId", "99999999-2222-4333-8444-555555555555"),
  lb("name", "edge-2"),
  row("name", "unknown during preview", UNKNOWN, ["lb"]),
  lb("description", "public entry"),
  row("type", "LB-S → LB-GP-M: a migration", "LB-GP-M", ["migrate"]),
  row("type", "written lower-case: no change", "lb-s", []),
  lb("tags", ["web"]),
  row("tags", "reordered: a set, no change", ["prod", "web"], []),
  lb("sslCompatibilityLevel", "ssl_compatibility_level_modern"),
  // The allocated IPv4 cannot be detached: giving an Ip instead turns assignFlexibleIp off.
  row(
    "ipIds",
    "an existing IP instead of the allocated one: replaced",
    [zoned(5)],
    ["ips"],
    ["assignFlexibleIp"],
  ),
  row(
    "ipIds",
    "entirely unknown during preview: it may drop an IP, so replaced",
    UNKNOWN,
    [],
    ["assignFlexibleIp", "ipIds"],
  ),
  replaced("assignFlexibleIp", false),
  row("assignFlexibleIpv6", "turned on: an IPv6 allocated and attached in place", true, ["ips"]),
  row("releaseIp", "turned on: only recorded, no API call", true, [], [], true),
  row("importId", "set after creation: recorded, no API call", zoned(9), [], [], true),
]);

/** Diffs of a load balancer whose IPs are Ip resources (its outputs list them, as the API does). */
describe("LoadBalancer diff of its IPs", () => {
  /** Outputs of a load balancer created from `args`: its IPs, or an allocated one (zoned(90)). */
  const lbOf = (args: Args) => {
    const inputs = checked(loadBalancerDefinition, { __resourceName: "edge", ...args });
    const allocated = inputs.assignFlexibleIp === true ? [zoned(90)] : [];
    return (after: Args) =>
      diffResource(
        loadBalancerDefinition,
        { ...inputs, ipIds: (args.ipIds as string[] | undefined) ?? allocated },
        checked(loadBalancerDefinition, { __resourceName: "edge", ...after }, inputs),
      );
  };
  const v4 = zoned(1);
  const v6 = zoned(2);
  const inPlace = { replaces: [], endpoints: ["ips"], deleteBeforeReplace: false };

  it.each([
    ["an IPv6 added", { ipIds: [v4] }, { ipIds: [v4, v6] }, inPlace],
    ["an IPv6 being created (unknown id) added", { ipIds: [v4] }, { ipIds: [v4, UNKNOWN] }, inPlace],
    ["an IPv4 given to a private load balancer", { assignFlexibleIp: false }, { ipIds: [v4] }, inPlace],
    [
      "a private load balancer given an allocated IPv4: replaced",
      { assignFlexibleIp: false },
      {},
      { replaces: ["assignFlexibleIp"], deleteBeforeReplace: false },
    ],
    [
      "every Ip removed from a load balancer kept private: replaced",
      { ipIds: [v4], assignFlexibleIp: false },
      { assignFlexibleIp: false },
      { replaces: ["ipIds"], deleteBeforeReplace: false },
    ],
    ["an allocated IPv6 turned on", {}, { assignFlexibleIpv6: true }, inPlace],
    [
      "the IPv6 removed: replaced, deleting first since the new one keeps the IPv4",
      { ipIds: [v4, v6] },
      { ipIds: [v4] },
      { replaces: ["ipIds"], deleteBeforeReplace: true },
    ],
    [
      "the IPv4 swapped for another: replaced, creating first (no address shared)",
      { ipIds: [v4] },
      { ipIds: [zoned(3)] },
      { replaces: ["ipIds"], deleteBeforeReplace: false },
    ],
    [
      "the IPv4 swapped for one being created: replaced, creating first",
      { ipIds: [v4] },
      { ipIds: [UNKNOWN] },
      { replaces: ["ipIds"], deleteBeforeReplace: false },
    ],
    [
      "every Ip removed: replaced by one with an allocated IPv4",
      { ipIds: [v4] },
      {},
      { replaces: ["assignFlexibleIp"], deleteBeforeReplace: false },
    ],
    [
      "the allocated IPv6 turned off: replaced",
      { assignFlexibleIpv6: true },
      {},
      { replaces: ["assignFlexibleIpv6"], deleteBeforeReplace: false },
    ],
    [
      "another project, same IPs: replaced, deleting first",
      { ipIds: [v4] },
      { ipIds: [v4], projectId: "99999999-2222-4333-8444-555555555555" },
      { replaces: ["projectId"], deleteBeforeReplace: true },
    ],
    ["the same IPs reordered: no change", { ipIds: [v4, v6] }, { ipIds: [v6, v4] }, { changes: false }],
  ])("%s", (_title, before, after, expected) => {
    expect(lbOf(before)(after)).toMatchObject(expected);
  });
});
