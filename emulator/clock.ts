/** Timestamps in the API's RFC 3339 form (§1.3): UTC, `Z`, microsecond precision, strictly increasing. */

/** Go's zero time: what the API shows for a Let's Encrypt certificate not yet issued. */
export const ZERO_TIME = "0001-01-01T00:00:00Z";

let lastMicros = 0;

/** Wall-clock milliseconds; the single source of "now" for lifecycles. */
export function nowMs(): number {
  return Date.now();
}

/** Current time with 6 fractional digits; never repeats, so `created_at` orders objects. */
export function timestamp(): string {
  const micros = Math.max(Math.floor((performance.timeOrigin + performance.now()) * 1000), lastMicros + 1);
  lastMicros = micros;
  const ms = Math.floor(micros / 1000);
  const extra = String(micros % 1000).padStart(3, "0");
  return `${new Date(ms).toISOString().slice(0, 23)}${extra}Z`;
}

/** A date as whole seconds (`2026-10-19T09:36:38Z`), the form certificate validity uses. */
export function isoSeconds(date: Date): string {
  return `${date.toISOString().slice(0, 19)}Z`;
}
