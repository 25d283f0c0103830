/** Alert subscribers (reference §2 #45–51). */
import { endpoint } from "../endpoint";
import { pickCreated } from "../reconcile";
import { listOf, noContent } from "../schemas/common";
import { LbSchema } from "../schemas/lb";
import {
  CreateSubscriberBody,
  ListSubscribersQuery,
  SubscriberSchema,
  SubscribeToLbBody,
  UpdateSubscriberBody,
} from "../schemas/subscriber";
import { getLb } from "./lbs";

export const listSubscribers = endpoint({
  name: "listSubscribers",
  method: "GET",
  path: "/subscribers",
  query: ListSubscribersQuery,
  response: listOf("subscribers", SubscriberSchema),
  items: "subscribers",
  safety: "read",
});

export const getSubscriber = endpoint({
  name: "getSubscriber",
  method: "GET",
  path: "/subscribers/{subscriber_id}",
  response: SubscriberSchema,
  safety: "read",
});

/**
 * Subscribers carry no creation time: the ones with the same name are listed before sending,
 * and a lost answer is resolved by looking for a new one with the same config (README).
 */
export const createSubscriber = endpoint({
  name: "createSubscriber",
  method: "POST",
  path: "/subscribers",
  body: CreateSubscriberBody,
  response: SubscriberSchema,
  safety: "non_idempotent",
  projectScoped: true,
  reconcile: async ({ req, zone, call, listAll }) => {
    const { name, projectId, organizationId, emailConfig, webhookConfig } = req;
    const listNamed = (inner: typeof call) =>
      listAll(listSubscribers, { zone, name, projectId, organizationId }, inner);
    const before = new Set((await listNamed(call)).map((s) => s.id));
    return async (inner) => {
      const fresh = (await listNamed(inner)).filter(
        (s) =>
          !before.has(s.id) &&
          s.name === name &&
          s.emailConfig?.email === emailConfig?.email &&
          s.webhookConfig?.uri === webhookConfig?.uri,
      );
      return pickCreated("createSubscriber", `name "${name}"`, fresh);
    };
  },
});

/** PUT: name and config are replaced. */
export const updateSubscriber = endpoint({
  name: "updateSubscriber",
  method: "PUT",
  path: "/subscribers/{subscriber_id}",
  body: UpdateSubscriberBody,
  response: SubscriberSchema,
  safety: "idempotent",
});

/** Note the API's path: `DELETE /lb/subscription/{id}`. */
export const deleteSubscriber = endpoint({
  name: "deleteSubscriber",
  method: "DELETE",
  path: "/lb/subscription/{subscriber_id}",
  response: noContent,
  safety: "idempotent",
  notFoundMeansDone: true,
});

/** Subscribes an LB to alerts. A lost answer is resolved by reading the LB back. */
export const subscribeToLb = endpoint({
  name: "subscribeToLb",
  method: "POST",
  path: "/lb/{lb_id}/subscribe",
  body: SubscribeToLbBody,
  response: LbSchema,
  safety: "non_idempotent",
  reconcile:
    ({ req: { lbId, subscriberId }, zone, send }) =>
    async (inner) => {
      const lb = await send(getLb, { zone, lbId }, inner);
      return lb.subscriber?.id === subscriberId ? lb : null;
    },
});

export const unsubscribeFromLb = endpoint({
  name: "unsubscribeFromLb",
  method: "DELETE",
  path: "/lb/{lb_id}/unsubscribe",
  response: LbSchema,
  safety: "idempotent",
});
