/** Alert subscriber operations (reference §2 #45–51, §4.10). */
import type { Lb } from "../model/lb";
import type {
  CreateSubscriberRequest,
  DeleteSubscriberRequest,
  GetSubscriberRequest,
  ListSubscriberResponse,
  ListSubscribersRequest,
  Subscriber,
  SubscribeToLbRequest,
  UnsubscribeFromLbRequest,
  UpdateSubscriberRequest,
} from "../model/subscriber";
import type { CallOptions } from "../operation";
import { collectAll } from "../pagination";
import { zonedPath } from "../query";
import { noContent } from "../wire/common";
import { LbWire } from "../wire/lb";
import {
  ListSubscriberResponseWire,
  marshalCreateSubscriber,
  marshalUpdateSubscriber,
  SubscriberWire,
} from "../wire/subscriber";
import { type ApiContext, projectOf, zoneOf } from "./context";
import { pickCreated } from "./reconcile";

function sameConfig(a: Subscriber, b: CreateSubscriberRequest): boolean {
  return a.emailConfig?.email === b.emailConfig?.email && a.webhookConfig?.uri === b.webhookConfig?.uri;
}

export function subscriberMethods(ctx: ApiContext) {
  async function listSubscribers(
    req: ListSubscribersRequest = {},
    call?: CallOptions,
  ): Promise<ListSubscriberResponse> {
    return ctx.run(
      {
        operation: "listSubscribers",
        method: "GET",
        path: zonedPath(zoneOf(ctx, req), "subscribers"),
        query: {
          name: req.name,
          order_by: req.orderBy,
          page: req.page,
          page_size: req.pageSize,
          organization_id: req.organizationId,
          project_id: req.projectId,
        },
        response: ListSubscriberResponseWire,
        safety: "read",
      },
      call,
    );
  }

  async function listAllSubscribers(
    req: Omit<ListSubscribersRequest, "page"> = {},
    call?: CallOptions,
  ): Promise<Subscriber[]> {
    return collectAll(
      async (page, pageSize) => {
        const r = await listSubscribers({ ...req, page, pageSize }, call);
        return { items: r.subscribers, totalCount: r.totalCount };
      },
      (subscriber) => subscriber.id,
      { pageSize: req.pageSize },
    );
  }

  async function getSubscriber(req: GetSubscriberRequest, call?: CallOptions): Promise<Subscriber> {
    return ctx.run(
      {
        operation: "getSubscriber",
        method: "GET",
        path: zonedPath(zoneOf(ctx, req), "subscribers", req.subscriberId),
        response: SubscriberWire,
        safety: "read",
      },
      call,
    );
  }

  /**
   * Creates a subscriber. Subscribers carry no creation time: the ones with the same name are
   * listed before sending, and a lost answer is resolved by looking for a new one (README).
   */
  async function createSubscriber(req: CreateSubscriberRequest, call?: CallOptions): Promise<Subscriber> {
    const zone = zoneOf(ctx, req);
    const project = projectOf(ctx, req);
    const shared = ctx.withDeadline(call);
    const listNamed = (inner: CallOptions) => listAllSubscribers({ zone, name: req.name, ...project }, inner);
    const before = new Set((await listNamed(shared)).map((s) => s.id));
    return ctx.run(
      {
        operation: "createSubscriber",
        method: "POST",
        path: zonedPath(zone, "subscribers"),
        body: marshalCreateSubscriber(req, project),
        response: SubscriberWire,
        safety: "non_idempotent",
        reconcile: async (inner) => {
          const after = await listNamed(inner);
          const fresh = after.filter((s) => !before.has(s.id) && s.name === req.name && sameConfig(s, req));
          return pickCreated("createSubscriber", `name "${req.name}"`, fresh);
        },
      },
      shared,
    );
  }

  /** PUT: name and config are replaced. */
  async function updateSubscriber(req: UpdateSubscriberRequest, call?: CallOptions): Promise<Subscriber> {
    return ctx.run(
      {
        operation: "updateSubscriber",
        method: "PUT",
        path: zonedPath(zoneOf(ctx, req), "subscribers", req.subscriberId),
        body: marshalUpdateSubscriber(req),
        response: SubscriberWire,
        safety: "idempotent",
      },
      call,
    );
  }

  /** Note the API's path: `DELETE /lb/subscription/{id}`. */
  async function deleteSubscriber(req: DeleteSubscriberRequest, call?: CallOptions): Promise<void> {
    await ctx.run(
      {
        operation: "deleteSubscriber",
        method: "DELETE",
        path: zonedPath(zoneOf(ctx, req), "lb", "subscription", req.subscriberId),
        response: noContent,
        safety: "idempotent",
        notFoundMeansDone: true,
      },
      call,
    );
  }

  /** Subscribes an LB to alerts. A lost answer is resolved by reading the LB back. */
  async function subscribeToLb(req: SubscribeToLbRequest, call?: CallOptions): Promise<Lb> {
    const zone = zoneOf(ctx, req);
    return ctx.run(
      {
        operation: "subscribeToLb",
        method: "POST",
        path: zonedPath(zone, "lb", req.lbId, "subscribe"),
        body: { subscriber_id: req.subscriberId },
        response: LbWire,
        safety: "non_idempotent",
        reconcile: async (inner) => {
          const lb = await ctx.run(
            {
              operation: "getLb",
              method: "GET",
              path: zonedPath(zone, "lbs", req.lbId),
              response: LbWire,
              safety: "read",
            },
            inner,
          );
          return lb.subscriber?.id === req.subscriberId ? lb : null;
        },
      },
      call,
    );
  }

  async function unsubscribeFromLb(req: UnsubscribeFromLbRequest, call?: CallOptions): Promise<Lb> {
    return ctx.run(
      {
        operation: "unsubscribeFromLb",
        method: "DELETE",
        path: zonedPath(zoneOf(ctx, req), "lb", req.lbId, "unsubscribe"),
        response: LbWire,
        safety: "idempotent",
      },
      call,
    );
  }

  return {
    listSubscribers,
    listAllSubscribers,
    getSubscriber,
    createSubscriber,
    updateSubscriber,
    deleteSubscriber,
    subscribeToLb,
    unsubscribeFromLb,
  };
}

export type SubscriberMethods = ReturnType<typeof subscriberMethods>;
