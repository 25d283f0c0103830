/**
 * The programs the benchmark runs, each written into its own folder under .bench/ (inside the
 * repository, so they resolve `pulumi-scaleway-lb` and `@pulumi/pulumi` from its node_modules):
 * the empty program of the engine floor, copies of examples, and generated stacks of N resources.
 */
import { copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { copyExample } from "../examples/copy";

function project(dir: string, name: string, description: string, index: string, examples: string): string {
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, "Pulumi.yaml"),
    `name: ${name}\ndescription: ${JSON.stringify(description)}\nruntime:\n  name: nodejs\n  options:\n    typescript: true\n`,
  );
  writeFileSync(join(dir, "index.ts"), index);
  copyFileSync(join(examples, "tsconfig.json"), join(dir, "tsconfig.json"));
  return dir;
}

/** The engine floor: a TypeScript program that loads the Pulumi SDK and declares nothing. */
export function emptyProgram(dir: string, examples: string): string {
  const index = `import * as pulumi from "@pulumi/pulumi";\n\nexport const stack = pulumi.getStack();\n`;
  return project(dir, "bench-floor", "An empty program: the engine floor.", index, examples);
}

export function exampleProgram(dir: string, examples: string, name: string): string {
  return copyExample(examples, name, dir);
}

/** Resources per load balancer in a generated stack: the LB, 3 backends, 3 frontends, 3 ACLs. */
export const GROUP_SIZE = 10;

/**
 * A stack of `resources` resources (a multiple of 10): that many load balancers / 10, each with
 * three backends, three frontends and an ACL on each frontend. Config `description` sets the
 * first load balancer's description: the benchmark's one-field edit.
 */
export function generatedProgram(dir: string, examples: string, resources: number): string {
  if (resources % GROUP_SIZE !== 0 || resources <= 0)
    throw new Error(`generated stacks have a positive multiple of ${GROUP_SIZE} resources, got ${resources}`);
  const index = `import * as pulumi from "@pulumi/pulumi";
import * as scw from "pulumi-scaleway-lb";

const config = new pulumi.Config();
const edited = config.get("description") ?? "bench";

for (let g = 0; g < ${resources / GROUP_SIZE}; g++) {
  const lb = new scw.LoadBalancer(\`lb-\${g}\`, { type: "LB-S", description: g === 0 ? edited : "bench" });
  for (let i = 0; i < 3; i++) {
    const backend = new scw.Backend(\`backend-\${g}-\${i}\`, {
      lbId: lb.id,
      forwardProtocol: "http",
      forwardPort: 8000 + i,
      serverIps: [\`10.\${g}.\${i}.11\`, \`10.\${g}.\${i}.12\`],
      healthCheck: { httpConfig: { uri: "/healthz", code: 200 } },
    });
    const frontend = new scw.Frontend(\`frontend-\${g}-\${i}\`, {
      lbId: lb.id,
      backendId: backend.id,
      inboundPort: 8080 + i,
    });
    new scw.Acl(\`acl-\${g}-\${i}\`, {
      frontendId: frontend.id,
      index: 0,
      action: { type: "deny" },
      match: { ipSubnet: ["203.0.113.0/24"] },
    });
  }
}
`;
  return project(dir, `bench-${resources}`, `${resources} generated resources.`, index, examples);
}
