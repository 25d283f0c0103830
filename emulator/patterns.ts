/** Compiled safe patterns, cached by source (configurations reuse a handful of patterns). */
import { compilePattern, type SafePattern } from "./safe-pattern";

const MAX_CACHED = 64;
const cache = new Map<string, SafePattern>();

export function patternOf(source: string): SafePattern {
  let pattern = cache.get(source);
  if (!pattern) {
    pattern = compilePattern(source);
    if (cache.size >= MAX_CACHED) cache.clear();
    cache.set(source, pattern);
  }
  return pattern;
}
