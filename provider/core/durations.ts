/**
 * User-facing durations: a number of milliseconds, or a Go-style duration string ("500ms", "30s",
 * "5m", "1h30m", "0.5s"). The provider stores and compares milliseconds; the client turns them
 * into the API's two wire encodings.
 */

const UNIT_MS: Readonly<Record<string, number>> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
const TERM = /(\d+(?:\.\d+)?)(ms|s|m|h)/y;

/** Milliseconds, or a reason why the value is not a duration. */
export type DurationParse = { ok: true; ms: number } | { ok: false; reason: string };

export function parseDuration(value: unknown): DurationParse {
  if (typeof value === "number") {
    if (!Number.isInteger(value) || value < 0) {
      return { ok: false, reason: "a duration in milliseconds must be a whole number ≥ 0" };
    }
    return { ok: true, ms: value };
  }
  if (typeof value !== "string") {
    return { ok: false, reason: 'expected milliseconds as a number, or a duration string such as "30s"' };
  }
  const text = value.trim();
  if (/^\d+$/.test(text)) return { ok: true, ms: Number(text) };
  if (text === "" || text === "0") return text === "0" ? { ok: true, ms: 0 } : bad();
  let total = 0;
  TERM.lastIndex = 0;
  while (TERM.lastIndex < text.length) {
    const at = TERM.lastIndex;
    const match = TERM.exec(text);
    if (!match || match.index !== at) return bad();
    total += Number(match[1]) * (UNIT_MS[match[2] ?? ""] ?? Number.NaN);
  }
  // Guard against float noise ("0.1s" + "0.2s"), then insist on whole milliseconds.
  const rounded = Math.round(total * 1000) / 1000;
  if (!Number.isInteger(rounded)) {
    return { ok: false, reason: "durations are counted in whole milliseconds" };
  }
  return { ok: true, ms: rounded };
}

function bad(): DurationParse {
  return {
    ok: false,
    reason:
      'expected milliseconds as a number, or a duration string made of <number><unit> terms with units ms, s, m, h (e.g. "500ms", "30s", "1m30s")',
  };
}

/** A readable form for messages: 1500 → "1.5s", 300000 → "5m". */
export function formatDuration(ms: number): string {
  if (ms % 3_600_000 === 0 && ms > 0) return `${ms / 3_600_000}h`;
  if (ms % 60_000 === 0 && ms > 0) return `${ms / 60_000}m`;
  if (ms % 1000 === 0) return `${ms / 1000}s`;
  if (ms >= 1000) return `${ms / 1000}s`;
  return `${ms}ms`;
}
