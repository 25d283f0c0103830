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
import { type Operations, untyped } from "./operations";
import { routeDefinition } from "./route/definition";
import { routeOperations } from "./route/operations";

export interface ResourceKind {
  readonly definition: ResourceDefinition;
  readonly operations: Operations;
}

/** A kind's definition with its operations, typed for that definition. */
function kind<D extends ResourceDefinition>(definition: D, operations: Operations<D>): ResourceKind {
  return { definition, operations: untyped(operations) };
}

export const kinds: Readonly<Record<string, ResourceKind>> = {
  LoadBalancer: kind(loadBalancerDefinition, loadBalancerOperations),
  Ip: kind(ipDefinition, ipOperations),
  Backend: kind(backendDefinition, backendOperations),
  Frontend: kind(frontendDefinition, frontendOperations),
  Route: kind(routeDefinition, routeOperations),
  Acl: kind(aclDefinition, aclOperations),
  Certificate: kind(certificateDefinition, certificateOperations),
};
