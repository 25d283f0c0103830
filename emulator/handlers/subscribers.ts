/** Alert subscribers (§2 #45–51, §4.10), with their odd paths for delete and (un)subscribe. */
import { z } from "zod";
import { type HandlerResult, noContent, ok, type RequestContext } from "../context";
import { invalidArgument } from "../errors";
import { newId } from "../ids";
import { enumParam, first, nameMatches, ORDER_CREATED_NAME, paginate, sortRows } from "../query";
import type { SubscriberConfig, SubscriberRecord } from "../records";
import { atMostOne, bodyObject, name, opt, parseWith, uuid } from "../validation";
import { renderLb } from "../wire/lb";
import { renderSubscriber } from "../wire/subscriber";
import { findSubscriber, lbParam, subscriberParam } from "./lookup";
import { resolveOwnership } from "./project";

const configFields = {
  email_config: opt(z.object({ email: z.email() })),
  webhook_config: opt(z.object({ uri: z.url() })),
};

const createSchema = z.object({ name, project_id: opt(uuid), organization_id: opt(uuid), ...configFields });
const updateSchema = z.object({ name, ...configFields });
const subscribeSchema = z.object({ subscriber_id: uuid });

function configOf(raw: Record<string, unknown>, body: z.output<typeof updateSchema>): SubscriberConfig {
  atMostOne(raw, ["email_config", "webhook_config"] as const, "subscriber configuration");
  if (body.email_config) return { kind: "email", email: body.email_config.email };
  if (body.webhook_config) return { kind: "webhook", uri: body.webhook_config.uri };
  throw invalidArgument("email_config", "required", "one of email_config and webhook_config is required");
}

export function listSubscribers(ctx: RequestContext): HandlerResult {
  const nameFilter = first(ctx.query, "name");
  const projectId = first(ctx.query, "project_id");
  const organizationId = first(ctx.query, "organization_id");
  const orderBy = enumParam(ctx.query, "order_by", ORDER_CREATED_NAME, "created_at_asc");
  const rows = ctx.store.subscribers
    .values()
    .filter(
      (s) =>
        s.zone === ctx.zone &&
        nameMatches(nameFilter, s.name) &&
        (!projectId || s.projectId === projectId) &&
        (!organizationId || s.organizationId === organizationId),
    );
  const page = paginate(ctx.query, sortRows(rows, orderBy));
  return ok({ subscribers: page.items.map(renderSubscriber), total_count: page.totalCount });
}

export function createSubscriber(ctx: RequestContext): HandlerResult {
  const raw = bodyObject(ctx.body);
  const body = parseWith(createSchema, raw);
  const owner = resolveOwnership(body.project_id, body.organization_id);
  const subscriber: SubscriberRecord = {
    id: newId(),
    zone: ctx.zone,
    seq: ctx.store.nextSeq(),
    name: body.name,
    config: configOf(raw, body),
    ...owner,
  };
  ctx.store.subscribers.put(subscriber);
  return ok(renderSubscriber(subscriber));
}

export function getSubscriber(ctx: RequestContext): HandlerResult {
  return ok(renderSubscriber(subscriberParam(ctx)));
}

/** Full replacement: switching email -> webhook drops the email config (§4.10). */
export function updateSubscriber(ctx: RequestContext): HandlerResult {
  const subscriber = subscriberParam(ctx);
  const raw = bodyObject(ctx.body);
  const body = parseWith(updateSchema, raw);
  subscriber.config = configOf(raw, body);
  subscriber.name = body.name;
  return ok(renderSubscriber(subscriber));
}

/** `DELETE /lb/subscription/{id}`; LBs subscribed to it are unsubscribed. */
export function deleteSubscriber(ctx: RequestContext): HandlerResult {
  const subscriber = subscriberParam(ctx);
  for (const lb of ctx.store.lbs.values()) {
    if (lb.subscriberId === subscriber.id) lb.subscriberId = null;
  }
  ctx.store.subscribers.delete(subscriber.id);
  return noContent();
}

export function subscribeToLb(ctx: RequestContext): HandlerResult {
  const lb = lbParam(ctx);
  const body = parseWith(subscribeSchema, bodyObject(ctx.body));
  lb.subscriberId = findSubscriber(ctx, body.subscriber_id).id;
  return ok(renderLb(ctx.store, lb));
}

/** `DELETE /lb/{id}/unsubscribe` answers the LB (200), unlike other deletes (§1.2). */
export function unsubscribeFromLb(ctx: RequestContext): HandlerResult {
  const lb = lbParam(ctx);
  lb.subscriberId = null;
  return ok(renderLb(ctx.store, lb));
}
