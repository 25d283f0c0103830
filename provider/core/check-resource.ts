/**
 * check for a whole resource: property validation plus what every kind shares — the zone (from
 * configuration, or from the parent's id), the project, generated names that stay stable across
 * updates, and the cross-field rules of the kind.
 */
import { checkProperties } from "./check";
import type { CheckFailure, Json, ResourceDefinition } from "./property";
import { isUnknown, UNKNOWN } from "./unknown";
import { parseZonedId } from "./zoned-id";

/** Hidden inputs the SDK classes and check add; they are not properties of the API object. */
export const RESERVED_INPUTS = {
  /** The Pulumi resource name, passed by the SDK so check can generate names from it. */
  resourceName: "__resourceName",
  /** Set when check generated `name`, so later checks keep it instead of generating anew. */
  autoNamed: "__autoNamed",
} as const;

export interface CheckEnvironment {
  readonly defaultZone: string;
  readonly defaultProjectId: string | undefined;
  /** Where defaultProjectId is looked for, for the error when it is missing. */
  readonly projectIdSources: string;
  /** A short random suffix for generated names. */
  readonly randomSuffix: () => string;
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
  const reserved = new Set<string>([RESERVED_INPUTS.resourceName, RESERVED_INPUTS.autoNamed, "__provider"]);
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

  if (definition.autoName && inputs.name === undefined) {
    if (olds[RESERVED_INPUTS.autoNamed] === true && typeof olds.name === "string") {
      inputs.name = olds.name;
    } else {
      const base = news[RESERVED_INPUTS.resourceName];
      const prefix = typeof base === "string" && base !== "" ? base : definition.kind.toLowerCase();
      inputs.name = `${prefix}-${env.randomSuffix()}`;
    }
    inputs[RESERVED_INPUTS.autoNamed] = true;
  }
  const resourceName = news[RESERVED_INPUTS.resourceName];
  if (typeof resourceName === "string") inputs[RESERVED_INPUTS.resourceName] = resourceName;

  if (definition.complete) inputs = definition.complete(inputs);
  if (definition.validate && failures.length === 0) failures.push(...definition.validate(inputs));
  return { inputs, failures };
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
