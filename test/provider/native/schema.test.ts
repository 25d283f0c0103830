/**
 * The schema the plugin serves (GetSchema): generated from the same definitions as schema.json,
 * valid against Pulumi's metaschema, with the same resources and properties and the provider's
 * own configuration; and native/, the SDK generated from it, is up to date.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import Ajv2020 from "ajv/dist/2020";
import { generateSchema } from "../../../scripts/generate/schema";

const root = join(__dirname, "..", "..", "..");
type Spec = Record<string, unknown>;
const version = (JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { version: string }).version;
const native = generateSchema(version, "native");
const dynamic = generateSchema(version, "dynamic");

describe("the native door's schema", () => {
  it("is valid against Pulumi's package metaschema", () => {
    const metaschema = JSON.parse(
      readFileSync(join(root, "test", "fixtures", "pulumi", "package-metaschema.json"), "utf8"),
    );
    const validate = new Ajv2020({ strict: false, allErrors: true }).compile(metaschema);
    validate(native);
    expect(validate.errors ?? []).toEqual([]);
  });

  it("has the dynamic door's resources, tokens and properties", () => {
    const shape = (schema: Spec) =>
      Object.fromEntries(
        Object.entries(schema.resources as Record<string, Spec>).map(([token, r]) => [
          token,
          { inputs: Object.keys(r.inputProperties as Spec), outputs: Object.keys(r.properties as Spec) },
        ]),
      );
    expect(shape(native)).toEqual(shape(dynamic));
    expect(Object.keys(native.resources as Spec)).toContain("scaleway-lb:index:LoadBalancer");
    expect(native.types).toEqual(dynamic.types);
  });

  it("configures the provider in its own namespace, with a CLI profile, also per instance", () => {
    const variables = (native.config as { variables: Record<string, Spec> }).variables;
    expect(Object.keys(variables)).toEqual([
      "accessKey",
      "secretKey",
      "projectId",
      "organizationId",
      "zone",
      "region",
      "apiUrl",
      "profile",
    ]);
    expect(variables.secretKey).toMatchObject({ secret: true });
    expect(String(variables.apiUrl?.description)).toContain("`scaleway-lb:apiUrl`");
    expect((native.provider as { inputProperties: Spec }).inputProperties).toEqual(variables);
    expect(native.language).toEqual({ nodejs: { packageName: "pulumi-scaleway-lb/native" } });
  });

  it("is what native/ was generated from (the SDK's version is the package's)", () => {
    const manifest = JSON.parse(readFileSync(join(root, "native", "package.json"), "utf8"));
    expect(manifest).toEqual({
      name: "pulumi-scaleway-lb-native",
      version,
      pulumi: { resource: true, name: "scaleway-lb" },
    });
    const lb = readFileSync(join(root, "native", "loadBalancer.ts"), "utf8");
    for (const input of Object.keys(
      (native.resources as Record<string, Spec>)["scaleway-lb:index:LoadBalancer"]?.inputProperties as Spec,
    ))
      expect({
        input,
        declared: lb.includes(`${input}?: pulumi.Input<`) || lb.includes(`${input}: pulumi.Input<`),
      }).toEqual({ input, declared: true });
  });
});
