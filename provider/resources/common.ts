/** Properties every resource kind shares: where it lives, what it is called, what it adopts. */
import type { ArrayProp, OutputSpec, StringProp } from "../core/property";
import { ZONES } from "../core/zoned-id";

export const zoneInput: StringProp = {
  type: "string",
  enum: ZONES,
  policy: "replace",
  // Not a field of the API's objects: the zone an object was read in is its zone.
  api: { read: (_value, where) => where.zone },
  description:
    "The zone the object lives in. Top-level resources default to the provider's zone (stack config `scaleway:zone`, then `SCW_DEFAULT_ZONE`, then `fr-par-1`); children always live in their parent's zone. Changing it replaces the object.",
};

export const importIdInput: StringProp = {
  type: "string",
  format: "id",
  policy: "local",
  description:
    'Adopt an existing object instead of creating one: its id, `"<zone>/<uuid>"`. On create, the object is read and compared with the declared arguments; if any differ, the create fails listing them and nothing is written. Once adopted the object is managed like any other (a destroy deletes it).',
};

export function nameInput<const E extends string>(
  what: string,
  endpoint: E,
): StringProp & { readonly policy: { readonly update: E } } {
  return {
    type: "string",
    minLength: 1,
    // The API refuses an empty or longer name (emulator/validation.ts `name`; reference §8.19).
    maxLength: 255,
    policy: { update: endpoint },
    description: `The ${what}'s name. Default: \`<resource name>-<suffix>\`, kept across updates; the 7 hex digits of the suffix derive from the project, the stack, the resource name and the inputs that force a replacement, so every attempt of one create uses the same name and a replacement gets a new one.`,
  };
}

export function parentIdInput(what: string): StringProp & { readonly required: true } {
  return {
    type: "string",
    format: "id",
    required: true,
    policy: "replace",
    description: `The ${what} this object belongs to: its id (e.g. \`${what === "load balancer" ? "lb.id" : what === "frontend" ? "frontend.id" : "backend.id"}\`), \`"<zone>/<uuid>"\`. Changing it replaces the object.`,
  };
}

export const tagsInput = <const E extends string>(
  endpoint: E,
): ArrayProp & {
  readonly items: StringProp;
  readonly default: string[];
  readonly policy: { readonly update: E };
} => ({
  type: "array",
  // At most 100 tags of at most 128 characters (emulator/validation.ts `tags`).
  items: { type: "string", minLength: 1, maxLength: 128, description: "A tag." },
  maxItems: 100,
  unordered: true,
  default: [],
  policy: { update: endpoint },
  description: "Tags (free-form strings). Order does not matter. Default: none.",
});

export const projectIdInput: StringProp = {
  type: "string",
  pattern: {
    regex: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
    description: "a lower-case UUID",
  },
  policy: "replace",
  description:
    "The Scaleway project that owns the object. Default: the provider's project (stack config `scaleway:projectId`, then `SCW_DEFAULT_PROJECT_ID`, then the CLI config file). Changing it replaces the object.",
};

/** Every resource records the shape version of its state, so later releases can read old state. */
export const STATE_VERSION = 1;

export const stateVersionOutput: OutputSpec = {
  type: "integer",
  // Written by the dynamic provider with every state (STATE_VERSION), not read from the API.
  api: { byKind: true },
  description: "Version of this resource's state layout.",
};

/** The API's timestamps, and the state version: outputs every child resource has. */
export const timestampOutputs = {
  createdAt: { type: "string", description: "Creation time (RFC 3339)." },
  updatedAt: { type: "string", description: "Last update time (RFC 3339)." },
  stateVersion: stateVersionOutput,
} as const satisfies { readonly [name: string]: OutputSpec };
