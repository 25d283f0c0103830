/** The token bucket, on a fake clock. */
import { createTokenBucket } from "../../provider/client/rate-limit";
import { fakeClock } from "./support/fake-clock";

describe("token bucket", () => {
  it("lets a burst through at once, then paces at the rate", async () => {
    const clock = fakeClock(0);
    const bucket = createTokenBucket({ ratePerSecond: 10, burst: 3, clock });
    for (let i = 0; i < 3; i++) await bucket.acquire();
    expect(clock.sleeps).toEqual([]);
    await bucket.acquire();
    expect(clock.sleeps).toEqual([100]);
    await bucket.acquire();
    expect(clock.sleeps).toEqual([100, 100]);
  });

  it("refills with time, up to the burst size", async () => {
    const clock = fakeClock(0);
    const bucket = createTokenBucket({ ratePerSecond: 20, clock });
    expect(bucket.burst).toBe(20);
    for (let i = 0; i < 20; i++) await bucket.acquire();
    expect(bucket.available()).toBeCloseTo(0);
    clock.advance(250);
    expect(bucket.available()).toBeCloseTo(5);
    clock.advance(10_000);
    expect(bucket.available()).toBe(20);
  });

  it("queues concurrent callers in order, each one interval after the previous", async () => {
    const clock = fakeClock(0);
    const sleeps: number[] = [];
    const bucket = createTokenBucket({
      ratePerSecond: 4,
      burst: 1,
      clock: { now: clock.now, sleep: async (ms) => void sleeps.push(ms) },
    });
    await Promise.all([bucket.acquire(), bucket.acquire(), bucket.acquire(), bucket.acquire()]);
    expect(sleeps).toEqual([250, 500, 750]);
  });

  it("keeps the sustained rate over many requests (about 20/s by default)", async () => {
    const clock = fakeClock(0);
    const bucket = createTokenBucket({ clock });
    for (let i = 0; i < 120; i++) await bucket.acquire();
    // 20 in the initial burst, then 100 more at 20/s = 5 s.
    expect(clock.now()).toBeGreaterThanOrEqual(4_999);
    expect(clock.now()).toBeLessThanOrEqual(5_001);
  });

  it("gives the token back when a waiting caller aborts", async () => {
    const clock = fakeClock(0);
    const bucket = createTokenBucket({ ratePerSecond: 1, burst: 1, clock });
    await bucket.acquire();
    const controller = new AbortController();
    controller.abort(new Error("stop"));
    await expect(bucket.acquire(controller.signal)).rejects.toThrow("stop");
    expect(bucket.available()).toBeCloseTo(0);
  });

  it("refuses a non-positive rate", () => {
    expect(() => createTokenBucket({ ratePerSecond: 0 })).toThrow(RangeError);
  });

  it("can be shared by several clients: they draw from one bucket", async () => {
    const clock = fakeClock(0);
    const shared = createTokenBucket({ ratePerSecond: 5, burst: 2, clock });
    await Promise.all([shared.acquire(), shared.acquire()]);
    await shared.acquire();
    expect(clock.sleeps).toEqual([200]);
  });
});
