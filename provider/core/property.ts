/**
 * Property specifications: one table per resource kind says, for every field, its type, limits,
 * default, documentation and update policy. check, diff and schema.json are all derived from it.
 */

/** JSON values as they travel through the engine (no undefined, no Dates). */
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/**
 * How a change to a field is applied:
 * - `replace`: the API cannot change it; a new object replaces the old one;
 * - `{ update: endpoint }`: the named update endpoint changes it (the resource maps names to calls);
 * - `{ add: endpoint }`: growing is an update, shrinking replaces — items added to a list, or a
 *   flag turned on, are applied by the named endpoint; an item removed, or a flag turned off,
 *   replaces the object (e.g. an LB's IPs: the API attaches an IP but cannot detach one);
 * - `local`: a provider-side setting with no API field (e.g. what to do on delete): no API call.
 */
export type Policy = "replace" | "local" | { readonly update: string } | { readonly add: string };

interface Common {
  /** User-facing documentation: meaning, unit, range, allowed values. */
  readonly description: string;
  readonly required?: boolean;
  /** Filled in by check when the user gives nothing, so state shows the effective value. */
  readonly default?: Json;
  /**
   * When absent from the inputs, the server decides the value (e.g. an IP's reverse): an absent
   * input then never causes a diff.
   */
  readonly computed?: boolean;
  readonly secret?: boolean;
  /**
   * Shapes the object at creation only, and the API never reports it back (e.g. "allocate an IP"):
   * refresh keeps the declared value and adoption cannot compare it.
   */
  readonly createOnly?: boolean;
  /** Inherited from the enclosing property when left out. */
  readonly policy?: Policy;
  /**
   * The API reports this field as `null` when it was never set, and then applies the documented
   * `default`. State keeps the `null` the API answered; diff and adoption treat it as the default,
   * so an object made without the field adopts cleanly and a program leaving it out previews empty.
   */
  readonly nullMeansDefault?: boolean;
  /** How the field maps to the API object, when not copied under its own name (see ApiField). */
  readonly api?: ApiField;
}

/**
 * Where a field sits in the API's objects, for the mappings derived from the definition (API
 * answer → props, inputs → request body). By default a field is copied under its own name, an
 * `id`-format value is zoned in props and bare in requests, and an object maps member by member.
 */
export interface ApiField {
  /** Dotted path in the API's answer when it differs (e.g. `pool`, `lb.id`); `""` is the whole object. */
  readonly from?: string;
  /** Name in request bodies when it differs (e.g. `serverIp`). */
  readonly to?: string;
  /** Adjusts the answered value before the field maps it (e.g. `proxy_protocol_unknown` → `none`). */
  readonly read?: (value: unknown, where: ApiWhere) => unknown;
  /** Adjusts the mapped value before it is sent (e.g. 0 → null for "no limit"); undefined leaves it out. */
  readonly write?: (value: Json | undefined, where: ApiWhere) => Json | undefined;
  /** The kind fills it itself (e.g. from another API): the derived mapping leaves it out. */
  readonly byKind?: boolean;
}

/** What an API adjustment knows besides the value: the whole API object (answers) and the zone. */
export interface ApiWhere {
  readonly object: unknown;
  readonly zone: string;
}

export interface StringProp extends Common {
  readonly type: "string";
  readonly enum?: readonly string[];
  /** Compared and stored lower-cased (e.g. LB types: the API lower-cases them). */
  readonly lowercase?: boolean;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly pattern?: { readonly regex: RegExp; readonly description: string };
  /** Semantic formats, validated and canonicalized: `ip` (v4/v6), `cidr` (IP or CIDR), `id` (zoned or bare UUID). */
  readonly format?: "ip" | "cidr" | "id";
}

export interface IntegerProp extends Common {
  readonly type: "integer";
  readonly minimum?: number;
  readonly maximum?: number;
  readonly enum?: readonly number[];
  /** Unit shown in documentation and error messages. */
  readonly unit?: string;
}

