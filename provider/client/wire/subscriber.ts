/** Subscriber wire schemas and marshalling. */
import { z } from "zod";
import { type JsonObject, jsonObject } from "../json";
import type {
  CreateSubscriberRequest,
  ListSubscriberResponse,
  Subscriber,
  SubscriberEmailConfig,
  SubscriberWebhookConfig,
} from "../model/subscriber";
import { list, member } from "./common";

export const SubscriberWire = z
  .looseObject({
    id: z.string(),
    name: z.string(),
    email_config: member(z.looseObject({ email: z.string() })),
    webhook_config: member(z.looseObject({ uri: z.string() })),
  })
  .transform(
    (w): Subscriber => ({
      id: w.id,
      name: w.name,
      ...(w.email_config ? { emailConfig: { email: w.email_config.email } } : {}),
      ...(w.webhook_config ? { webhookConfig: { uri: w.webhook_config.uri } } : {}),
    }),
  );

export const ListSubscriberResponseWire = z
  .looseObject({ subscribers: list(SubscriberWire), total_count: z.number() })
  .transform((w): ListSubscriberResponse => ({ subscribers: w.subscribers, totalCount: w.total_count }));

interface SubscriberConfigs {
  emailConfig?: SubscriberEmailConfig;
  webhookConfig?: SubscriberWebhookConfig;
}

function configFields(req: SubscriberConfigs): JsonObject {
  return jsonObject({
    email_config: req.emailConfig ? { email: req.emailConfig.email } : undefined,
    webhook_config: req.webhookConfig ? { uri: req.webhookConfig.uri } : undefined,
  });
}

export function marshalCreateSubscriber(
  req: CreateSubscriberRequest,
  project: { projectId?: string; organizationId?: string },
): JsonObject {
  return jsonObject({
    name: req.name,
    ...configFields(req),
    project_id: project.projectId,
    organization_id: project.organizationId,
  });
}

export function marshalUpdateSubscriber(req: { name: string } & SubscriberConfigs): JsonObject {
  return jsonObject({ name: req.name, ...configFields(req) });
}
