/**
 * Failure injection: each API request walks the configured rules in order; a rule that matches
 * the method and path draws from a seeded PRNG, so the same seed and the same request sequence
 * give the same faults.
 */
import type { FaultRule } from "./config";
import { patternOf } from "./patterns";

/** mulberry32: tiny, fast, good enough for fault draws. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class FaultInjector {
  private random: () => number;

  constructor(seed: number) {
    this.random = mulberry32(seed);
  }

  reseed(seed: number): void {
    this.random = mulberry32(seed);
  }

  draw(rules: readonly FaultRule[], method: string, path: string): FaultRule | undefined {
    for (const rule of rules) {
      if (rule.method !== undefined && rule.method.toUpperCase() !== method) continue;
      if (rule.pathPattern !== undefined && !patternOf(rule.pathPattern).test(path)) continue;
      if (this.random() < rule.rate) return rule;
    }
    return undefined;
  }
}
