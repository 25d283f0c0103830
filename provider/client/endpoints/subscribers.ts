/** Alert subscribers (reference §2 #45–51). */
import { deletion, endpoint, listing } from "../endpoint";
import { createdSinceSnapshot, readBack } from "../reconcile";
import { LbSchema } from "../schemas/lb";
import {
  CreateSubscriberBody,
  ListSubscribersQuery,
  SubscriberSchema,
  SubscribeToLbBody,
  UpdateSubscriberBody,
} from "../schemas/subscriber";
import { getLb } from "./lbs";

export const listSubscribers = listing(
  "listSubscribers",
  "/subscribers",
  ListSubscribersQuery,
  "subscribers",
  SubscriberSchema,
);
export const getSubscriber = endpoint("getSubscriber", "GET /subscribers/{subscriber_id}", {
  response: SubscriberSchema,
});
/**
 * Subscribers carry no creation time: the ones with the same name are listed before sending,
 * and a lost answer is resolved by looking for a new one with the same config (README).
 */
export const createSubscriber = endpoint("createSubscriber", "POST /subscribers", {
  body: CreateSubscriberBody,
  response: SubscriberSchema,
  projectScoped: true,
  reconcile: (a) => {
    const { zone, name, projectId, organizationId, emailConfig, webhookConfig } = a.req;
    const query = { zone, name, projectId, organizationId };
    const fits = (s: { name: string; emailConfig?: { email: string }; webhookConfig?: { uri: string } }) =>
      s.name === name &&
      s.emailConfig?.email === emailConfig?.email &&
      s.webhookConfig?.uri === webhookConfig?.uri;
    return createdSinceSnapshot(a, listSubscribers, query, fits, `name "${name}"`);
  },
});
/** PUT: name and config are replaced. */
export const updateSubscriber = endpoint("updateSubscriber", "PUT /subscribers/{subscriber_id}", {
  body: UpdateSubscriberBody,
  response: SubscriberSchema,
});
/** Note the API's path: `DELETE /lb/subscription/{id}`. */
export const deleteSubscriber = deletion("deleteSubscriber", "/lb/subscription/{subscriber_id}");
/** Subscribes an LB to alerts. A lost answer is resolved by reading the LB back. */
export const subscribeToLb = endpoint("subscribeToLb", "POST /lb/{lb_id}/subscribe", {
  body: SubscribeToLbBody,
  response: LbSchema,
  reconcile: (a) => {
    const { zone, lbId, subscriberId } = a.req;
    return readBack(a, getLb, { zone, lbId }, (lb) => lb.subscriber?.id === subscriberId);
  },
});
export const unsubscribeFromLb = endpoint("unsubscribeFromLb", "DELETE /lb/{lb_id}/unsubscribe", {
  response: LbSchema,
});
