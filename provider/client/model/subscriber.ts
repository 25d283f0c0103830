import type { PageRequest, ProjectScoped, ZonedRequest } from "./common";

export interface SubscriberEmailConfig {
  email: string;
}

export interface SubscriberWebhookConfig {
  uri: string;
}

/** An alert subscriber. Exactly one of `emailConfig` / `webhookConfig` is present. */
export interface Subscriber {
  id: string;
  name: string;
  emailConfig?: SubscriberEmailConfig;
  webhookConfig?: SubscriberWebhookConfig;
}

export interface CreateSubscriberRequest extends ZonedRequest, ProjectScoped {
  name: string;
  /** One of `emailConfig` / `webhookConfig`. */
  emailConfig?: SubscriberEmailConfig;
  webhookConfig?: SubscriberWebhookConfig;
}

export interface GetSubscriberRequest extends ZonedRequest {
  subscriberId: string;
}

export interface UpdateSubscriberRequest extends ZonedRequest {
  subscriberId: string;
  name: string;
  emailConfig?: SubscriberEmailConfig;
  webhookConfig?: SubscriberWebhookConfig;
}

export type DeleteSubscriberRequest = GetSubscriberRequest;

export type ListSubscriberRequestOrderBy = "created_at_asc" | "created_at_desc" | "name_asc" | "name_desc";

export interface ListSubscribersRequest extends ZonedRequest, PageRequest {
  /** Substring match. */
  name?: string;
  orderBy?: ListSubscriberRequestOrderBy;
  organizationId?: string;
  projectId?: string;
}

export interface ListSubscriberResponse {
  subscribers: Subscriber[];
  totalCount: number;
}

export interface SubscribeToLbRequest extends ZonedRequest {
  lbId: string;
  subscriberId: string;
}

export interface UnsubscribeFromLbRequest extends ZonedRequest {
  lbId: string;
}
