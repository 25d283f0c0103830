import { aclDefinition } from "../../../provider/resources/acl/definition";
import { type Args, describeDiffTable, type Row, rowBuilder, withValue, zoned } from "./support/diff-table";

const before: Args = {
  __resourceName: "office-only",
  frontendId: zoned(1),
  index: 0,
  action: { type: "deny" },
  match: { ipSubnet: ["10.0.0.0/8", "2001:db8::/32"], invert: true },
};
const { row, updates, replaced } = rowBuilder(before);
const acl = updates("acl");
/** Rows on the redirect action: from a deny rule to a redirect to example.com, then the field changed. */
const redirect = (path: string, value: unknown): Row => {
  const base = withValue(before, "action", { type: "redirect", redirect: { target: "https://example.com" } });
  return {
    path,
    change: `redirect: set to ${JSON.stringify(value)}`,
    after: withValue(base, path, value),
    endpoints: ["acl"],
  };
};

describeDiffTable(aclDefinition, before, [
  replaced("frontendId", zoned(8)),
  row("zone", "given explicitly, same as the frontend's", "fr-par-1", []),
  acl("name", "other"),
  acl("description", "why"),
  acl("index", 1),
  acl("action", { type: "allow" }),
  acl("action.type", "allow"),
  redirect("action.redirect", { target: "https://example.org" }),
  redirect("action.redirect.type", "scheme"),
  redirect("action.redirect.target", "https://example.org"),
  redirect("action.redirect.code", 301),
  acl("match", { ipSubnet: ["0.0.0.0/0"] }),
  acl("match.ipSubnet", ["10.0.0.0/8"]),
  row(
    "match.ipSubnet",
    "reordered, and a /128 written as the bare address: no change",
    ["2001:DB8::/32", "10.0.0.0/8"],
    [],
  ),
  acl("match.ipsEdgeServices", true),
  {
    path: "match.httpFilter",
    change: "filter by path prefix",
    after: withValue(withValue(before, "match.httpFilter", "path_begin"), "match.httpFilterValue", [
      "/admin",
    ]),
    endpoints: ["acl"],
  },
  acl("match.httpFilterValue", ["/admin"]),
  acl("match.httpFilterOption", "host"),
  acl("match.invert", false),
  row("importId", "set after creation: recorded, no API call", zoned(9), [], [], true),
]);
