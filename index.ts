/**
 * pulumi-scaleway-lb: Scaleway Load Balancer resources for Pulumi programs.
 * The classes are generated from the resource definitions (scripts/generate).
 */
export * from "./sdk";
