/**
 * Generates schema.json, the Pulumi package schema of the resources (and the lookup functions,
 * schema-functions.ts), from the same definitions that drive check and diff: properties with descriptions (unit, range, allowed values,
 * default), required lists, secrets, object and enum types, and the provider's configuration.
 */
import type { ResourceDefinition } from "../../provider/core/property";
import { definitions, typeToken } from "../../provider/resources/definitions";
import { pascal } from "./names";
import { generateFunctions } from "./schema-functions";
import { outputProperty, PACKAGE, property, token } from "./schema-types";

type Spec = Record<string, unknown>;

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
  const functions = generateFunctions(types);
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
    functions,
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
