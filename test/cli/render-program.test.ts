import { parse } from "yaml";
import type { DeclaredResource, ProgramModel } from "../../cli/import/declare";
import { evaluateArgs } from "../../cli/import/expr";
import { type RenderedProgram, renderProgram } from "../../cli/import/render-program";
import type { LiveTree } from "../../cli/import/tree";
import { checkResource } from "../../provider/core/check-resource";
import type { Json } from "../../provider/core/property";
import { adoptionDifferences } from "../../provider/resources/adoption";
import { definitions } from "../../provider/resources/definitions";
import {
  acl,
  attachment,
  backend,
  frontend,
  id,
  ip,
  lb,
  letsencrypt,
  PROJECT,
  shopTree,
  tree,
  ZONE,
} from "./support/trees";

const OPTIONS = {
  project: "shop",
  command: "scaleway-lb import --zone fr-par-1 --lb 00000000-0000-4000-8000-000000000001",
  versions: { pulumi: "^3.259.0", scalewayLb: "^0.1.0" },
};

function render(t: LiveTree): RenderedProgram {
  return renderProgram(t, OPTIONS);
}

function file(rendered: RenderedProgram, name: string): string {
  const text = rendered.files.get(name);
  if (text === undefined) throw new Error(`no ${name}`);
  return text;
}

function resource(model: ProgramModel, resourceName: string): DeclaredResource {
  const found = model.resources.find((r) => r.names.resourceName === resourceName);
  if (!found)
    throw new Error(
      `no resource ${resourceName}: ${model.resources.map((r) => r.names.resourceName).join(", ")}`,
    );
  return found;
}

/** The arguments as the program passes them (references resolved, secrets marked). */
function args(model: ProgramModel, resourceName: string): Record<string, Json> {
  return evaluateArgs(resource(model, resourceName).args, { secret: (key) => `<secret ${key}>` });
}

/** The source text of one declaration in index.ts. */
function declaration(rendered: RenderedProgram, identifier: string): string {
  const index = file(rendered, "index.ts");
  const start = index.indexOf(`const ${identifier} = `);
  if (start < 0) throw new Error(`no declaration of ${identifier}`);
  return index.slice(start, index.indexOf("\n});", start) + 4);
}

describe("renderProgram: the project files", () => {
  const rendered = render(shopTree());

  it("writes Pulumi.yaml, package.json, tsconfig.json, index.ts and README.md", () => {
    expect([...rendered.files.keys()]).toEqual([
      "Pulumi.yaml",
      "package.json",
      "tsconfig.json",
      "index.ts",
      "README.md",
    ]);
  });

  it("declares a TypeScript program on the nodejs runtime", () => {
    const project = parse(file(rendered, "Pulumi.yaml"));
    expect(project).toMatchObject({
      name: "shop",
      runtime: { name: "nodejs", options: { typescript: true } },
    });
    expect(JSON.parse(file(rendered, "tsconfig.json"))).toMatchObject({ files: ["index.ts"] });
  });

  it("depends on @pulumi/pulumi and pulumi-scaleway-lb", () => {
    const pkg = JSON.parse(file(rendered, "package.json"));
    expect(pkg.dependencies).toEqual({ "@pulumi/pulumi": "^3.259.0", "pulumi-scaleway-lb": "^0.1.0" });
    expect(pkg.name).toBe("shop");
  });
});

