/**
 * The lookup functions in schema.json and in the SDK: the twelve of the Pulumi Scaleway provider's
 * load-balancer module, documented, with the same arguments and result fields in the schema, in
 * the generated SDK and in the lookup specs they are generated from.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import * as pkg from "../../index";
import { lookupFunctions } from "../../provider/lookups/index";

type Spec = Record<string, unknown>;
const root = join(__dirname, "..", "..");
const schema = JSON.parse(readFileSync(join(root, "schema.json"), "utf8")) as Spec;
const functions = schema.functions as Record<string, Spec>;
const types = schema.types as Record<string, Spec>;
const NAMES = [
  "getLoadBalancer",
  "getLoadBalancers",
  "getIp",
  "getIps",
  "getBackend",
  "getBackends",
  "getFrontend",
  "getFrontends",
  "getRoute",
  "getRoutes",
  "getAcls",
  "getCertificate",
];

/** Members of every exported interface of sdk/lookups/*.ts, by interface name. */
function sdkInterfaces(): Map<string, string[]> {
  const found = new Map<string, string[]>();
  const dir = join(root, "sdk", "lookups");
  for (const file of readdirSync(dir).filter((f) => f.startsWith("get-"))) {
    const source = ts.createSourceFile(
      file,
      readFileSync(join(dir, file), "utf8"),
      ts.ScriptTarget.Latest,
      true,
    );
    source.forEachChild((node) => {
      if (ts.isInterfaceDeclaration(node))
        found.set(
          node.name.text,
          node.members.flatMap((m) => (m.name && ts.isIdentifier(m.name) ? [m.name.text] : [])).sort(),
        );
    });
  }
  return found;
}

const props = (spec: unknown) => Object.keys(((spec as Spec).properties ?? {}) as Spec).sort();
const pascal = (name: string) => name.charAt(0).toUpperCase() + name.slice(1);

describe("lookup functions in schema.json and the SDK", () => {
  const interfaces = sdkInterfaces();

  it("lists the twelve functions under the package's own tokens", () => {
    expect(Object.keys(functions).sort()).toEqual(NAMES.map((n) => `scaleway-lb:index:${n}`).sort());
    expect(lookupFunctions.map((fn) => fn.name).sort()).toEqual([...NAMES].sort());
  });

  it.each(NAMES)("%s: documented arguments and results, the same in schema, SDK and spec", (name) => {
    const fn = functions[`scaleway-lb:index:${name}`] as Spec;
    const spec = lookupFunctions.find((f) => f.name === name);
    const undocumented = [
      ...Object.entries(((fn.inputs as Spec).properties ?? {}) as Record<string, Spec>),
      ...Object.entries(((fn.outputs as Spec).properties ?? {}) as Record<string, Spec>),
    ].filter(([, p]) => typeof p.description !== "string" || p.description.length < 10);
    expect(undocumented).toEqual([]);
    expect(props(fn.inputs)).toEqual(Object.keys(spec?.args ?? {}).sort());
    expect(props(fn.outputs)).toEqual(Object.keys(spec?.result ?? {}).sort());
    expect(interfaces.get(`${pascal(name)}Args`)).toEqual(props(fn.inputs));
    expect(interfaces.get(`${pascal(name)}OutputArgs`)).toEqual(props(fn.inputs));
    expect(interfaces.get(`${pascal(name)}Result`)).toEqual(props(fn.outputs));
    expect(typeof Reflect.get(pkg, name)).toBe("function");
    expect(typeof Reflect.get(pkg, `${name}Output`)).toBe("function");
  });

  it("types the items of list results like the Pulumi Scaleway provider, in schema and SDK alike", () => {
    const items = [
      "GetLoadBalancersLb",
      "GetIpsIp",
      "GetBackendsBackend",
      "GetFrontendsFrontend",
      "GetRoutesRoute",
      "GetAclsAcl",
    ];
    for (const item of items) {
      const type = types[`scaleway-lb:index:${item}`];
      expect({ item, members: interfaces.get(item) }).toEqual({ item, members: props(type) });
    }
  });

  it("never returns a secret: an uploaded certificate's chain is not part of getCertificate's result", () => {
    const outputs = (functions["scaleway-lb:index:getCertificate"]?.outputs ?? {}) as Spec;
    expect(props(outputs)).not.toContain("customCertificate");
    expect(JSON.stringify(functions)).not.toContain('"secret":true');
  });
});
