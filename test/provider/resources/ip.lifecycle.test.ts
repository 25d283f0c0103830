import { describeLifecycle } from "../../support/lifecycle";

describeLifecycle({
  kind: "Ip",
  args: () => ({ tags: ["a"] }),
  // The client lists the zone's IPs first: an IP has no name, so that list is how a create whose
  // answer was lost is told apart from one that never happened (provider/client/README.md).
  createCalls: ["GET /ips", "GET /ips", "POST /ips"],
  steps: () => [
    { change: "tags reordered: no call", set: { tags: ["a"] }, calls: [] },
    { change: "tags: one PATCH", set: { tags: ["a", "b"] }, calls: ["PATCH /ips/{id}"] },
    { change: "reverse: one PATCH", set: { reverse: "lb.example.com" }, calls: ["PATCH /ips/{id}"] },
  ],
  deleteCalls: ["DELETE /ips/{id}"],
});
