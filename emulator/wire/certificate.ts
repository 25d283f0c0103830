/** `Certificate` (§3.9). */
import type { CertificateRecord } from "../records";
import type { Store } from "../store";
import type { JsonObject } from "./json";
import { renderParentLb } from "./lb";

export function renderCertificate(store: Store, cert: CertificateRecord, lbInstances: boolean): JsonObject {
  return {
    common_name: cert.commonName,
    created_at: cert.createdAt,
    fingerprint: cert.fingerprint,
    id: cert.id,
    lb: renderParentLb(store, cert.lbId, lbInstances),
    name: cert.name,
    not_valid_after: cert.notValidAfter,
    not_valid_before: cert.notValidBefore,
    status: cert.status,
    status_details: cert.statusDetails,
    subject_alternative_name: [...cert.subjectAlternativeName],
    type: cert.type,
    updated_at: cert.updatedAt,
  };
}
