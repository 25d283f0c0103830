/**
 * A lookup function ("data source"): one description — arguments, result fields, and the run that
 * answers it — drives the engine-agnostic core (plain objects in, plain objects out), schema.json's
 * `functions`, the SDK's `getX`/`getXOutput` and the README. A native provider plugin can serve the
 * same descriptions as invokes unchanged.
 */
import type { LbClient } from "../client";
import type { CheckEnvironment } from "../core/check-resource";
import type { Json, OutputSpec, Prop } from "../core/property";
import type { Query } from "./query";

/** What a lookup works with: the client (GET calls only) and the configured zone and project. */
export interface LookupContext {
  readonly api: LbClient;
  readonly env: Pick<CheckEnvironment, "defaultZone" | "defaultProjectId">;
  /** Items per page when walking lists. @default 100 (the API's maximum) */
  readonly pageSize?: number;
}

/** One field of a result (or of a list item): where its type and documentation come from. */
export type ResultField =
  /** A resource input as stored in state; `typeName` names its object and enum types (`BackendHealthCheck`). */
  | {
      readonly kind: "prop";
      readonly prop: Prop;
      /** The resource kind whose property this is (its SDK module holds the object types). */
      readonly resource: string;
      readonly typeName: string;
      readonly optional: boolean;
    }
  /** A resource output, or a value of the lookup itself. */
  | { readonly kind: "output"; readonly spec: OutputSpec; readonly optional: boolean }
  /** The objects a list lookup found. */
  | { readonly kind: "list"; readonly item: RecordType; readonly description: string };

/** The shape of one object a lookup returns: its id and the properties its resource outputs. */
export interface RecordType {
  /** Type name in schema.json and the SDK, e.g. `GetBackendsBackend`. */
  readonly name: string;
  readonly description: string;
  readonly fields: { readonly [name: string]: ResultField };
}

export type LookupResult = Record<string, Json>;

export interface LookupFunction {
  /** The function's name, as the Pulumi Scaleway provider spells it: `getLoadBalancer`. */
  readonly name: string;
  readonly description: string;
  readonly args: { readonly [name: string]: Prop };
  /** Exactly one of these arguments must be given (e.g. `lbId` or `name`). */
  readonly exactlyOne?: readonly string[];
  /** Arguments `name` needs alongside it (e.g. a backend's name is searched within `lbId`). */
  readonly nameNeeds?: string;
  /** `projectId` defaults to the configured project (top-level objects: load balancers, IPs). */
  readonly defaultProject?: boolean;
  readonly result: { readonly [name: string]: ResultField };
  readonly run: (ctx: LookupContext, query: Query) => Promise<LookupResult>;
}
