/**
 * Generates schema.json, the Pulumi package schema of the seven resources, from the same
 * definitions that drive check and diff: properties with descriptions (unit, range, allowed values,
 * default), required lists, secrets, object and enum types, and the provider's configuration.
 */
import { describeAllowed } from "../../provider/core/describe";
import type { OutputSpec, Prop, ResourceDefinition } from "../../provider/core/property";
import { definitions, typeToken } from "../../provider/resources/definitions";
import { defaultText, propertyDoc } from "./docs";
import { pascal } from "./names";

type Spec = Record<string, unknown>;

const PACKAGE = "scaleway-lb";
const token = (name: string) => `${PACKAGE}:index:${name}`;

/**
 * Which front door the schema describes: the dynamic provider's (schema.json) or the native
 * plugin's, served by `pulumi-resource-scaleway-lb` (same resources; its configuration is the
 * provider's own, `scaleway-lb:*`, with a CLI profile, and it has explicit provider instances).
 */
export type Door = "dynamic" | "native";

export function generateSchema(version: string, door: Door = "dynamic"): Spec {
  const types: Record<string, Spec> = {};
  const resources: Record<string, Spec> = {};
  for (const definition of definitions) resources[token(definition.kind)] = resource(definition, types, door);
  const variables = configVariables(door);
  return {
    name: PACKAGE,
    displayName: "Scaleway Load Balancer",
    version,
    description:
      "Scaleway Load Balancers (load balancers, flexible IPs, backends, frontends, routes, ACLs, certificates) as Pulumi resources.",
    keywords: ["pulumi", "scaleway", "load-balancer", "category/network", "kind/native"],
    license: "Apache-2.0",
    meta: { moduleFormat: "(.*)" },
    // Generated programs (`pulumi import --generate-code`) import the door's SDK by this name.
    language: {
      nodejs: { packageName: door === "dynamic" ? "pulumi-scaleway-lb" : "pulumi-scaleway-lb/native" },
    },
    config: { variables },
    ...(door === "native"
      ? {
          provider: {
            description:
              "The scaleway-lb provider: one instance per Scaleway account, project or API endpoint. Each setting falls back to the `SCW_*` environment variables, then the Scaleway CLI config file.",
            inputProperties: variables,
          },
        }
      : {}),
    types: sortKeys(types),
    resources,
  };
}

function resource(definition: ResourceDefinition, types: Record<string, Spec>, door: Door): Spec {
  const inputProperties: Record<string, Spec> = {};
  const properties: Record<string, Spec> = {};
  const requiredInputs: string[] = [];
  const required: string[] = [];
  for (const [name, prop] of Object.entries(definition.inputs)) {
    const typeName = `${definition.kind}${pascal(name)}`;
    inputProperties[name] = property(prop, typeName, types, "input");
    properties[name] = property(prop, typeName, types, "output");
    if (prop.required) requiredInputs.push(name);
    if (prop.required || prop.default !== undefined || name === "zone" || name === "name")
      required.push(name);
  }
  for (const [name, spec] of Object.entries(definition.outputs)) {
    properties[name] = outputProperty(spec);
    required.push(name);
  }
  const where =
    door === "dynamic"
      ? `from \`pulumi-scaleway-lb\` (dynamic resource type \`${typeToken(definition.kind)}\`)`
      : `from \`pulumi-scaleway-lb/native\` (provider plugin \`pulumi-resource-scaleway-lb\`)`;
  return {
    description: `${definition.description}\n\nIn a TypeScript program: \`new ${definition.kind}(name, args)\` ${where}.`,
    inputProperties,
    requiredInputs,
    properties,
    required: [...new Set(required)],
  };
}

function property(prop: Prop, typeName: string, types: Record<string, Spec>, use: "input" | "output"): Spec {
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

function describe(prop: Prop): string {
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

function outputProperty(spec: OutputSpec): Spec {
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

function configVariables(door: Door): Record<string, Spec> {
  // The dynamic door reads the `scaleway:*` stack config; the plugin reads its own namespace.
  const namespace = door === "dynamic" ? "scaleway" : PACKAGE;
  const profileFrom = door === "dynamic" ? "`SCW_PROFILE`" : `\`${PACKAGE}:profile\`, else \`SCW_PROFILE\``;
  const variable = (description: string, environment: string, extra: Spec = {}): Spec => ({
    type: "string",
    description: `${description} Stack config \`${namespace}:${"$NAME"}\`, else the \`${environment}\` environment variable, else the Scaleway CLI config file (\`~/.config/scw/config.yaml\`, profile from ${profileFrom}).`,
    defaultInfo: { environment: [environment] },
    ...extra,
  });
  const vars: Record<string, Spec> = {
    accessKey: variable(
      "Scaleway access key (informational: requests authenticate with the secret key).",
      "SCW_ACCESS_KEY",
    ),
    secretKey: variable(
      "Scaleway secret key, sent as X-Auth-Token. Never stored in state or logs.",
      "SCW_SECRET_KEY",
      {
        secret: true,
      },
    ),
    projectId: variable("Default project of load balancers and IPs.", "SCW_DEFAULT_PROJECT_ID"),
    organizationId: variable(
      "Default organization (deprecated in favour of projectId).",
      "SCW_DEFAULT_ORGANIZATION_ID",
    ),
    zone: variable("Default zone, e.g. `fr-par-1`. Default: `fr-par-1`.", "SCW_DEFAULT_ZONE"),
    region: variable("Default region. Default: the zone's region.", "SCW_DEFAULT_REGION"),
    apiUrl: variable(
      "API endpoint. Default: `https://api.scaleway.com`; point it at `scaleway-lb-emulator` to run offline.",
      "SCW_API_URL",
    ),
  };
  if (door === "native") {
    vars.profile = {
      type: "string",
      description: `Scaleway CLI config profile to read settings from (a \`profiles:\` entry of \`~/.config/scw/config.yaml\`). Stack config \`${PACKAGE}:profile\`, else the \`SCW_PROFILE\` environment variable, else the file's \`active_profile\`.`,
      defaultInfo: { environment: ["SCW_PROFILE"] },
    };
  }
  for (const [name, spec] of Object.entries(vars))
    spec.description = String(spec.description).replace("$NAME", name);
  return vars;
}

function sortKeys(record: Record<string, Spec>): Record<string, Spec> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));
}
