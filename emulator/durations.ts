/**
 * The two duration encodings of the API (§1.9): integer milliseconds, and protobuf `Duration`
 * strings in seconds (`"0.500000000s"` in, canonical `"0.500s"` out).
 */

const PROTO_DURATION = /^(\d{1,12})(?:\.(\d{1,9}))?s$/;
const MS_STRING = /^\d{1,15}$/;

/** Milliseconds from a JSON number or numeric string (proto-JSON integer parsing accepts both). */
export function parseMs(value: unknown): number | undefined {
  if (typeof value === "number") {
    return Number.isSafeInteger(value) && value >= 0 ? value : undefined;
  }
  if (typeof value === "string" && MS_STRING.test(value)) return Number(value);
  return undefined;
}

/** Canonical protobuf JSON form: whole seconds, or 3, 6 or 9 fractional digits. */
export function canonicalDuration(value: string): string | undefined {
  const match = PROTO_DURATION.exec(value);
  if (!match) return undefined;
  const seconds = BigInt(match[1] ?? "0").toString();
  const nanos = Number((match[2] ?? "").padEnd(9, "0"));
  if (nanos === 0) return `${seconds}s`;
  const digits = nanos % 1_000_000 === 0 ? 3 : nanos % 1000 === 0 ? 6 : 9;
  return `${seconds}.${String(nanos).padStart(9, "0").slice(0, digits)}s`;
}
