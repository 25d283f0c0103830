/** `Subscriber` (§3.12): only the config member that is set, no project or timestamps. */
import type { SubscriberRecord } from "../records";
import type { JsonObject } from "./json";

export function renderSubscriber(subscriber: SubscriberRecord): JsonObject {
  const config: JsonObject =
    subscriber.config.kind === "email"
      ? { email_config: { email: subscriber.config.email } }
      : { webhook_config: { uri: subscriber.config.uri } };
  return { id: subscriber.id, name: subscriber.name, ...config };
}
