/**
 * Certificate API calls. Create waits until the certificate is ready (Let's Encrypt issues it
 * asynchronously); only the name can change. The API never returns an uploaded chain: it stays
 * what the inputs say (a secret).
 */
import type { Certificate, LbClient } from "../../client";
import type { ZonedId } from "../../core/zoned-id";
import { byId, createdWhenReady, deleteById } from "../by-id";
import { splitId } from "../ids";
import { propsFrom, requestBody } from "../mapping";
import type { Operations, Props } from "../operations";
import { sameNameIn } from "../same-name";
import { certificateDefinition } from "./definition";

const get = (api: LbClient, { zone, id }: ZonedId) => api.getCertificate({ zone, certificateId: id });

export const certificateOperations: Operations<typeof certificateDefinition> = {
  create: createdWhenReady(certificateDefinition, {
    create: (api, inputs) =>
      api.createCertificate(requestBody(certificateDefinition, inputs, { create: true })),
    wait: (api, { zone, id }, seen) => api.waitForCertificate({ zone, certificateId: id, seen }),
    get,
  }),
  read: byId(certificateDefinition, { get }).read,

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