export interface BooleanProp extends Common {
  readonly type: "boolean";
}

/** A duration: milliseconds as a number, or a string such as "500ms", "30s", "5m", "1h30m". Stored as ms. */
export interface DurationProp extends Common {
  readonly type: "duration";
  readonly minimum?: number;
  readonly maximum?: number;
}

export interface ArrayProp extends Common {
  readonly type: "array";
  readonly items: Prop;
  /** Order carries no meaning: compared as sets (server pools, tags). */
  readonly unordered?: boolean;
  readonly maxItems?: number;
  readonly minItems?: number;
}

export interface ObjectProp extends Common {
  readonly type: "object";
  readonly properties: { readonly [name: string]: Prop };
  /** Exactly one of these properties must be set (a one-of group). */
  readonly exactlyOne?: readonly string[];
  /** At most one of these properties may be set. */
  readonly atMostOne?: readonly string[];
}

export type Prop = StringProp | IntegerProp | BooleanProp | DurationProp | ArrayProp | ObjectProp;

/** An output-only field: computed by the server, documented, never an input. */
export interface OutputSpec {
  readonly description: string;
  readonly type: "string" | "integer" | "boolean" | "stringArray" | "object" | "objectArray";
  readonly secret?: boolean;
  readonly api?: ApiField;
}

/** Everything the provider knows about one resource kind's shape. */
export interface ResourceDefinition {
  /** Pulumi-facing kind, e.g. `Backend`; the type token is `pulumi-nodejs:dynamic/scaleway-lb:<kind>`. */
  readonly kind: string;
  readonly description: string;
  readonly inputs: { readonly [name: string]: Prop };
  readonly outputs: { readonly [name: string]: OutputSpec };
  /**
   * A replacement must delete the old object first, because the new one would collide with it:
   * `true` always; `{ sharing }` only when the new object keeps the value of every listed input
   * (for a list: keeps one of its items), e.g. an IP the old load balancer still holds.
   */
  readonly deleteBeforeReplace?: boolean | { readonly sharing: readonly string[] };
  /**
   * The input holding the parent's id (e.g. `lbId`): a child lives in its parent's zone, so its
   * `zone` is taken from that id rather than from configuration.
   */
  readonly parent?: string;
  /** The resource has a `name` that check generates (`<resource name>-<suffix>`) when none is given. */
  readonly autoName?: boolean;
  /** Defaults that depend on other fields (e.g. the health-check port follows the forward port). */
  readonly complete?: (inputs: Record<string, Json>) => Record<string, Json>;
  /** Cross-field rules check cannot express per property. Return failures (property + reason). */
  readonly validate?: (inputs: Readonly<Record<string, Json>>) => readonly CheckFailure[];
  /**
   * For inputs the API never returns (e.g. an uploaded certificate chain): what they say about the
   * object, computed alike from the declared inputs and from the live object's outputs (e.g. the
   * leaf's names and expiry). Adoption requires both to agree. Undefined when nothing can be said.
   */
  readonly adoptionIdentity?: (
    props: Readonly<Record<string, Json>>,
    side: "declared" | "live",
  ) => Record<string, Json> | undefined;
}

export interface CheckFailure {
  /** Dotted path of the property, e.g. `healthCheck.checkDelay`. */
  readonly property: string;
  readonly reason: string;
}

/**
 * Whether the API reports this input back. Provider-side settings (`local`), create-time flags
 * (`createOnly`) and secrets are known only from the program: state keeps what was declared.
 */
export function reportedByApi(prop: Prop): boolean {
  return prop.policy !== "local" && prop.createOnly !== true && prop.secret !== true;
}

/** The policy of a top-level or nested property, inheriting from its parents. */
export function policyOf(prop: Prop, inherited: Policy): Policy {
  return prop.policy ?? inherited;
}
