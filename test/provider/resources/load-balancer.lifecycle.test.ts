import { describeLifecycle } from "../../support/lifecycle";

describeLifecycle({
  kind: "LoadBalancer",
  args: () => ({ __resourceName: "edge", tags: ["web", "prod"] }),
  // Create, then one read: the emulator's instant lifecycle is ready at once.
  createCalls: ["GET /lbs", "POST /lbs", "GET /lbs/{id}"],
  steps: () => [
    { change: "tags reordered: no call", set: { tags: ["prod", "web"] }, calls: [] },
    { change: "renamed: one PUT", set: { name: "edge-2" }, calls: ["PUT /lbs/{id}"] },
    { change: "description", set: { description: "public entry" }, calls: ["PUT /lbs/{id}"] },
    { change: "tags", set: { tags: ["web"] }, calls: ["PUT /lbs/{id}"] },
    {
      change: "TLS compatibility",
      set: { sslCompatibilityLevel: "ssl_compatibility_level_modern" },
      calls: ["PUT /lbs/{id}"],
    },
    { change: "type written lower-case: no call", set: { type: "lb-s" }, calls: [] },
    {
      change: "type LB-GP-M: a migration, then ready",
      set: { type: "LB-GP-M" },
      calls: ["POST /lbs/{id}/migrate", "GET /lbs/{id}"],
    },
    {
      // Reference §4.2: an IP is booked (the client lists first, to find a lost answer), then
      // attached with PATCH lb_id; one read of the load balancer gives the outputs.
      change: "assignFlexibleIpv6 turned on: an IPv6 booked and attached in place",
      set: { assignFlexibleIpv6: true },
      calls: ["GET /ips", "POST /ips", "PATCH /ips/{uuid}", "GET /lbs/{id}"],
    },
    { change: "releaseIp: recorded, no call", set: { releaseIp: true }, calls: [] },
  ],
  // releaseIp: the LB's own IPv4 and IPv6 go with it; then a read confirms it is gone.
  deleteCalls: ["DELETE /lbs/{id}", "GET /lbs/{id}"],
});
