/**
 * schema.json is the package's machine-readable contract. These tests hold it to Pulumi's
 * metaschema, to Pulumi's own code generator, to the code it is generated from (no drift) and to
 * the SDK users program against.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Ajv2020 from "ajv/dist/2020";
import ts from "typescript";
import { generateAll } from "../../scripts/generate/index";

const root = join(__dirname, "..", "..");
const read = (path: string) => readFileSync(join(root, path), "utf8");
type Spec = Record<string, unknown>;
const schema = JSON.parse(read("schema.json")) as Spec;
const resources = schema.resources as Record<string, Spec>;
const types = schema.types as Record<string, Spec>;

describe("schema.json", () => {
  it("is valid against Pulumi's package metaschema (JSON Schema 2020-12)", () => {
    const metaschema = JSON.parse(
      readFileSync(join(root, "test", "fixtures", "pulumi", "package-metaschema.json"), "utf8"),
    );
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    const validate = ajv.compile(metaschema);
    const valid = validate(schema);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
    // The validator is not vacuous: a broken token and a missing name are caught.
    expect(validate({ ...schema, name: undefined })).toBe(false);
    expect(validate({ ...schema, resources: { "no-module-token": {} } })).toBe(false);
  });

  it("is exactly what the generator makes from the resource definitions (no drift)", () => {
    const manifest = JSON.parse(read("package.json")) as { version: string };
    for (const file of generateAll(manifest.version, read("README.md"))) {
      expect({ path: file.path, text: read(file.path) }).toEqual({ path: file.path, text: file.text });
    }
  });

  it("describes the eight resources, every input with a description", () => {
    expect(Object.keys(resources).sort()).toEqual(
      ["Acl", "Backend", "Certificate", "Frontend", "Ip", "LoadBalancer", "PrivateNetwork", "Route"]
        .map((k) => `scaleway-lb:index:${k}`)
        .sort(),
    );
    const undocumented: string[] = [];
    const visit = (owner: string, properties: Record<string, Spec>) => {
      for (const [name, p] of Object.entries(properties)) {
        if (typeof p.description !== "string" || p.description.trim().length < 10)
          undocumented.push(`${owner}.${name}`);
      }
    };
    for (const [token, r] of Object.entries(resources))
      visit(token, r.inputProperties as Record<string, Spec>);
    for (const [token, t] of Object.entries(types))
      if (t.properties) visit(token, t.properties as Record<string, Spec>);
    expect(undocumented).toEqual([]);
  });

  it("marks the uploaded certificate chain secret, and the secret key", () => {
    const certificate = resources["scaleway-lb:index:Certificate"] as Spec;
    expect((certificate.inputProperties as Record<string, Spec>).customCertificate?.secret).toBe(true);
    const chainType = types["scaleway-lb:index:CertificateCustomCertificate"] ?? {};
    expect((chainType.properties as Record<string, Spec>).certificateChain?.secret).toBe(true);
    expect(((schema.config as Spec).variables as Record<string, Spec>).secretKey?.secret).toBe(true);
  });

  it("is accepted by Pulumi's own code generator (pulumi package gen-sdk --language nodejs)", () => {
    const out = mkdtempSync(join(tmpdir(), "pslb-gen-sdk-"));
    try {
      execFileSync(
        "pulumi",
        ["package", "gen-sdk", join(root, "schema.json"), "--language", "nodejs", "--out", out],
        {
          stdio: "pipe",
          env: { ...process.env, PULUMI_SKIP_UPDATE_CHECK: "true", PULUMI_HOME: join(out, ".home") },
        },
      );
      const files = readdirSync(join(out, "nodejs"));
      for (const file of [
        "acl.ts",
        "backend.ts",
        "certificate.ts",
        "frontend.ts",
        "ip.ts",
        "loadBalancer.ts",
        "route.ts",
      ]) {
        expect(files).toContain(file);
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 120_000);
});

/** The members of every `…Args` interface (and args type alias) the SDK exports, by interface name. */
function sdkArgs(): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const file of readdirSync(join(root, "sdk")).filter((f) => f.endsWith(".ts") && f !== "index.ts")) {
    const source = ts.createSourceFile(file, read(join("sdk", file)), ts.ScriptTarget.Latest, true);
    source.forEachChild((node) => {
      if (ts.isInterfaceDeclaration(node) && node.name.text.endsWith("Args")) {
        found.set(
          node.name.text,
          node.members.flatMap((m) => (m.name && ts.isIdentifier(m.name) ? [m.name.text] : [])),
        );
      }
      if (ts.isTypeAliasDeclaration(node) && node.name.text.endsWith("Args")) found.set(node.name.text, []);
    });
  }
  return found;
}

describe("the SDK and schema.json agree", () => {
  const args = sdkArgs();

  it.each(Object.keys(resources))(
    "%s: every Args property is a schema input, and every input an Args property",
    (token) => {
      const kind = token.slice(token.lastIndexOf(":") + 1);
      const inputs = Object.keys((resources[token] as Spec).inputProperties as Spec).sort();
      expect(args.get(`${kind}Args`)?.slice().sort()).toEqual(inputs);
    },
  );

  it("every object type has its Args interface with the same properties", () => {
    // The items of lookup results are output-only types: test/schema/functions.test.ts covers them.
    const resultItems = new Set(
      Object.values((schema.functions ?? {}) as Record<string, Spec>).flatMap((fn) =>
        Object.values(((fn.outputs as Spec).properties ?? {}) as Record<string, Spec>).flatMap((p) => {
          const ref = (p.items as Spec | undefined)?.$ref;
          return typeof ref === "string" ? [ref.replace("#/types/", "")] : [];
        }),
      ),
    );
    for (const [token, type] of Object.entries(types)) {
      if (type.enum || resultItems.has(token)) continue;
      const name = token.slice(token.lastIndexOf(":") + 1);
      expect({ name, members: args.get(`${name}Args`)?.slice().sort() }).toEqual({
        name,
        members: Object.keys((type.properties ?? {}) as Spec).sort(),
      });
    }
  });
});
