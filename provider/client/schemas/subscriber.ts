/** Alert subscribers (reference §4.10). Exactly one of `email_config` / `webhook_config`. */
import { z } from "zod";
import type { Camelize } from "../casing";
import { member, nameQuery, projectBody, projectQuery } from "./common";

const configs = {
  email_config: member(z.object({ email: z.string() })),
  webhook_config: member(z.object({ uri: z.string() })),
};

export const SubscriberSchema = z.object({ id: z.string(), name: z.string(), ...configs });
export type Subscriber = Camelize<z.output<typeof SubscriberSchema>>;
export type SubscriberEmailConfig = NonNullable<Subscriber["emailConfig"]>;
export type SubscriberWebhookConfig = NonNullable<Subscriber["webhookConfig"]>;

export const ListSubscribersQuery = z.object({ ...nameQuery, ...projectQuery });

const requestConfigs = {
  email_config: z.object({ email: z.string() }).optional(),
  webhook_config: z.object({ uri: z.string() }).optional(),
};
export const CreateSubscriberBody = z.object({ name: z.string(), ...requestConfigs, ...projectBody });
export const UpdateSubscriberBody = z.object({ name: z.string(), ...requestConfigs });
export const SubscribeToLbBody = z.object({ subscriber_id: z.string() });
