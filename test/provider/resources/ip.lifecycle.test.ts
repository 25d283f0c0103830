import { describeLifecycle } from "../../support/lifecycle";

describeLifecycle({
  kind: "Ip",
  args: () => ({ tags: ["a"] }),
  // One look-up by the IP's creation tag (an earlier attempt of this create is taken over); the
  // same tag resolves a lost answer, so no list is taken before the POST (provider/client/README.md).
  createCalls: ["GET /ips", "POST /ips"],
  steps: () => [
    { change: "tags reordered: no call", set: { tags: ["a"] }, calls: [] },
    { change: "tags: one PATCH", set: { tags: ["a", "b"] }, calls: ["PATCH /ips/{id}"] },
    { change: "reverse: one PATCH", set: { reverse: "lb.example.com" }, calls: ["PATCH /ips/{id}"] },
  ],
  deleteCalls: ["DELETE /ips/{id}"],
});
