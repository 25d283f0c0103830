import { describeLifecycle, frontendTree } from "../../support/lifecycle";

describeLifecycle({
  kind: "Acl",
  parents: frontendTree,
  args: ({ frontend }) => ({
    __resourceName: "office",
    frontendId: frontend,
    index: 0,
    action: { type: "allow" },
    match: { ipSubnet: ["10.0.0.0/8"] },
  }),
  createCalls: ["GET /frontends/{frontend}/acls", "POST /frontends/{frontend}/acls"],
  steps: () => [
    { change: "subnets respelled: no call", set: { match: { ipSubnet: ["10.0.0.0/8"] } }, calls: [] },
    { change: "renamed: one PUT", set: { name: "vpn" }, calls: ["PUT /acls/{id}"] },
    { change: "description", set: { description: "office only" }, calls: ["PUT /acls/{id}"] },
    { change: "index", set: { index: 3 }, calls: ["PUT /acls/{id}"] },
    { change: "deny", set: { action: { type: "deny" } }, calls: ["PUT /acls/{id}"] },
    {
      change: "inverted IPv6 match",
      set: { match: { ipSubnet: ["2001:db8::/32"], invert: true } },
      calls: ["PUT /acls/{id}"],
    },
    {
      change: "redirect by header",
      set: {
        action: { type: "redirect", redirect: { target: "https://example.com", code: 307 } },
        match: {
          httpFilter: "http_header_match",
          httpFilterValue: ["example.org"],
          httpFilterOption: "Host",
        },
      },
      calls: ["PUT /acls/{id}"],
    },
    { change: "Edge Services only", set: { match: { ipsEdgeServices: true } }, calls: ["PUT /acls/{id}"] },
  ],
  deleteCalls: ["DELETE /acls/{id}"],
});
