/** Certificates and the read-only catalog: LB offers, backend statistics (reference §2 #32, #39–44). */
import { endpoint } from "../endpoint";
import { createdByName } from "../reconcile";
import {
  type BackendServerStats,
  type LbType,
  LbTypeSchema,
  ListBackendStatsQuery,
  ListBackendStatsResponseSchema,
  ListLbTypesQuery,
} from "../schemas/catalog";
import { CertificateSchema, CreateCertificateBody, UpdateCertificateBody } from "../schemas/certificate";
import { listOf, NameQuery, noContent } from "../schemas/common";

export const listCertificates = endpoint("listCertificates", "GET /lbs/{lb_id}/certificates", {
  query: NameQuery,
  response: listOf("certificates", CertificateSchema),
  items: "certificates",
});
export const getCertificate = endpoint("getCertificate", "GET /certificates/{certificate_id}", {
  response: CertificateSchema,
});
/** A lost answer is resolved by name within the LB (README). */
export const createCertificate = endpoint("createCertificate", "POST /lbs/{lb_id}/certificates", {
  body: CreateCertificateBody,
  response: CertificateSchema,
  subject: ({ name, lbId, zone }) => `certificate "${name}" on LB ${lbId} in zone ${zone}`,
  reconcile: (a) => createdByName(a, listCertificates, { zone: a.zone, lbId: a.req.lbId, name: a.req.name }),
});
/** Only the name can change. */
export const updateCertificate = endpoint("updateCertificate", "PUT /certificates/{certificate_id}", {
  body: UpdateCertificateBody,
  response: CertificateSchema,
});
export const deleteCertificate = endpoint("deleteCertificate", "DELETE /certificates/{certificate_id}", {
  response: noContent,
  notFoundMeansDone: true,
});

export const listLbTypes = endpoint("listLbTypes", "GET /lb-types", {
  query: ListLbTypesQuery,
  response: listOf("lb_types", LbTypeSchema),
  items: "lb_types",
  itemKey: (type: LbType) => type.name,
});
export const listBackendStats = endpoint("listBackendStats", "GET /lbs/{lb_id}/backend-stats", {
  query: ListBackendStatsQuery,
  response: ListBackendStatsResponseSchema,
  items: "backend_servers_stats",
  itemKey: (row: BackendServerStats) => `${row.instanceId}/${row.backendId}/${row.ip}`,
});
