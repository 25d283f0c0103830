/**
 * The leaf of an uploaded PEM chain (the first certificate): its DNS names and expiry, which the
 * API reports for a custom certificate. Used to tell whether a declared chain is the one an
 * existing certificate object holds; the chain itself never leaves the program.
 */
import { X509Certificate } from "node:crypto";

export interface PemLeaf {
  /** The subject's common name and the DNS subject alternative names, sorted, each once. */
  readonly names: readonly string[];
  /** End of validity, RFC 3339 to the second. */
  readonly notValidAfter: string;
}

const CERTIFICATE = /-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/;

export function pemLeaf(chain: string): PemLeaf | undefined {
  const pem = CERTIFICATE.exec(chain)?.[0];
  if (pem === undefined) return undefined;
  let leaf: X509Certificate;
  try {
    leaf = new X509Certificate(pem);
  } catch {
    return undefined;
  }
  const commonName = leaf.subject
    .split("\n")
    .find((line) => line.startsWith("CN="))
    ?.slice(3);
  const dns = (leaf.subjectAltName ?? "")
    .split(/,\s*/)
    .filter((entry) => entry.startsWith("DNS:"))
    .map((entry) => entry.slice(4));
  return {
    names: uniqueSorted([...(commonName ? [commonName] : []), ...dns]),
    notValidAfter: toSecond(leaf.validTo),
  };
}

/** A time in RFC 3339 to the second, for comparing the API's timestamps with a certificate's. */
export function toSecond(time: string): string {
  const date = new Date(time);
  return Number.isNaN(date.getTime()) ? time : date.toISOString().replace(/\.\d{3}Z$/, "Z");
}

export function uniqueSorted(values: readonly string[]): string[] {
  return [...new Set(values.map((v) => v.toLowerCase()))].sort();
}
