import { describeLifecycle, loadBalancer } from "../../support/lifecycle";

describeLifecycle({
  kind: "Certificate",
  parents: loadBalancer,
  args: ({ lb }) => ({
    __resourceName: "site",
    lbId: lb,
    letsencrypt: { commonName: "shop.acme-corp.fr", subjectAlternativeNames: ["www.acme-corp.fr"] },
  }),
  // Create, then wait until Let's Encrypt has issued it (instant in the emulator).
  createCalls: ["GET /lbs/{lb}/certificates", "POST /lbs/{lb}/certificates", "GET /certificates/{id}"],
  steps: () => [
    {
      change: "renamed: one PUT (the only change made in place)",
      set: { name: "site-2" },
      calls: ["PUT /certificates/{id}"],
    },
  ],
  deleteCalls: ["DELETE /certificates/{id}"],
});
