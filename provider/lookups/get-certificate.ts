/** getCertificate: one certificate, by id or by exact name within its load balancer. */
import type { Certificate } from "../client";
import { certificateDefinition } from "../resources/certificate/definition";
import { certificateProps } from "../resources/certificate/operations";
import { zonedId } from "../resources/ids";
import { exactNameArg, idArg, zoneOfIdArg } from "./args";
import { findChild } from "./children";
import { echo, record, recordFields } from "./records";
import type { LookupFunction } from "./spec";

export const getCertificate: LookupFunction = {
  name: "getCertificate",
  description:
    "Finds one existing certificate, by id or by exact name within its load balancer, and returns its properties as a Certificate resource outputs them (never an uploaded private key). Reads only (GET calls), records nothing in the stack's state.",
  args: {
    certificateId: idArg("The certificate to read."),
    name: exactNameArg("certificate", "the load balancer `lbId`"),
    lbId: idArg("The load balancer the certificate belongs to; needed with `name`."),
    zone: zoneOfIdArg,
  },
  exactlyOne: ["certificateId", "name"],
  nameNeeds: "lbId",
  result: {
    ...recordFields(certificateDefinition),
    certificateId: echo("The certificate's id (the same as `id`).", false),
  },
  async run(ctx, q) {
    const certificate = await findChild<Certificate>(q, {
      noun: "certificate",
      idArg: "certificateId",
      parentArg: "lbId",
      parentNoun: "load balancer",
      parentOf: (c) => c.lb.id,
      get: (certificateId) => ctx.api.getCertificate({ zone: q.zone, certificateId }),
      list: (lbId, name) => ctx.api.listAllCertificates({ zone: q.zone, lbId, name, pageSize: ctx.pageSize }),
    });
    const id = zonedId(q.zone, certificate.id);
    return { ...record(id, certificateProps(q.zone, certificate)), certificateId: id };
  },
};
