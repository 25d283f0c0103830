/**
 * Certificate API calls. Create waits until the certificate is ready (Let's Encrypt issues it
 * asynchronously); only the name can change. The API never returns an uploaded chain: it stays
 * what the inputs say (a secret).
 */
import type { Certificate } from "../../client";
import { splitId, zonedId } from "../ids";
import { lastSeen, unlessGone } from "../notfound";
import { CreatedButFailed, type Operations, type Props } from "../operations";
import { defined, obj, str, strs } from "../props";

export const certificateOperations: Operations = {
  async create(ctx, inputs) {
    const zone = str(inputs, "zone");
    const letsencrypt = obj(inputs, "letsencrypt");
    const custom = obj(inputs, "customCertificate");
    const certificate = await ctx.api.createCertificate({
      zone,
      lbId: splitId(str(inputs, "lbId"), zone).id,
      name: str(inputs, "name"),
      ...(letsencrypt
        ? {
            letsencrypt: {
              commonName: str(letsencrypt, "commonName"),
              subjectAlternativeName: strs(letsencrypt, "subjectAlternativeNames"),
            },
          }
        : {}),
      ...(custom ? { customCertificate: { certificateChain: str(custom, "certificateChain") } } : {}),
    });
    const id = zonedId(zone, certificate.id);
    try {
      const ready = await ctx.api.waitForCertificate({ zone, certificateId: certificate.id });
      return { id, outs: certificateProps(zone, ready) };
    } catch (error) {
      const last = await lastSeen(() => ctx.api.getCertificate({ zone, certificateId: certificate.id }));
      throw new CreatedButFailed(id, certificateProps(zone, last ?? certificate), error);
    }
  },

  async read(ctx, id) {
    const { zone, id: certificateId } = splitId(id, ctx.env.defaultZone);
    const certificate = await unlessGone(() => ctx.api.getCertificate({ zone, certificateId }));
    return certificate && certificateProps(zone, certificate);
  },

  async update(ctx, id, olds, news, endpoints) {
    const { zone, id: certificateId } = splitId(id, ctx.env.defaultZone);
    if (endpoints.includes("certificate")) {
      return certificateProps(
        zone,
        await ctx.api.updateCertificate({ zone, certificateId, name: str(news, "name") }),
      );
    }
    // A certificate recorded while still pending (an earlier create that did not finish).
    if (olds.status !== "ready") {
      return certificateProps(zone, await ctx.api.waitForCertificate({ zone, certificateId }));
    }
    return undefined;
  },

  async delete(ctx, id) {
    const { zone, id: certificateId } = splitId(id, ctx.env.defaultZone);
    await unlessGone(() => ctx.api.deleteCertificate({ zone, certificateId }));
  },

  async findEarlierAttempts(ctx, inputs) {
    const zone = str(inputs, "zone");
    const name = str(inputs, "name");
    const lbId = splitId(str(inputs, "lbId"), zone).id;
    const certificates = await ctx.api.listAllCertificates({ zone, lbId, name });
    return certificates
      .filter((c) => c.name === name)
      .map((c) => ({ id: zonedId(zone, c.id), props: certificateProps(zone, c) }));
  },
};

/** Outputs, plus `letsencrypt` as the API reports it (an uploaded chain is never returned). */
export function certificateProps(zone: string, c: Certificate): Props {
  const letsencrypt =
    c.type === "custom"
      ? undefined
      : { commonName: c.commonName, subjectAlternativeNames: c.subjectAlternativeName };
  return defined({
    zone,
    lbId: zonedId(zone, c.lb.id),
    name: c.name,
    letsencrypt,
    type: c.type === "custom" ? "custom" : "letsencrypt",
    status: c.status,
    statusDetails: c.statusDetails,
    commonName: c.commonName,
    subjectAlternativeNames: c.subjectAlternativeName,
    fingerprint: c.fingerprint,
    notValidBefore: c.notValidBefore,
    notValidAfter: c.notValidAfter,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
  });
}
