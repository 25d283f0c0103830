/**
 * VPC v2 VPCs (`/vpc/v2/regions/{region}/vpcs`): create, get, list, delete — the part LB
 * attachments need. A project's default VPC is made on demand (see vpc-private-networks.ts).
 */
import { z } from "zod";
import { timestamp } from "../clock";
import { type HandlerResult, noContent, ok, type RequestContext } from "../context";
import { resourceStillInUse } from "../errors";
import { newId } from "../ids";
import {
  all,
  enumParam,
  first,
  nameMatches,
  ORDER_CREATED_NAME,
  paginate,
  sortRows,
  tagsMatch,
} from "../query";
import type { Store } from "../store";
import { bodyObject, name, opt, parseWith, tags, uuid } from "../validation";
import type { VpcRecord } from "../vpc-records";
import { renderVpc } from "../wire/vpc";
import { resolveOwnership } from "./project";
import { idParam, regionParam, resourceNotFound } from "./vpc-common";

const createSchema = z.object({
  name: opt(name),
  project_id: opt(uuid),
  tags,
  enable_routing: opt(z.boolean()),
  enable_transitivity: opt(z.boolean()),
});

export function findVpc(store: Store, region: string, id: string): VpcRecord {
  const vpc = store.vpcs.get(id);
  if (!vpc || vpc.region !== region) throw resourceNotFound("vpc", id);
  return vpc;
}

export function newVpc(
  store: Store,
  region: string,
  projectId: string,
  fields: Partial<VpcRecord>,
): VpcRecord {
  const now = timestamp();
  const vpc: VpcRecord = {
    id: newId(),
    region,
    seq: store.nextSeq(),
    name: "default",
    projectId,
    organizationId: projectId,
    tags: [],
    isDefault: false,
    transitivityEnabled: false,
    createdAt: now,
    updatedAt: now,
    ...fields,
  };
  store.vpcs.put(vpc);
  return vpc;
}

/** The project's default VPC in the region, created the first time it is needed. */
export function defaultVpc(store: Store, region: string, projectId: string): VpcRecord {
  const found = store.vpcs
    .values()
    .find((v) => v.region === region && v.projectId === projectId && v.isDefault);
  return found ?? newVpc(store, region, projectId, { isDefault: true });
}

export function createVpc(ctx: RequestContext): HandlerResult {
  const region = regionParam(ctx);
  const body = parseWith(createSchema, bodyObject(ctx.body));
  const owner = resolveOwnership(body.project_id);
  const vpc = newVpc(ctx.store, region, owner.projectId, {
    name: body.name ?? `vpc-${newId().slice(0, 8)}`,
    tags: body.tags ?? [],
    transitivityEnabled: body.enable_transitivity ?? false,
  });
  return ok(renderVpc(ctx.store, vpc));
}

export function getVpc(ctx: RequestContext): HandlerResult {
  return ok(renderVpc(ctx.store, findVpc(ctx.store, regionParam(ctx), idParam(ctx, "vpc_id"))));
}

export function listVpcs(ctx: RequestContext): HandlerResult {
  const region = regionParam(ctx);
  const orderBy = enumParam(ctx.query, "order_by", ORDER_CREATED_NAME, "created_at_asc");
  const nameFilter = first(ctx.query, "name");
  const projectId = first(ctx.query, "project_id");
  const tagFilter = all(ctx.query, "tags");
  const rows = ctx.store.vpcs
    .values()
    .filter(
      (v) =>
        v.region === region &&
        nameMatches(nameFilter, v.name) &&
        (!projectId || v.projectId === projectId) &&
        tagsMatch(tagFilter, v.tags),
    );
  const page = paginate(ctx.query, sortRows(rows, orderBy));
  return ok({ vpcs: page.items.map((v) => renderVpc(ctx.store, v)), total_count: page.totalCount });
}

/** 204; a VPC that still holds private networks cannot go (412 `resource_still_in_use`). */
export function deleteVpc(ctx: RequestContext): HandlerResult {
  const vpc = findVpc(ctx.store, regionParam(ctx), idParam(ctx, "vpc_id"));
  if (ctx.store.vpcPrivateNetworks.count("vpc", vpc.id) > 0) {
    throw resourceStillInUse("the VPC still contains private networks: delete them first");
  }
  ctx.store.vpcs.delete(vpc.id);
  return noContent();
}