describe("renderProgram: what each resource declares", () => {
  it("declares every object with its importId, in dependency order", () => {
    const t = shopTree();
    const { model } = render(t);
    const kinds = model.resources.map((r) => r.kind);
    expect(kinds).toEqual([
      "Ip",
      "LoadBalancer",
      "Certificate",
      "Certificate",
      "Backend",
      "Backend",
      "Frontend",
      "Frontend",
      "Route",
      "Acl",
      "Acl",
    ]);
    const live = [t.lb, ...t.ips, ...t.certificates, ...t.backends, ...t.frontends, ...t.routes, ...t.acls];
    expect(model.resources.map((r) => r.importId).sort()).toEqual(live.map((o) => o.id).sort());
    for (const r of model.resources) {
      expect(r.args.entries.at(-1)).toEqual({
        key: "importId",
        value: { kind: "literal", value: r.importId },
      });
    }
  });

  it("leaves out every property that equals its default", () => {
    const { model } = render(
      tree({
        lb: lb(1, { ipIds: [id(2)] }),
        ips: [ip(2)],
        backends: [backend(3, 1)],
        frontends: [frontend(4, 1, 3)],
        acls: [acl(5, 4)],
      }),
    );
    const keys = (name: string) => Object.keys(args(model, name));
    expect(keys("shop-ip")).toEqual(["zone", "projectId", "importId"]);
    expect(keys("shop")).toEqual(["zone", "projectId", "name", "ipIds", "importId"]);
    expect(keys("app")).toEqual(["lbId", "name", "forwardPort", "importId"]);
    expect(keys("http")).toEqual(["lbId", "name", "backendId", "inboundPort", "importId"]);
    expect(args(model, "acl")).toEqual({
      frontendId: id(4),
      name: "acl",
      index: 0,
      action: { type: "allow" },
      importId: id(5),
    });
  });

  it("writes what differs from the defaults, down to nested members", () => {
    const { model } = render(shopTree());
    expect(args(model, "app")).toEqual({
      lbId: id(1),
      name: "app",
      forwardProtocol: "http",
      forwardPort: 8080,
      serverIps: ["10.0.0.11", "10.0.0.12"],
      // The port follows forwardPort, the method is GET: neither is written.
      healthCheck: {
        checkDelay: "10s",
        checkTimeout: "2s",
        checkMaxRetries: 3,
        httpConfig: { uri: "/healthz", code: 200 },
      },
      timeoutServer: "30s",
      importId: id(5),
    });
    expect(args(model, "api")).toMatchObject({
      forwardPortAlgorithm: "leastconn",
      healthCheck: { port: 9001, transientCheckDelay: "250ms", httpConfig: {} },
    });
    expect(args(model, "deny-bots")).toMatchObject({
      action: { type: "deny" },
      match: { ipSubnet: ["192.0.2.0/24"] },
    });
    expect(args(model, "to-https").action).toEqual({
      type: "redirect",
      redirect: { type: "scheme", target: "https", code: 301 },
    });
  });

  it("refers to other resources through their outputs", () => {
    const rendered = render(shopTree());
    expect(declaration(rendered, "shop")).toContain("ipIds: [shopIp.id],");
    expect(declaration(rendered, "app")).toContain("lbId: shop.id,");
    expect(declaration(rendered, "https")).toContain("backendId: app.id,");
    expect(declaration(rendered, "https")).toContain("certificateIds: [shopAcme.id, legacy.id],");
    expect(declaration(rendered, "httpsToApi")).toContain("frontendId: https.id,\n  backendId: api.id,");
    expect(declaration(rendered, "denyBots")).toContain("frontendId: https.id,");
  });

  it("writes durations as readable strings", () => {
    const rendered = render(shopTree());
    expect(declaration(rendered, "app")).toContain('timeoutServer: "30s",');
    expect(declaration(rendered, "app")).toContain('checkDelay: "10s",');
    expect(declaration(rendered, "api")).toContain('transientCheckDelay: "250ms",');
    expect(declaration(rendered, "https")).toContain('timeoutClient: "30s",');
    const odd = render(
      tree({ lb: lb(1), backends: [backend(2, 1, { timeoutConnect: 1500, timeoutTunnel: 5_400_000 })] }),
    );
    expect(args(odd.model, "app")).toMatchObject({ timeoutConnect: "1.5s", timeoutTunnel: "90m" });
  });

  it("reads a custom certificate's chain from a stack secret, and says how to set it", () => {
    const rendered = render(shopTree());
    const index = file(rendered, "index.ts");
    expect(index).toContain('import * as pulumi from "@pulumi/pulumi";');
    expect(index).toContain("const config = new pulumi.Config();");
    expect(declaration(rendered, "legacy")).toContain(
      'customCertificate: {\n    certificateChain: config.requireSecret("legacyCertificateChain"),\n  },',
    );
    expect(rendered.model.secrets.map((s) => s.key)).toEqual(["legacyCertificateChain"]);
    expect(file(rendered, "README.md")).toContain("pulumi config set --secret legacyCertificateChain");
    // A Let's Encrypt certificate declares its domains instead.
    expect(args(rendered.model, "shop-acme")).toMatchObject({
      letsencrypt: { commonName: "shop.acme-corp.fr" },
    });
  });

  it("imports no config when there is no custom certificate", () => {
    const index = file(
      render(tree({ lb: lb(1), certificates: [letsencrypt(2, 1, "site", "shop.acme-corp.fr")] })),
      "index.ts",
    );
    expect(index).not.toContain("@pulumi/pulumi");
    expect(index).not.toContain("config");
  });

  it("keeps a private load balancer private: no IP, assignFlexibleIp false", () => {
    const { model } = render(tree({ lb: lb(1) }));
    expect(args(model, "shop")).toEqual({
      zone: ZONE,
      projectId: PROJECT,
      name: "shop",
      assignFlexibleIp: false,
      importId: id(1),
    });
  });

  it("declares each private network attachment right after its LB, referring to it by reference", () => {
    const pn = "22222222-0000-4000-8000-000000000001";
    const rendered = render(
      tree({ lb: lb(1), privateNetworks: [attachment(1, pn, "33333333-0000-4000-8000-000000000001")] }),
    );
    expect(rendered.model.resources.map((r) => `${r.kind} ${r.names.resourceName}`)).toEqual([
      "LoadBalancer shop",
      "PrivateNetwork shop-private-network",
    ]);
    // ipamIds is computed, so it is written as found: the program pins the address the LB holds.
    expect(declaration(rendered, "shopPrivateNetwork")).toBe(
      `const shopPrivateNetwork = new scw.PrivateNetwork("shop-private-network", {\n  lbId: shop.id,\n  privateNetworkId: "fr-par/${pn}",\n  ipamIds: ["fr-par/33333333-0000-4000-8000-000000000001"],\n  importId: "${ZONE}/00000000-0000-4000-8000-000000000001/${pn}",\n});`,
    );
    expect(rendered.model.differences).toEqual([]);
    expect(file(rendered, "index.ts")).toContain('  "shop-private-network": shopPrivateNetwork.id,');
  });

  it("writes an IP's reverse only when it is not the one Scaleway generated", () => {
    const { model } = render(
      tree({
        lb: lb(1, { ipIds: [id(2), id(3)] }),
        ips: [ip(2, { reverse: "shop.acme-corp.fr" }), ip(3)],
      }),
    );
    expect(args(model, "shop-ip")).toMatchObject({ reverse: "shop.acme-corp.fr" });
    expect(args(model, "shop-ip-2")).not.toHaveProperty("reverse");
  });

  it("declares an IPv6 flexible IP as such", () => {
    const v6 = ip(3, { ipAddress: "2001:bc8:710:7f9::", isIpv6: true, reverse: "custom.acme-corp.fr" });
    const { model } = render(tree({ lb: lb(1, { ipIds: [id(2), id(3)] }), ips: [v6, ip(2)] }));
    expect(model.resources.map((r) => r.names.resourceName)).toEqual(["shop-ip", "shop-ipv6", "shop"]);
    expect(args(model, "shop-ipv6")).toMatchObject({ isIpv6: true, reverse: "custom.acme-corp.fr" });
  });

  it("exports the load balancer's address, its id and every resource's id", () => {
    const index = file(render(shopTree()), "index.ts");
    expect(index).toContain(
      "export const address = shop.ipAddress;\nexport const loadBalancerId = shop.id;\n",
    );
    expect(index).toContain('export const ids = {\n  "shop-ip": shopIp.id,\n  shop: shop.id,\n');
    expect(index.trimEnd().endsWith("};")).toBe(true);
  });
});

