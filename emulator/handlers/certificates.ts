/** Certificates (§2 #39–43, §4.7): Let's Encrypt (`pending -> ready`) or custom PEM (`ready` at once). */
import { z } from "zod";
import { timestamp, ZERO_TIME } from "../clock";
import { type HandlerResult, noContent, ok, type RequestContext } from "../context";
import { invalidArgument, invalidField, resourceStillInUse } from "../errors";
import { newId } from "../ids";
import { unresolvedName } from "../letsencrypt";
import { parseCertificateChain } from "../pem";
import { enumParam, first, nameMatches, ORDER_CREATED_NAME, paginate, sortRows } from "../query";
import type { CertificateRecord, IpRecord, LbRecord } from "../records";
import { atMostOne, bodyObject, name, opt, parseWith } from "../validation";
import { renderCertificate } from "../wire/certificate";
import { certificateParam, lbParam, requireStable } from "./lookup";

const dnsName = z.string().min(1).max(253);

const createSchema = z.object({
  name,
  letsencrypt: opt(
    z.object({ common_name: dnsName, subject_alternative_name: opt(z.array(dnsName).max(100)) }),
  ),
  custom_certificate: opt(
    z.object({
      certificate_chain: z
        .string()
        .min(1)
        .max(512 * 1024),
    }),
  ),
});

const updateSchema = z.object({ name });

function lbIps(ctx: RequestContext, lb: LbRecord): IpRecord[] {
  return lb.ipIds.flatMap((id) => {
    const ip = ctx.store.ips.get(id);
    return ip ? [ip] : [];
  });
}

export function listCertificates(ctx: RequestContext): HandlerResult {
  const lb = lbParam(ctx);
  const nameFilter = first(ctx.query, "name");
  const orderBy = enumParam(ctx.query, "order_by", ORDER_CREATED_NAME, "created_at_asc");
  const rows = ctx.store.certificates.where("lb", lb.id).filter((c) => nameMatches(nameFilter, c.name));
  for (const cert of rows) ctx.lifecycle.readCertificate(cert);
  const page = paginate(ctx.query, sortRows(rows, orderBy));
  return ok({
    certificates: page.items.map((c) => renderCertificate(ctx.store, c, false)),
    total_count: page.totalCount,
  });
}

export function createCertificate(ctx: RequestContext): HandlerResult {
  const lb = lbParam(ctx);
  const raw = bodyObject(ctx.body);
  const body = parseWith(createSchema, raw);
  const kind = atMostOne(raw, ["letsencrypt", "custom_certificate"] as const, "certificate type");
  requireStable(lb);
  const now = timestamp();
  const base = { id: newId(), zone: ctx.zone, seq: ctx.store.nextSeq(), lbId: lb.id, name: body.name };
  let cert: CertificateRecord;
  if (kind === "letsencrypt" && body.letsencrypt) {
    const names = [body.letsencrypt.common_name, ...(body.letsencrypt.subject_alternative_name ?? [])];
    const unresolved = unresolvedName(names, lbIps(ctx, lb));
    if (unresolved !== undefined) {
      const ipv4 = lbIps(ctx, lb).find((ip) => !ip.isIpv6)?.address ?? "";
      throw invalidField("dns_name", `${unresolved} not resolve to your Load Balancer IP ${ipv4}`);
    }
    cert = {
      ...base,
      type: "letsencrypt",
      commonName: body.letsencrypt.common_name,
      subjectAlternativeName: body.letsencrypt.subject_alternative_name ?? [],
      fingerprint: "",
      notValidBefore: ZERO_TIME,
      notValidAfter: ZERO_TIME,
      status: "pending",
      statusDetails: null,
      transition: null,
      createdAt: now,
      updatedAt: now,
    };
    ctx.lifecycle.startCertificate(cert);
  } else if (kind === "custom_certificate" && body.custom_certificate) {
    const parsed = parseCertificateChain(body.custom_certificate.certificate_chain);
    if (!parsed.ok) throw invalidArgument("custom_certificate.certificate_chain", "format", parsed.reason);
    cert = {
      ...base,
      type: "custom",
      ...parsed.chain,
      fingerprint: "",
      status: "ready",
      statusDetails: null,
      transition: null,
      createdAt: now,
      updatedAt: now,
    };
  } else {
    throw invalidArgument("letsencrypt", "required", "one of letsencrypt and custom_certificate is required");
  }
  ctx.store.certificates.put(cert);
  ctx.lifecycle.configChanged(lb.id);
  return ok(renderCertificate(ctx.store, cert, true));
}

export function getCertificate(ctx: RequestContext): HandlerResult {
  const cert = certificateParam(ctx);
  ctx.lifecycle.readCertificate(cert);
  return ok(renderCertificate(ctx.store, cert, false));
}

/** Only the name can change (§4.7). */
export function updateCertificate(ctx: RequestContext): HandlerResult {
  const cert = certificateParam(ctx);
  const body = parseWith(updateSchema, bodyObject(ctx.body));
  const lb = ctx.store.lbs.get(cert.lbId);
  if (lb) requireStable(lb);
  cert.name = body.name;
  cert.updatedAt = timestamp();
  return ok(renderCertificate(ctx.store, cert, false));
}

/** A certificate still bound to a frontend cannot be deleted (412, §7.3). */
export function deleteCertificate(ctx: RequestContext): HandlerResult {
  const cert = certificateParam(ctx);
  const lb = ctx.store.lbs.get(cert.lbId);
  if (lb) requireStable(lb);
  const user = ctx.store.frontends.where("lb", cert.lbId).find((f) => f.certificateIds.includes(cert.id));
  if (user) throw resourceStillInUse(`certificate ${cert.id} is used by frontend ${user.id}`);
  ctx.store.certificates.delete(cert.id);
  ctx.lifecycle.configChanged(cert.lbId);
  return noContent();
}
