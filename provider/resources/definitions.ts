/** The resource definitions, in the order documentation lists them. */
import type { ResourceDefinition } from "../core/property";
import { aclDefinition } from "./acl/definition";
import { backendDefinition } from "./backend/definition";
import { certificateDefinition } from "./certificate/definition";
import { frontendDefinition } from "./frontend/definition";
import { ipDefinition } from "./ip/definition";
import { loadBalancerDefinition } from "./load-balancer/definition";
import { privateNetworkDefinition } from "./private-network/definition";
import { routeDefinition } from "./route/definition";

export const definitions: readonly ResourceDefinition[] = [
  loadBalancerDefinition,
  ipDefinition,
  backendDefinition,
  frontendDefinition,
  routeDefinition,
  aclDefinition,
  certificateDefinition,
  privateNetworkDefinition,
];

/** The Pulumi type token of a kind; part of every URN, so it never changes. */
export function typeToken(kind: string): string {
  return `pulumi-nodejs:dynamic/scaleway-lb:${kind}`;
}

/** The module and type arguments pulumi.dynamic.Resource turns into that token. */
export const DYNAMIC_MODULE = "scaleway-lb";
