/**
 * schema.json's `functions`: one entry per lookup function (provider/lookups), token
 * `scaleway-lb:index:<function>`, with its inputs and outputs documented from the same specs the
 * lookups run with. Result fields reuse the resources' object and enum types; the items of list
 * results get their own object types (`GetBackendsBackend`, named as the Pulumi Scaleway provider
 * names them).
 */
import type { Prop } from "../../provider/core/property";
import { lookupFunctions } from "../../provider/lookups/index";
import type { LookupFunction, ResultField } from "../../provider/lookups/spec";
import { describe, outputProperty, property, token } from "./schema-types";

type Spec = Record<string, unknown>;

export function generateFunctions(types: Record<string, Spec>): Record<string, Spec> {
  const functions: Record<string, Spec> = {};
  for (const fn of lookupFunctions) functions[token(fn.name)] = functionSpec(fn, types);
  return functions;
}

function functionSpec(fn: LookupFunction, types: Record<string, Spec>): Spec {
  const properties: Record<string, Spec> = {};
  const required: string[] = [];
  for (const [name, prop] of Object.entries(fn.args)) {
    properties[name] = { ...argType(prop), description: describe(prop) };
    if (prop.required) required.push(name);
  }
  const choice = fn.exactlyOne
    ? `\n\nGive exactly one of ${fn.exactlyOne.map((a) => `\`${a}\``).join(", ")}.`
    : "";
  return {
    description: `${fn.description}${choice}\n\nIn a TypeScript program: \`${fn.name}(args)\` (a Promise) or \`${fn.name}Output(args)\` (an Output, arguments may be Inputs) from \`pulumi-scaleway-lb\`.`,
    inputs: { properties, ...(required.length ? { required } : {}) },
    outputs: fields(fn.result, types),
  };
}

/** Arguments are plain: enums stay strings (their values are in the description). */
function argType(prop: Prop): Spec {
  switch (prop.type) {
    case "array":
      return { type: "array", items: argType(prop.items) };
    case "integer":
      return { type: "integer" };
    case "boolean":
      return { type: "boolean" };
    default:
      return { type: "string" };
  }
}

function fields(result: { readonly [name: string]: ResultField }, types: Record<string, Spec>): Spec {
  const properties: Record<string, Spec> = {};
  const required: string[] = [];
  for (const [name, field] of Object.entries(result)) {
    properties[name] = fieldProperty(field, types);
    if (field.kind === "list" || !field.optional) required.push(name);
  }
  return { properties, required };
}

function fieldProperty(field: ResultField, types: Record<string, Spec>): Spec {
  switch (field.kind) {
    case "prop":
      return property(field.prop, field.typeName, types, "output");
    case "output":
      return outputProperty(field.spec);
    case "list": {
      const name = token(field.item.name);
      types[name] ??= {
        type: "object",
        description: field.item.description,
        ...fields(field.item.fields, types),
      };
      return { type: "array", items: { $ref: `#/types/${name}` }, description: field.description };
    }
  }
}
