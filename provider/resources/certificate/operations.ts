/**
 * Certificate API calls. Create waits until the certificate is ready (Let's Encrypt issues it
 * asynchronously); only the name can change. The API never returns an uploaded chain: it stays
 * what the inputs say (a secret).
 */
import type { Certificate, CreateCertificateRequest } from "../../client/model/certificate";
import { byId, deleteById } from "../by-id";
import { splitId, zonedId } from "../ids";
import { propsFrom, requestBody } from "../mapping";
import { lastSeen } from "../notfound";
import { CreatedButFailed, type Operations, type Props } from "../operations";
import { sameNameIn } from "../same-name";
import { certificateDefinition } from "./definition";

const certificate = byId(certificateDefinition, {
  get: (api, { zone, id }) => api.getCertificate({ zone, certificateId: id }),
});

export const certificateOperations: Operations<typeof certificateDefinition> = {
  async create(ctx, inputs) {
    const { zone } = inputs;
    const created = await ctx.api.createCertificate(
      requestBody<CreateCertificateRequest>(certificateDefinition, inputs, { create: true }),
    );
    const id = zonedId(zone, created.id);
    try {
      const ready = await ctx.api.waitForCertificate({ zone, certificateId: created.id });
      return { id, outs: certificateProps(zone, ready) };
    } catch (error) {
      const last = await lastSeen(() => ctx.api.getCertificate({ zone, certificateId: created.id }));
      throw new CreatedButFailed(id, certificateProps(zone, last ?? created), error);
    }
  },

  read: certificate.read,

  async update(ctx, id, olds, news, endpoints) {
    const { zone, id: certificateId } = splitId(id, ctx.env.defaultZone);
    if (endpoints.includes("certificate")) {
      return certificateProps(
        zone,
        await ctx.api.updateCertificate({ zone, certificateId, name: news.name }),
      );
    }
    // A certificate recorded while still pending (an earlier create that did not finish).
    if (olds.status !== "ready") {
      return certificateProps(zone, await ctx.api.waitForCertificate({ zone, certificateId }));
    }
    return undefined;
  },

  delete: deleteById((api, { zone, id }) => api.deleteCertificate({ zone, certificateId: id })),

  findEarlierAttempts: sameNameIn(certificateDefinition, (api, q) =>
    api.listAllCertificates({ zone: q.zone, lbId: q.parentId, name: q.name }),
  ),
};

/** Outputs, plus `letsencrypt` as the API reports it (an uploaded chain is never returned). */
export function certificateProps(zone: string, c: Certificate): Props {
  return propsFrom(certificateDefinition, c, zone);
}
