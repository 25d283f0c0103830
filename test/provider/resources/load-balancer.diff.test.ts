import { UNKNOWN } from "../../../provider/core/unknown";
import { loadBalancerDefinition } from "../../../provider/resources/load-balancer/definition";
import { type Args, describeDiffTable, rowBuilder, zoned } from "./support/diff-table";

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
  row(
    "ipIds",
    "an existing IP instead of an allocated one: replaced",
    [zoned(5)],
    [],
    ["assignFlexibleIp", "ipIds"],
  ),
  row("ipIds", "unknown during preview: a change, no forced replacement", UNKNOWN, [], [], true),
  replaced("assignFlexibleIp", false),
  replaced("assignFlexibleIpv6", true),
  row("releaseIp", "turned on: only recorded, no API call", true, [], [], true),
  row("importId", "set after creation: recorded, no API call", zoned(9), [], [], true),
]);
