/**
 * The schema.json shapes of properties, shared by resources and functions: types (with object and
 * enum types collected into `types`), descriptions with allowed values and defaults, outputs.
 */
import { describeAllowed } from "../../provider/core/describe";
import type { OutputSpec, Prop } from "../../provider/core/property";
import { defaultText, propertyDoc } from "./docs";
import { pascal } from "./names";

type Spec = Record<string, unknown>;

export const PACKAGE = "scaleway-lb";
/** Types, resources and functions share the package's `index` module: `scaleway-lb:index:<name>`. */
export const token = (name: string) => `${PACKAGE}:index:${name}`;

export function property(
  prop: Prop,
  typeName: string,
  types: Record<string, Spec>,
  use: "input" | "output",
): Spec {
  const spec: Spec = { ...typeOf(prop, typeName, types, use), description: describe(prop) };
  if (prop.secret) spec.secret = true;
  const value = prop.default;
  if (
    use === "input" &&
    (typeof value === "string" || typeof value === "number" || typeof value === "boolean")
  ) {
    spec.default = value;
  }
  return spec;
}

export function describe(prop: Prop): string {
  const text = propertyDoc(prop);
  const fallback = defaultText(prop);
  return fallback !== undefined && !text.includes("Default:") ? `${text} Default: ${fallback}.` : text;
}

function typeOf(prop: Prop, typeName: string, types: Record<string, Spec>, use: "input" | "output"): Spec {
  switch (prop.type) {
    case "string":
      if (prop.enum && !prop.lowercase)
        return { $ref: `#/types/${enumType(typeName, prop.enum, prop, types)}` };
      return { type: "string" };
    case "integer":
      return { type: "integer" };
    case "boolean":
      return { type: "boolean" };
    case "duration":
      // Inputs take milliseconds or a duration string; state always holds milliseconds.
      return use === "input" ? { oneOf: [{ type: "integer" }, { type: "string" }] } : { type: "integer" };
    case "array":
      return { type: "array", items: typeOf(prop.items, `${typeName}Item`, types, use) };
    case "object": {
      const name = token(typeName);
      if (!types[name]) {
        const properties: Record<string, Spec> = {};
        const required: string[] = [];
        for (const [member, inner] of Object.entries(prop.properties)) {
          properties[member] = property(inner, `${typeName}${pascal(member)}`, types, "input");
          if (inner.required) required.push(member);
        }
        types[name] = {
          type: "object",
          description: prop.description,
          properties,
          ...(required.length ? { required } : {}),
        };
      }
      return { $ref: `#/types/${name}` };
    }
  }
}

function enumType(
  typeName: string,
  values: readonly string[],
  prop: Prop,
  types: Record<string, Spec>,
): string {
  const name = token(typeName);
  types[name] ??= {
    type: "string",
    description: `Allowed values: ${describeAllowed(prop)}.`,
    enum: values.map((value) => ({ value })),
  };
  return name;
}

export function outputProperty(spec: OutputSpec): Spec {
  const type: Spec =
    spec.type === "stringArray"
      ? { type: "array", items: { type: "string" } }
      : spec.type === "object"
        ? { type: "object", additionalProperties: { $ref: "pulumi.json#/Any" } }
        : spec.type === "objectArray"
          ? { type: "array", items: { $ref: "pulumi.json#/Any" } }
          : { type: spec.type };
  return { ...type, description: spec.description, ...(spec.secret ? { secret: true } : {}) };
}
