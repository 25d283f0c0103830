import { describeLifecycle, frontendTree } from "../../support/lifecycle";

describeLifecycle({
  kind: "Route",
  parents: frontendTree,
  args: ({ frontend, other }) => ({
    frontendId: frontend,
    backendId: other,
    match: { hostHeader: "api.example.com" },
  }),
  createCalls: ["GET /routes", "POST /routes"],
  steps: ({ backend }) => [
    {
      change: "host changed: one route PUT",
      set: { match: { hostHeader: "www.example.com" } },
      calls: ["PUT /routes/{id}"],
    },
    {
      change: "subdomains too",
      set: { match: { hostHeader: "www.example.com", matchSubdomains: true } },
      calls: ["PUT /routes/{id}"],
    },
    { change: "path prefix instead", set: { match: { pathBegin: "/api" } }, calls: ["PUT /routes/{id}"] },
    { change: "another backend", set: { backendId: backend }, calls: ["PUT /routes/{id}"] },
  ],
  deleteCalls: ["DELETE /routes/{id}"],
});
