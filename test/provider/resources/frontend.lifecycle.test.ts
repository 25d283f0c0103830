import { describeLifecycle, loadBalancerWithBackends } from "../../support/lifecycle";
import { create } from "../../support/runtime-harness";

describeLifecycle({
  kind: "Frontend",
  parents: async () => {
    const ids = await loadBalancerWithBackends();
    const certificate = await create("Certificate", {
      __resourceName: "site",
      lbId: ids.lb,
      letsencrypt: { commonName: "shop.acme-corp.fr" },
    });
    return { ...ids, certificate: certificate.id };
  },
  args: ({ lb, backend }) => ({ __resourceName: "web", lbId: lb, backendId: backend, inboundPort: 80 }),
  createCalls: ["GET /lbs/{lb}/frontends", "POST /lbs/{lb}/frontends"],
  steps: ({ other, certificate }) => [
    { change: "renamed: one PUT", set: { name: "www" }, calls: ["PUT /frontends/{id}"] },
    {
      change: "another backend: an update in place",
      set: { backendId: other },
      calls: ["PUT /frontends/{id}"],
    },
    { change: "inbound port", set: { inboundPort: 443 }, calls: ["PUT /frontends/{id}"] },
    { change: "client timeout", set: { timeoutClient: "1m" }, calls: ["PUT /frontends/{id}"] },
    { change: "a certificate", set: { certificateIds: [certificate] }, calls: ["PUT /frontends/{id}"] },
    { change: "HTTP/3", set: { enableHttp3: true }, calls: ["PUT /frontends/{id}"] },
    { change: "rate limit", set: { connectionRateLimit: 100 }, calls: ["PUT /frontends/{id}"] },
    {
      change: "rate limit back to none (the API's null)",
      set: { connectionRateLimit: 0 },
      calls: ["PUT /frontends/{id}"],
    },
    { change: "access logs", set: { enableAccessLogs: true }, calls: ["PUT /frontends/{id}"] },
  ],
  deleteCalls: ["DELETE /frontends/{id}"],
});
