/**
 * Each resource kind's definition with its operations: what a front door (the dynamic provider's
 * runtime, the native plugin) needs to serve a kind. Door-neutral: no Pulumi here.
 */
import type { ResourceDefinition } from "../core/property";
import { aclDefinition } from "./acl/definition";
import { aclOperations } from "./acl/operations";
import { backendDefinition } from "./backend/definition";
import { backendOperations } from "./backend/operations";
import { certificateDefinition } from "./certificate/definition";
import { certificateOperations } from "./certificate/operations";
import { frontendDefinition } from "./frontend/definition";
import { frontendOperations } from "./frontend/operations";
import { ipDefinition } from "./ip/definition";
import { ipOperations } from "./ip/operations";
import { loadBalancerDefinition } from "./load-balancer/definition";
import { loadBalancerOperations } from "./load-balancer/operations";
import type { Operations } from "./operations";
import { routeDefinition } from "./route/definition";
import { routeOperations } from "./route/operations";

export interface ResourceKind {
  readonly definition: ResourceDefinition;
  readonly operations: Operations;
}

export const kinds: Readonly<Record<string, ResourceKind>> = {
  LoadBalancer: { definition: loadBalancerDefinition, operations: loadBalancerOperations },
  Ip: { definition: ipDefinition, operations: ipOperations },
  Backend: { definition: backendDefinition, operations: backendOperations },
  Frontend: { definition: frontendDefinition, operations: frontendOperations },
  Route: { definition: routeDefinition, operations: routeOperations },
  Acl: { definition: aclDefinition, operations: aclOperations },
  Certificate: { definition: certificateDefinition, operations: certificateOperations },
};