describe("renderProgram: names", () => {
  const { model } = render(
    tree({
      lb: lb(1, { name: "Café Prod" }),
      backends: [
        backend(2, 1, { name: "app" }),
        backend(3, 1, { name: "App!" }),
        backend(4, 1, { name: "default" }),
        backend(5, 1, { name: "8080" }),
        backend(6, 1, { name: "---" }),
      ],
      frontends: [frontend(7, 1, 2, { name: "app" }), frontend(8, 1, 3, { name: "config" })],
    }),
  );
  const names = model.resources.map((r) => r.names);

  it("makes every resource name and identifier unique", () => {
    expect(new Set(names.map((n) => n.resourceName)).size).toBe(names.length);
    expect(new Set(names.map((n) => n.identifier)).size).toBe(names.length);
  });

  it("makes identifiers valid TypeScript that clashes with nothing in the program", () => {
    for (const { identifier } of names) expect(identifier).toMatch(/^[a-z][A-Za-z0-9]*$/);
    expect(names.map((n) => n.identifier)).toEqual([
      "cafeProd",
      "backend",
      "backend8080",
      "app",
      "app2",
      "defaultBackend",
      "appFrontend",
      "configFrontend",
    ]);
  });

  it("derives resource names from the API names", () => {
    expect(names.map((n) => n.resourceName)).toEqual([
      "cafe-prod",
      "backend",
      "8080",
      "app",
      "app-2",
      "default",
      "app-frontend",
      "config",
    ]);
  });

  it("keeps the API names themselves as they are", () => {
    expect(args(model, "cafe-prod").name).toBe("Café Prod");
    expect(args(model, "app-2").name).toBe("App!");
  });
});

