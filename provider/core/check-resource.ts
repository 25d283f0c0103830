/**
 * check for a whole resource: property validation plus what every kind shares — the zone (from
 * configuration, or from the parent's id), the project, generated names that stay stable across
 * updates, and the cross-field rules of the kind.
 */
import { checkProperties } from "./check";
import { creationKey } from "./creation-key";
import type { CheckFailure, Json, ResourceDefinition } from "./property";
import { isUnknown, UNKNOWN } from "./unknown";
import { parseZonedId } from "./zoned-id";

/** Hidden inputs the SDK classes and check add; they are not properties of the API object. */
export const RESERVED_INPUTS = {
  /** The Pulumi resource name, passed by the SDK so check can generate names from it. */
  resourceName: "__resourceName",
  /** Set when check generated `name`, so later checks keep it instead of generating anew. */
  autoNamed: "__autoNamed",
  /** `pulumi.getProject()`, passed by the SDK: part of the creation key. */
  project: "__project",
  /** `pulumi.getStack()`, passed by the SDK: part of the creation key. */
  stack: "__stack",
  /**
   * Set by check on a create (no olds): the key every attempt of this create shares (creation-key.ts).
   * Create looks for an object an earlier attempt made only when it is present, so an object
   * replaced in place of itself (`pulumi up --replace`, checked with olds) is never taken for it.
   */
  creationKey: "__creationKey",
} as const;

export interface CheckEnvironment {
  readonly defaultZone: string;
  readonly defaultProjectId: string | undefined;
  /** Where defaultProjectId is looked for, for the error when it is missing. */
  readonly projectIdSources: string;
}

export interface ResourceCheck {
  readonly inputs: Record<string, Json>;
  readonly failures: readonly CheckFailure[];
}

export function checkResource(
  definition: ResourceDefinition,
  olds: Readonly<Record<string, unknown>>,
  news: Readonly<Record<string, unknown>>,
  env: CheckEnvironment,
): ResourceCheck {
  const failures: CheckFailure[] = [];
  const reserved = new Set<string>([...Object.values(RESERVED_INPUTS), "__provider"]);
  for (const key of Object.keys(news)) {
    if (!(key in definition.inputs) && !reserved.has(key)) {
      failures.push({
        property: key,
        reason: `is not a property of ${definition.kind}: allowed are ${Object.keys(definition.inputs).join(", ")}`,
      });
    }
  }

  const checked = checkProperties(definition.inputs, news, { defaultZone: env.defaultZone });
  failures.push(...checked.failures);
  let inputs: Record<string, Json> = { ...checked.inputs };

  // Zone: a child's comes from its parent's id; a top-level resource's from configuration.
  const given = inputs.zone;
  if (definition.parent) {
    const parentId = inputs[definition.parent];
    const parentZone =
      typeof parentId === "string" && !isUnknown(parentId)
        ? parseZonedId(parentId, env.defaultZone)?.zone
        : UNKNOWN;
    if (parentZone !== undefined) {
      if (typeof given === "string" && !isUnknown(given) && !isUnknown(parentZone) && given !== parentZone) {
        failures.push({
          property: "zone",
          reason: `"${given}" differs from the zone of ${definition.parent} ("${parentZone}"): a child lives in its parent's zone; leave zone out`,
        });
      }
      inputs.zone = parentZone;
    }
  } else if (given === undefined) {
    inputs.zone = env.defaultZone;
  }
  failures.push(...sameZoneIds(definition, inputs));

  if ("projectId" in definition.inputs && inputs.projectId === undefined) {
    if (env.defaultProjectId !== undefined) inputs.projectId = env.defaultProjectId;
    else
      failures.push({
        property: "projectId",
        reason: `is required: set it, or configure ${env.projectIdSources}`,
      });
  }

  const resourceName = news[RESERVED_INPUTS.resourceName];
  if (definition.complete) inputs = definition.complete(inputs);

  // Generated names and the creation key derive from the same hash: retries of one create agree.
  const key = creationKey(
    definition,
    {
      project: text(news[RESERVED_INPUTS.project]),
      stack: text(news[RESERVED_INPUTS.stack]),
      resourceName: text(resourceName),
    },
    inputs,
  );
  if (definition.autoName && inputs.name === undefined) {
    if (olds[RESERVED_INPUTS.autoNamed] === true && typeof olds.name === "string") {
      inputs.name = olds.name;
    } else {
      const prefix =
        typeof resourceName === "string" && resourceName !== ""
          ? resourceName
          : definition.kind.toLowerCase();
      inputs.name = isUnknown(key) ? UNKNOWN : `${prefix}-${key}`;
    }
    inputs[RESERVED_INPUTS.autoNamed] = true;
  }
  if (typeof resourceName === "string") inputs[RESERVED_INPUTS.resourceName] = resourceName;
  if (Object.keys(olds).length === 0 && !isUnknown(key)) inputs[RESERVED_INPUTS.creationKey] = key;

  if (definition.validate && failures.length === 0) failures.push(...definition.validate(inputs));
  return { inputs, failures };
}

function text(value: unknown): string {
  return typeof value === "string" ? value : "";
}

/** Every id input (importId, backendId, …) must be in the resource's own zone. */
function sameZoneIds(definition: ResourceDefinition, inputs: Readonly<Record<string, Json>>): CheckFailure[] {
  const zone = inputs.zone;
  if (typeof zone !== "string" || isUnknown(zone)) return [];
  const failures: CheckFailure[] = [];
  const check = (property: string, value: Json | undefined) => {
    if (typeof value !== "string" || isUnknown(value)) return;
    const id = parseZonedId(value, zone);
    if (id && id.zone !== zone) {
      failures.push({
        property,
        reason: `"${value}" is in zone ${id.zone}, but this ${definition.kind} is in zone ${zone}: objects can only refer to objects of their own zone`,
      });
    }
  };
  for (const [name, prop] of Object.entries(definition.inputs)) {
    if (prop.type === "string" && prop.format === "id") check(name, inputs[name]);
    if (prop.type === "array" && prop.items.type === "string" && prop.items.format === "id") {
      const list = inputs[name];
      if (Array.isArray(list)) {
        list.forEach((v, i) => {
          check(`${name}[${i}]`, v);
        });
      }
    }
  }
  return failures;
}
