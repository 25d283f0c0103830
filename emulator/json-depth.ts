/**
 * Nesting limit for request bodies, checked on the raw text before parsing: the API's deepest
 * body is a handful of levels, and a deeper one (e.g. 100,000 levels) would break every later
 * `JSON.stringify` of it (the request log, the data file).
 */

/** Bodies nested deeper than this (objects and arrays) are refused with 400. */
export const MAX_BODY_DEPTH = 64;

/** Whether the JSON text opens more than `limit` nested objects/arrays; one linear pass. */
export function exceedsDepth(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i += 1; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) {
      inString = true;
    } else if (c === 0x7b || c === 0x5b) {
      depth += 1;
      if (depth > limit) return true;
    } else if (c === 0x7d || c === 0x5d) {
      depth -= 1;
    }
  }
  return false;
}
