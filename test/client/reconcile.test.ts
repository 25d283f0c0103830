/** The pieces of "did my lost create happen?". */
import { sameRouteMatch } from "../../provider/client";
import type { ApiContext } from "../../provider/client/endpoint";
import { isScalewayError } from "../../provider/client/errors";
import {
  CREATED_AT_SLACK_MS,
  createdAtLowerBound,
  createdSince,
  pickCreated,
  sameSet,
  UNKNOWN_CLOCK_SLACK_MS,
} from "../../provider/client/reconcile";
import { createServerClock } from "../../provider/client/server-clock";
import { fakeClock } from "./support/fake-clock";

function context(): ApiContext & { serverClock: ReturnType<typeof createServerClock> } {
  const clock = fakeClock(0);
  return {
    zone: "fr-par-1",
    projectId: null,
    organizationId: null,
    clock,
    serverClock: createServerClock(),
  };
}

describe("created since the request began, on the server's clock", () => {
  it("uses the Date header offset, with slack", () => {
    const ctx = context();
    const local = 1_000_000;
    // The server is 1 hour ahead of us.
    ctx.serverClock.observe(new Date(local + 3_600_000).toUTCString(), local);
    const bound = createdAtLowerBound(ctx, local);
    const serverStart = local + 3_600_000;
    expect(bound).toBeGreaterThanOrEqual(serverStart - CREATED_AT_SLACK_MS - 1000);
    expect(bound).toBeLessThanOrEqual(serverStart);
    expect(createdSince(new Date(serverStart + 10).toISOString(), bound)).toBe(true);
    expect(createdSince(new Date(serverStart - 60_000).toISOString(), bound)).toBe(false);
  });

  it("falls back to a wide window before any Date header", () => {
    const ctx = context();
    expect(createdAtLowerBound(ctx, 10_000_000)).toBe(10_000_000 - UNKNOWN_CLOCK_SLACK_MS);
  });

  it("ignores an unreadable Date header", () => {
    const clock = createServerClock();
    clock.observe("yesterday-ish", 5);
    clock.observe(undefined, 5);
    expect(clock.offsetMs()).toBeNull();
  });

  it("counts missing or unreadable created_at as recent (candidates, not silently ignored)", () => {
    expect(createdSince(null, 0)).toBe(true);
    expect(createdSince("garbage", 0)).toBe(true);
    expect(createdSince("2026-07-21T10:16:28.822354842Z", Date.parse("2026-07-21T10:16:28.822Z"))).toBe(true);
  });
});

describe("choosing", () => {
  it("none, one, several", () => {
    expect(pickCreated("createLb", "x", [])).toBeNull();
    expect(pickCreated("createLb", "x", [{ id: "a" }])).toEqual({ id: "a" });
    try {
      pickCreated("createLb", 'load balancer "web" in zone fr-par-1', [{ id: "a" }, { id: "b" }]);
      throw new Error("expected outcome_unknown");
    } catch (error) {
      expect(isScalewayError(error) && error.kind).toBe("outcome_unknown");
      expect(isScalewayError(error) && error.candidates).toEqual(["a", "b"]);
      expect(String(error)).toContain('2 objects match load balancer "web" in zone fr-par-1: a, b');
    }
  });

  it("compares tags as sets and route matches member by member", () => {
    expect(sameSet(["a", "b"], ["b", "a"])).toBe(true);
    expect(sameSet(["a"], ["a", "a"])).toBe(false);
    expect(sameRouteMatch({ hostHeader: "h", matchSubdomains: false }, { hostHeader: "h" })).toBe(true);
    expect(sameRouteMatch({ hostHeader: "h", matchSubdomains: true }, { hostHeader: "h" })).toBe(false);
    expect(sameRouteMatch({ sni: "h", matchSubdomains: false }, { hostHeader: "h" })).toBe(false);
  });
});
