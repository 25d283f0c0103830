/**
 * Runs an example of examples/ through the Pulumi engine: `npm run example -- <name> [up|preview|
 * refresh|destroy]`; `npm run demo` is `basic-http up`. The program runs from a copy in
 * .demo/<name>/program (where its stack config lives). Without SCW_SECRET_KEY it starts an
 * embedded emulator whose objects persist in .demo/<name>/, so reruns see what the last run made;
 * with SCW_* credentials it talks to Scaleway. Stack state goes to a local file backend in
 * .demo/<name>/state unless PULUMI_BACKEND_URL says otherwise.
 *
 * It calls the `pulumi` command line directly, as a user would: the Automation API would add a
 * version check and a stack selection (two more CLI processes, ~1 s) to every run.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { startEmulator } from "../../emulator";
import { copyExample } from "./copy";
import { prepareExample } from "./prepare";
import { type PulumiCli, pulumiCli } from "./pulumi-cli";
import { selfSignedChain } from "./self-signed";

const EXAMPLES = [
  "basic-http",
  "https",
  "multi-zone",
  "private-backends",
  "import-existing",
  "lookup-existing",
];
const OPERATIONS = ["up", "preview", "refresh", "destroy"] as const;
type Operation = (typeof OPERATIONS)[number];
const DEMO_PROJECT = "6a1f2d3c-4b5e-4f60-8172-93a4b5c6d7e8";
const STACK = "dev";

async function main(argv: readonly string[]): Promise<number> {
  const [name = "basic-http", operationArg = "up"] = argv;
  const operation = OPERATIONS.find((o) => o === operationArg);
  if (!EXAMPLES.includes(name) || !operation) {
    process.stderr.write(`usage: npm run example -- <${EXAMPLES.join("|")}> [${OPERATIONS.join("|")}]\n`);
    return 2;
  }
  const repo = join(__dirname, "..", "..", "..");
  // The benchmark runs the examples in its own folder, leaving the user's .demo/ alone.
  const demoDir = join(process.env.SCW_LB_DEMO_DIR ?? join(repo, ".demo"), name);
  mkdirSync(join(demoDir, "state"), { recursive: true });
  const workDir = copyExample(join(repo, "examples"), name, join(demoDir, "program"));

  const real = Boolean(process.env.SCW_SECRET_KEY);
  const dataFile = join(demoDir, "emulator.json");
  // import-existing adopts objects that must exist first: the emulator starts from the state the
  // example was generated against.
  const seed = join(repo, "examples", name, "emulator-state.json");
  if (!real && existsSync(seed) && !existsSync(dataFile)) copyFileSync(seed, dataFile);
  const emulator = real ? undefined : await startEmulator({ port: 0, dataFile });
  const project = process.env.SCW_DEFAULT_PROJECT_ID ?? DEMO_PROJECT;
  if (emulator) await prepareExample(name, emulator.url, "emulator-demo-key", project);
  const envVars: Record<string, string> = {
    PULUMI_BACKEND_URL: process.env.PULUMI_BACKEND_URL ?? `file://${join(demoDir, "state")}`,
    PULUMI_CONFIG_PASSPHRASE: process.env.PULUMI_CONFIG_PASSPHRASE ?? "demo-passphrase",
    PULUMI_SKIP_UPDATE_CHECK: "true",
    ...(emulator
      ? {
          // The emulator's address changes every run: it goes in the environment, not stack config,
          // so a new port is not a change of the stack.
          SCW_API_URL: emulator.url,
          SCW_SECRET_KEY: "emulator-demo-key",
          SCW_DEFAULT_PROJECT_ID: project,
        }
      : {}),
  };
  try {
    process.stdout.write(
      real
        ? `Running examples/${name} against Scaleway (${process.env.SCW_API_URL ?? "https://api.scaleway.com"}).\n`
        : `Running examples/${name} against an embedded emulator at ${emulator?.url} (state kept in .demo/${name}).\n`,
    );
    const cli = pulumiCli(workDir, STACK, envVars);
    await cli.selectOrCreate();
    if (name === "https" && !hasConfig(workDir, "https:certificateChain")) {
      await cli.setSecretConfig("certificateChain", selfSignedChain("uploaded.acme-corp.fr"));
    }
    if (name === "private-backends") await ensurePrivateNetwork(cli, workDir, emulator?.url);
    await run(cli, operation);
    if (operation === "up" || operation === "refresh") {
      const outputs = await cli.outputs();
      process.stdout.write("\nStack outputs:\n");
      for (const [key, value] of Object.entries(outputs)) {
        process.stdout.write(`  ${key} = ${JSON.stringify(value)}\n`);
      }
    }
    process.stdout.write(
      `\nNext: npm run example -- ${name} preview   (expects no changes)\n` +
        `      npm run example -- ${name} destroy   (deletes everything)\n`,
    );
    return 0;
  } finally {
    await emulator?.close();
  }
}

/**
 * private-backends attaches its LB to an existing VPC private network: in the emulator the runner
 * creates one (once: it persists with the emulator's objects); against Scaleway its id must be in
 * stack config already.
 */
async function ensurePrivateNetwork(
  cli: PulumiCli,
  workDir: string,
  emulatorUrl: string | undefined,
): Promise<void> {
  if (hasConfig(workDir, "private-backends:privateNetworkId")) return;
  if (emulatorUrl === undefined) {
    throw new Error(
      'examples/private-backends needs a VPC private network: run `pulumi config set privateNetworkId "fr-par/<uuid>"` in .demo/private-backends/program first',
    );
  }
  const res = await fetch(`${emulatorUrl}/vpc/v2/regions/fr-par/private-networks`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-auth-token": "emulator-demo-key" },
    body: JSON.stringify({
      name: "private-backends",
      project_id: process.env.SCW_DEFAULT_PROJECT_ID ?? DEMO_PROJECT,
    }),
  });
  const body: unknown = await res.json();
  const id = typeof body === "object" && body !== null ? Reflect.get(body, "id") : undefined;
  if (!res.ok || typeof id !== "string")
    throw new Error(`could not create the private network: ${JSON.stringify(body)}`);
  process.stdout.write(`Created private network fr-par/${id} in the emulator's VPC API.\n`);
  await cli.setConfig("privateNetworkId", `fr-par/${id}`);
}

/** Flags as the Automation API passed them: up, refresh and destroy do not preview first. */
async function run(cli: PulumiCli, operation: Operation): Promise<void> {
  switch (operation) {
    case "up":
      return cli.run(["up", "--yes", "--skip-preview"]);
    case "preview":
      return cli.run(["preview", "--diff"]);
    case "refresh":
      return cli.run(["refresh", "--yes", "--skip-preview"]);
    case "destroy":
      return cli.run(["destroy", "--yes", "--skip-preview"]);
  }
}

/** Whether the stack's config file sets `key` (read as text: the value may be a secret). */
function hasConfig(workDir: string, key: string): boolean {
  const file = join(workDir, `Pulumi.${STACK}.yaml`);
  return existsSync(file) && readFileSync(file, "utf8").includes(`${key}:`);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
