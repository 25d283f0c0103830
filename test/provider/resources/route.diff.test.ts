import { routeDefinition } from "../../../provider/resources/route/definition";
import { type Args, describeDiffTable, type Row, rowBuilder, withValue, zoned } from "./support/diff-table";

const before: Args = { frontendId: zoned(1), backendId: zoned(2), match: { hostHeader: "api.example.com" } };
const { row, updates, replaced } = rowBuilder(before);
const route = updates("route");
const switchTo = (member: string, value: string): Row => ({
  path: `match.${member}`,
  change: `match by ${member} instead`,
  after: withValue(withValue(before, "match.hostHeader", undefined), `match.${member}`, value),
  endpoints: ["route"],
});

describeDiffTable(routeDefinition, before, [
  replaced("frontendId", zoned(8)),
  row("zone", "given explicitly, same as the frontend's", "fr-par-1", []),
  route("backendId", zoned(3)),
  route("match", { hostHeader: "www.example.com", matchSubdomains: true }),
  route("match.hostHeader", "www.example.com"),
  switchTo("pathBegin", "/api"),
  switchTo("sni", "api.example.com"),
  route("match.matchSubdomains", true),
  row("importId", "set after creation: recorded, no API call", zoned(9), [], [], true),
]);
