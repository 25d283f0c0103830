/** A clock whose time moves only when someone sleeps on it (or the test advances it). */
import type { Clock } from "../../../provider/client";

export interface FakeClock extends Clock {
  /** Every requested sleep, in order. */
  readonly sleeps: number[];
  advance(ms: number): void;
}

export function fakeClock(start = 1_700_000_000_000): FakeClock {
  let now = start;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => now,
    async sleep(ms, signal) {
      if (signal?.aborted) throw signal.reason;
      sleeps.push(ms);
      now += ms;
      await Promise.resolve();
    },
    advance(ms) {
      now += ms;
    },
  };
}
