/**
 * Durations at the API boundary. The camelCase types expose every duration as a number of
 * milliseconds; the wire has two encodings (reference §1.9):
 *
 * - "ms" fields (`check_delay`, `check_timeout`, `timeout_server`, `timeout_connect`,
 *   `timeout_tunnel`, `timeout_client`): a JSON integer of milliseconds;
 * - protobuf `Duration` fields (`transient_check_delay`, `timeout_queue`): a string of seconds
 *   with an `s` suffix, e.g. "0.500s", "4s", "0.000000000s".
 *
 * Parsing is tolerant of both encodings in both kinds of field (a numeric string for an ms field,
 * a duration string where an integer was expected), so a change of encoding on the server side
 * does not break the client. Emission is always the canonical encoding of the field.
 */

const PROTO_DURATION = /^(-)?(\d+)(?:\.(\d{1,9}))?s$/;
const MS_SUFFIX = /^(\d+(?:\.\d+)?)ms$/;
const NUMERIC = /^-?\d+(?:\.\d+)?$/;

/** Parses "<seconds>[.<fraction>]s" into milliseconds, or `null` when the text is not one. */
export function parseProtoDuration(text: string): number | null {
  const match = PROTO_DURATION.exec(text.trim());
  if (!match) return null;
  const seconds = Number(match[2]);
  const nanos = Number((match[3] ?? "").padEnd(9, "0"));
  // Whole milliseconds and the sub-millisecond rest separately, to stay exact for large values.
  const ms = seconds * 1000 + Math.floor(nanos / 1e6) + (nanos % 1e6) / 1e6;
  return match[1] ? -ms : ms;
}

/**
 * Reads a wire duration in any encoding the API has used: a JSON number of milliseconds, a
 * numeric string of milliseconds ("3000"), a protobuf duration ("0.500s"), or "<n>ms".
 * Returns `null` when the value is not a duration.
 */
export function parseWireDuration(value: number | string): number | null {
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  const text = value.trim();
  if (NUMERIC.test(text)) return Number(text);
  const ms = MS_SUFFIX.exec(text);
  if (ms) return Number(ms[1]);
  return parseProtoDuration(text);
}

/** Milliseconds as a protobuf JSON duration: "0s", "4s", "0.500s", "1.000001s". */
export function formatProtoDuration(ms: number): string {
  if (!Number.isFinite(ms)) throw new RangeError(`not a finite duration: ${ms}`);
  const negative = ms < 0;
  const abs = Math.abs(ms);
  let whole = Math.floor(abs);
  let subMillisNanos = Math.round((abs - whole) * 1e6);
  if (subMillisNanos === 1e6) {
    whole += 1;
    subMillisNanos = 0;
  }
  const seconds = Math.floor(whole / 1000);
  const nanos = (whole % 1000) * 1e6 + subMillisNanos;
  let fraction = "";
  if (nanos !== 0) {
    const digits = String(nanos).padStart(9, "0");
    fraction = nanos % 1e6 === 0 ? digits.slice(0, 3) : nanos % 1e3 === 0 ? digits.slice(0, 6) : digits;
    fraction = `.${fraction}`;
  }
  return `${negative ? "-" : ""}${seconds}${fraction}s`;
}

/** Milliseconds as the JSON integer the "ms" fields expect (sub-millisecond parts are rounded). */
export function formatMillis(ms: number): number {
  if (!Number.isFinite(ms)) throw new RangeError(`not a finite duration: ${ms}`);
  return Math.round(ms);
}
