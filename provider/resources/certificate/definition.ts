/** Certificate: a TLS certificate of a load balancer, from Let's Encrypt or uploaded. */

import { defineResource } from "../../core/infer";
import { pemLeaf, toSecond, uniqueSorted } from "../../core/pem-leaf";
import { importIdInput, nameInput, parentIdInput, timestampOutputs, zoneInput } from "../common";

const domain = (description: string) =>
  ({
    type: "string",
    minLength: 1,
    // A DNS name (RFC 1035); emulator/handlers/certificates.ts: ≤ 253 characters.
    maxLength: 253,
    pattern: { regex: /^(\*\.)?([a-zA-Z0-9-]{1,63}\.)*[a-zA-Z0-9-]{1,63}$/, description: "a DNS name" },
    description,
  }) as const;

/** The answered certificate, when Let's Encrypt made it (an uploaded one has no such input). */
const issuedByLetsEncrypt = (_value: unknown, where: { readonly object: unknown }): unknown =>
  (where.object as { type?: unknown }).type === "custom" ? undefined : where.object;

export const certificateDefinition = defineResource({
  kind: "Certificate",
  description:
    "A TLS certificate for a load balancer's frontends: issued by Let's Encrypt (`letsencrypt`) or uploaded (`customCertificate`). Only the name can change in place; create waits until the certificate is `ready`.",
  autoName: true,
  parent: "lbId",
  inputs: {
    lbId: { ...parentIdInput("load balancer"), api: { from: "lb.id" } },
    zone: zoneInput,
    name: nameInput("certificate", "certificate"),
    letsencrypt: {
      type: "object",
      policy: "replace",
      api: { from: "", read: issuedByLetsEncrypt },
      description:
        "Have Let's Encrypt issue the certificate. Every name must resolve to the load balancer's address. Changing it replaces the certificate.",
      properties: {
        commonName: { ...domain("Main domain of the certificate."), required: true },
        subjectAlternativeNames: {
          type: "array",
          items: domain("An extra domain."),
          // emulator/handlers/certificates.ts: `subject_alternative_name` ≤ 100 items.
          maxItems: 100,
          unordered: true,
          default: [],
          api: { from: "subjectAlternativeName", to: "subjectAlternativeName" },
          description: "Extra domains. A set. Default: none.",
        },
      },
    },
    customCertificate: {
      type: "object",
      policy: "replace",
      secret: true,
      description: "Upload your own certificate. Stored as a secret. Changing it replaces the certificate.",
      properties: {
        certificateChain: {
          type: "string",
          required: true,
          secret: true,
          minLength: 1,
          // emulator/handlers/certificates.ts: `certificate_chain` ≤ 512 KiB.
          maxLength: 512 * 1024,
          pattern: {
            regex:
              /-----BEGIN CERTIFICATE-----[\s\S]+-----BEGIN [A-Z ]*PRIVATE KEY-----|-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]+-----BEGIN CERTIFICATE-----/,
            description: "PEM text holding the certificate (then any intermediates) and its private key",
          },
          description:
            "PEM: the certificate, any intermediate certificates and the private key, concatenated.",
        },
      },
    },
    importId: importIdInput,
  },
  outputs: {
    type: {
      type: "string",
      description: "`letsencrypt` or `custom`.",
      api: { read: (v) => (v === "custom" ? "custom" : "letsencrypt") },
    },
    status: { type: "string", description: "`pending`, `ready` or `error`." },
    statusDetails: { type: "string", description: "Why the certificate is in `error`, if it is." },
    commonName: { type: "string", description: "Main domain of the certificate." },
    subjectAlternativeNames: {
      type: "stringArray",
      description: "Extra domains of the certificate.",
      api: { from: "subjectAlternativeName" },
    },
    fingerprint: { type: "string", description: "SHA-1 fingerprint, once issued." },
    notValidBefore: { type: "string", description: "Start of validity (RFC 3339)." },
    notValidAfter: { type: "string", description: "End of validity (RFC 3339)." },
    ...timestampOutputs,
  },
  // An uploaded chain is never returned: adoption compares its leaf (names, expiry) instead.
  adoptionIdentity: (props, side) => {
    if (side === "declared") {
      const custom = props.customCertificate;
      const chain =
        custom !== null && typeof custom === "object" && !Array.isArray(custom)
          ? custom.certificateChain
          : undefined;
      const leaf = typeof chain === "string" ? pemLeaf(chain) : undefined;
      return (
        leaf && {
          "customCertificate leaf names": [...leaf.names],
          "customCertificate leaf expiry": leaf.notValidAfter,
        }
      );
    }
    if (props.type !== "custom") return undefined;
    const names = [
      props.commonName,
      ...(Array.isArray(props.subjectAlternativeNames) ? props.subjectAlternativeNames : []),
    ];
    return {
      "customCertificate leaf names": uniqueSorted(
        names.filter((n): n is string => typeof n === "string" && n !== ""),
      ),
      "customCertificate leaf expiry":
        typeof props.notValidAfter === "string" ? toSecond(props.notValidAfter) : null,
    };
  },
  validate: (inputs) => {
    const set = ["letsencrypt", "customCertificate"].filter(
      (k) => inputs[k] !== undefined && inputs[k] !== null,
    );
    if (set.length === 1) return [];
    return [
      {
        property: set.length === 0 ? "letsencrypt" : "customCertificate",
        reason:
          set.length === 0
            ? "a certificate needs exactly one of letsencrypt or customCertificate; none is set"
            : "a certificate needs exactly one of letsencrypt or customCertificate; both are set",
      },
    ];
  },
});
