import type { dynamic } from "@pulumi/pulumi";

/** The serialized provider of each resource kind (see shim.js). */
export declare const shims: {
  readonly LoadBalancer: dynamic.ResourceProvider;
  readonly Ip: dynamic.ResourceProvider;
  readonly Backend: dynamic.ResourceProvider;
  readonly Frontend: dynamic.ResourceProvider;
  readonly Route: dynamic.ResourceProvider;
  readonly Acl: dynamic.ResourceProvider;
  readonly Certificate: dynamic.ResourceProvider;
  readonly PrivateNetwork: dynamic.ResourceProvider;
};
