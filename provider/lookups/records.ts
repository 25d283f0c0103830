/**
 * The objects lookups return have the shape of their resource's state: `id` plus the properties
 * the resource's `*Props` mapper produces (provider/resources/<kind>/operations.ts), documented by
 * the resource's definition. Inputs that exist only in a program (adoption, delete-time and
 * create-time flags) and secrets are not part of an object that was looked up.
 */
import type { OutputSpec, ResourceDefinition } from "../core/property";
import type { Props } from "../resources/operations";
import type { LookupResult, RecordType, ResultField } from "./spec";

const ID: ResultField = {
  kind: "output",
  spec: {
    type: "string",
    description:
      "The object's id, `\"<zone>/<uuid>\"`: what resources take to refer to it (e.g. a Backend's `lbId`).",
  },
  optional: false,
};

/** The fields of an object of this kind: `id`, then the state properties in definition order. */
export function recordFields(definition: ResourceDefinition): { [name: string]: ResultField } {
  const fields: { [name: string]: ResultField } = { id: ID };
  for (const [name, prop] of Object.entries(definition.inputs)) {
    if (prop.policy === "local" || prop.createOnly || prop.secret) continue;
    const optional = prop.default === undefined && !prop.required && name !== "zone" && name !== "name";
    fields[name] = {
      kind: "prop",
      prop,
      resource: definition.kind,
      typeName: `${definition.kind}${pascal(name)}`,
      optional,
    };
  }
  for (const [name, spec] of Object.entries(definition.outputs)) {
    // The state layout's version describes stored state, not the object.
    if (name === "stateVersion") continue;
    fields[name] = { kind: "output", spec, optional: false };
  }
  return fields;
}

export function recordType(name: string, description: string, definition: ResourceDefinition): RecordType {
  return { name, description, fields: recordFields(definition) };
}

/** One found object: its zoned id and its properties, as a resource of its kind would store them. */
export function record(id: string, props: Props): LookupResult {
  return { id, ...props };
}

/** A string the lookup echoes back (an argument, or the zone searched). */
export function echo(description: string, optional = true): ResultField {
  const spec: OutputSpec = { type: "string", description };
  return { kind: "output", spec, optional };
}

export function echoList(description: string): ResultField {
  return { kind: "output", spec: { type: "stringArray", description }, optional: true };
}

export function list(item: RecordType, description: string): ResultField {
  return { kind: "list", item, description };
}

function pascal(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}
