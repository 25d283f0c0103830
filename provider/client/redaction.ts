/**
 * Removes secrets from text before it leaves the client (log lines, error messages). The
 * client's own messages never include the secret key; this is the safety net for text that
 * comes from elsewhere (the API's messages, network error messages, URLs).
 */
export type Redactor = (text: string) => string;

export const REDACTED = "[REDACTED]";

/** Header-style leaks, whatever the value: `X-Auth-Token: …`, `"x-auth-token":"…"`. */
const TOKEN_HEADER = /(x-(?:auth|session)-token["']?\s*[:=]\s*["']?)[^\s"',;)\]}]+/gi;

/** A redactor that masks every given secret (values shorter than 4 characters are ignored). */
export function createRedactor(secrets: ReadonlyArray<string | null | undefined>): Redactor {
  const values = [...new Set(secrets.filter((s): s is string => typeof s === "string" && s.length >= 4))];
  values.sort((a, b) => b.length - a.length);
  return (text) => {
    let out = text;
    for (const secret of values) out = out.split(secret).join(REDACTED);
    return out.replace(TOKEN_HEADER, `$1${REDACTED}`);
  };
}
