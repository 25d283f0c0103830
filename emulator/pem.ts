/**
 * Custom certificate chains (§4.7): one PEM text with the certificate chain and the private key.
 * The leaf is the first certificate; the API reports its DNS names (first one as `common_name`,
 * the rest as `subject_alternative_name`, falling back to the subject CN) and its validity.
 */
import { createPrivateKey, X509Certificate } from "node:crypto";
import { isoSeconds } from "./clock";

export interface ParsedChain {
  commonName: string;
  subjectAlternativeName: string[];
  notValidBefore: string;
  notValidAfter: string;
}

export type ChainResult = { ok: true; chain: ParsedChain } | { ok: false; reason: string };

const CERTIFICATE = /-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g;
const PRIVATE_KEY =
  /-----BEGIN (?:RSA |EC |ENCRYPTED )?PRIVATE KEY-----[\s\S]*?-----END (?:RSA |EC |ENCRYPTED )?PRIVATE KEY-----/;

function dnsNames(leaf: X509Certificate): string[] {
  const san = leaf.subjectAltName;
  if (!san) return [];
  return san
    .split(/,\s*/)
    .filter((entry) => entry.startsWith("DNS:"))
    .map((entry) => entry.slice(4));
}

function subjectCommonName(leaf: X509Certificate): string {
  const line = leaf.subject.split("\n").find((l) => l.startsWith("CN="));
  return line ? line.slice(3) : "";
}

export function parseCertificateChain(text: string): ChainResult {
  const certificates = text.match(CERTIFICATE) ?? [];
  const leafPem = certificates[0];
  if (leafPem === undefined) return { ok: false, reason: "no PEM certificate found in certificate_chain" };
  const keyPem = PRIVATE_KEY.exec(text)?.[0];
  if (keyPem === undefined) return { ok: false, reason: "certificate_chain must contain the private key" };
  let leaf: X509Certificate;
  try {
    leaf = new X509Certificate(leafPem);
    for (const other of certificates.slice(1)) new X509Certificate(other);
  } catch {
    return { ok: false, reason: "certificate_chain contains a malformed certificate" };
  }
  let matches: boolean;
  try {
    matches = leaf.checkPrivateKey(createPrivateKey(keyPem));
  } catch {
    return { ok: false, reason: "certificate_chain contains a malformed or encrypted private key" };
  }
  if (!matches) return { ok: false, reason: "the private key does not match the certificate" };
  const names = dnsNames(leaf);
  return {
    ok: true,
    chain: {
      commonName: names[0] ?? subjectCommonName(leaf),
      subjectAlternativeName: names.slice(1),
      notValidBefore: isoSeconds(new Date(leaf.validFrom)),
      notValidAfter: isoSeconds(new Date(leaf.validTo)),
    },
  };
}