describe("renderProgram: adoption", () => {
  it.each([
    ["the shop", shopTree()],
    ["a private LB", tree({ lb: lb(1) })],
  ])("%s: after check fills the defaults, nothing differs from the live objects", (_title, t) => {
    const { model } = render(t);
    expect(
      model.differences.map((d) => ({ resource: d.resource.names.resourceName, differences: d.differences })),
    ).toEqual([]);
    for (const r of model.resources) {
      const definition = definitions.find((d) => d.kind === r.kind);
      if (!definition) throw new Error(r.kind);
      const env = {
        defaultZone: ZONE,
        defaultProjectId: PROJECT,
        projectIdSources: "",
      };
      const checked = checkResource(
        definition,
        {},
        evaluateArgs(r.args, {
          secret: () => "-----BEGIN CERTIFICATE-----\nx\n-----BEGIN PRIVATE KEY-----\ny",
        }),
        env,
      );
      expect(checked.failures).toEqual([]);
      // The provider's own adoption rule: local settings, create-time flags and secrets don't count.
      const changed = adoptionDifferences(definition, r.live, checked.inputs).map((d) => d.property);
      expect({ resource: r.names.resourceName, changed }).toEqual({
        resource: r.names.resourceName,
        changed: [],
      });
    }
  });
});

describe("renderProgram: stability", () => {
  it("writes the same files whatever order the API listed the objects in", () => {
    const t = shopTree();
    const shuffled: LiveTree = {
      ...t,
      certificates: [...t.certificates].reverse(),
      backends: [...t.backends].reverse(),
      frontends: [...t.frontends].reverse(),
      acls: [...t.acls].reverse(),
    };
    expect(Object.fromEntries(render(shuffled).files)).toEqual(Object.fromEntries(render(t).files));
  });

  it("writes this index.ts for the shop", () => {
    expect(file(render(shopTree()), "index.ts")).toMatchSnapshot();
  });
});
