import { ipDefinition } from "../../../provider/resources/ip/definition";
import { type Args, describeDiffTable, rowBuilder, zoned } from "./support/diff-table";

const before: Args = { tags: ["a"] };
const { row, updates, replaced } = rowBuilder(before);

describeDiffTable(ipDefinition, before, [
  replaced("zone", "fr-par-2"),
  replaced("projectId", "99999999-2222-4333-8444-555555555555"),
  replaced("isIpv6", true),
  updates("ip")("reverse", "lb.example.com"),
  row("reverse", "left out: the server's generated name stands, no change", undefined, []),
  updates("ip")("tags", ["a", "b"]),
  row("tags", "reordered: no change", ["a"], []),
  row("importId", "set after creation: recorded, no API call", zoned(9), [], [], true),
]);
