/**
 * A live load balancer tree as the import sees it: every object with its id and its props in the
 * provider's shape (what the resource's `read` returns), so that what the import writes is
 * compared against exactly what the provider will compare against.
 */
import type { Props } from "../../provider/resources/operations";

/** The resource kinds, by their SDK class names. */
export type Kind =
  | "LoadBalancer"
  | "Ip"
  | "Backend"
  | "Frontend"
  | "Route"
  | "Acl"
  | "Certificate"
  | "PrivateNetwork";

export interface LiveObject {
  readonly kind: Kind;
  /** Zoned id, `"<zone>/<uuid>"` (an attachment's: `"<zone>/<lb uuid>/<network uuid>"`): the importId. */
  readonly id: string;
  /** Props as the provider maps them from the API (inputs and outputs). */
  readonly props: Props;
}

export interface LiveTree {
  readonly zone: string;
  readonly lb: LiveObject;
  /** The load balancer's flexible IPs. */
  readonly ips: readonly LiveObject[];
  readonly certificates: readonly LiveObject[];
  readonly backends: readonly LiveObject[];
  readonly frontends: readonly LiveObject[];
  /** Routes of the frontends above. */
  readonly routes: readonly LiveObject[];
  /** ACLs of the frontends above. */
  readonly acls: readonly LiveObject[];
  /** The load balancer's private network attachments (`PrivateNetwork`). */
  readonly privateNetworks: readonly LiveObject[];
}
