/** What a resource operation works with: the API client and the provider's defaults. */
import type { LbClient } from "../client";
import type { CheckEnvironment } from "../core/check-resource";

export interface ResourceContext {
  readonly api: LbClient;
  readonly env: CheckEnvironment;
}
