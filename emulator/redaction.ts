/**
 * Secrets never reach the request log: PEM private key blocks inside any string (certificate
 * chains carry the key) become a placeholder, and values of secret-looking keys are replaced.
 * Linear scans only (indexOf), so a hostile body cannot make redaction slow.
 */

export const REDACTED_PRIVATE_KEY = "[private key redacted by the emulator]";
export const REDACTED = "[redacted by the emulator]";

const SECRET_KEY = /secret|token|password|passphrase|private_key|authorization|api_key/i;
const BEGIN = "-----BEGIN ";
const KEY_TAIL = "PRIVATE KEY-----";
const END = "-----END ";

/** Replaces every `-----BEGIN … PRIVATE KEY-----` block (to its END line, or to the end of the text). */
export function redactPem(text: string): string {
  if (!text.includes(KEY_TAIL)) return text;
  let out = "";
  let from = 0;
  for (;;) {
    const begin = text.indexOf(BEGIN, from);
    if (begin < 0) break;
    const lineEnd = text.indexOf("-----", begin + BEGIN.length);
    if (lineEnd < 0) break;
    const label = text.slice(begin + BEGIN.length, lineEnd + 5);
    if (!label.endsWith(KEY_TAIL)) {
      out += text.slice(from, lineEnd + 5);
      from = lineEnd + 5;
      continue;
    }
    out += text.slice(from, begin) + REDACTED_PRIVATE_KEY;
    const end = text.indexOf(`${END}${label}`, lineEnd + 5);
    from = end < 0 ? text.length : end + END.length + label.length;
  }
  return out + text.slice(from);
}

/** A copy of `value` with secrets replaced. Callers bound the nesting depth (see json-depth.ts). */
export function redact<T>(value: T): T {
  return redactValue(value) as T;
}

function redactValue(value: unknown): unknown {
  if (typeof value === "string") return redactPem(value);
  if (Array.isArray(value)) return value.map(redactValue);
  if (typeof value === "object" && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) {
      out[key] = SECRET_KEY.test(key) && inner !== null && inner !== "" ? REDACTED : redactValue(inner);
    }
    return out;
  }
  return value;
}
