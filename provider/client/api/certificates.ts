/** Certificate operations (reference §2 #39–43, §4.7). */
import type {
  Certificate,
  CreateCertificateRequest,
  DeleteCertificateRequest,
  GetCertificateRequest,
  ListCertificatesRequest,
  ListCertificatesResponse,
  UpdateCertificateRequest,
} from "../model/certificate";
import type { CallOptions } from "../operation";
import { collectAll } from "../pagination";
import { zonedPath } from "../query";
import { CertificateWire, ListCertificatesResponseWire, marshalCreateCertificate } from "../wire/certificate";
import { noContent } from "../wire/common";
import { type ApiContext, zoneOf } from "./context";
import { createdAtLowerBound, createdSince, pickCreated } from "./reconcile";

export function certificateMethods(ctx: ApiContext) {
  async function listCertificates(
    req: ListCertificatesRequest,
    call?: CallOptions,
  ): Promise<ListCertificatesResponse> {
    return ctx.run(
      {
        operation: "listCertificates",
        method: "GET",
        path: zonedPath(zoneOf(ctx, req), "lbs", req.lbId, "certificates"),
        query: { name: req.name, order_by: req.orderBy, page: req.page, page_size: req.pageSize },
        response: ListCertificatesResponseWire,
        safety: "read",
      },
      call,
    );
  }

  async function listAllCertificates(
    req: Omit<ListCertificatesRequest, "page">,
    call?: CallOptions,
  ): Promise<Certificate[]> {
    return collectAll(
      async (page, pageSize) => {
        const r = await listCertificates({ ...req, page, pageSize }, call);
        return { items: r.certificates, totalCount: r.totalCount };
      },
      (certificate) => certificate.id,
      { pageSize: req.pageSize },
    );
  }

  async function getCertificate(req: GetCertificateRequest, call?: CallOptions): Promise<Certificate> {
    return ctx.run(
      {
        operation: "getCertificate",
        method: "GET",
        path: zonedPath(zoneOf(ctx, req), "certificates", req.certificateId),
        response: CertificateWire,
        safety: "read",
      },
      call,
    );
  }

  /** Creates a certificate. A lost answer is resolved by name within the LB (README). */
  async function createCertificate(req: CreateCertificateRequest, call?: CallOptions): Promise<Certificate> {
    const zone = zoneOf(ctx, req);
    const startedAt = ctx.clock.now();
    return ctx.run(
      {
        operation: "createCertificate",
        method: "POST",
        path: zonedPath(zone, "lbs", req.lbId, "certificates"),
        body: marshalCreateCertificate(req),
        response: CertificateWire,
        safety: "non_idempotent",
        subject: `certificate "${req.name}" on LB ${req.lbId} in zone ${zone}`,
        reconcile: async (inner) => {
          const certificates = await listAllCertificates({ zone, lbId: req.lbId, name: req.name }, inner);
          const bound = createdAtLowerBound(ctx, startedAt);
          const mine = certificates.filter((c) => c.name === req.name && createdSince(c.createdAt, bound));
          return pickCreated(
            "createCertificate",
            `certificate "${req.name}" on LB ${req.lbId} in zone ${zone}`,
            mine,
          );
        },
      },
      call,
    );
  }

  /** Only the name can change. */
  async function updateCertificate(req: UpdateCertificateRequest, call?: CallOptions): Promise<Certificate> {
    return ctx.run(
      {
        operation: "updateCertificate",
        method: "PUT",
        path: zonedPath(zoneOf(ctx, req), "certificates", req.certificateId),
        body: { name: req.name },
        response: CertificateWire,
        safety: "idempotent",
      },
      call,
    );
  }

  async function deleteCertificate(req: DeleteCertificateRequest, call?: CallOptions): Promise<void> {
    await ctx.run(
      {
        operation: "deleteCertificate",
        method: "DELETE",
        path: zonedPath(zoneOf(ctx, req), "certificates", req.certificateId),
        response: noContent,
        safety: "idempotent",
        notFoundMeansDone: true,
      },
      call,
    );
  }

  return {
    listCertificates,
    listAllCertificates,
    getCertificate,
    createCertificate,
    updateCertificate,
    deleteCertificate,
  };
}

export type CertificateMethods = ReturnType<typeof certificateMethods>;
