#!/usr/bin/env node
// Regenerates examples/import-existing: starts an embedded emulator whose state is saved to
// examples/import-existing/emulator-state.json, creates a representative load balancer tree through
// the provider, then runs the `scaleway-lb import` command into that folder.
// Run after building: `npm run build && node scripts/make-import-example.js`.

const { mkdirSync, rmSync } = require("node:fs");
const { join } = require("node:path");

const REPO = join(__dirname, "..");
const OUT = join(REPO, "examples", "import-existing");
const ZONE = "fr-par-1";
const PROJECT = "6a1f2d3c-4b5e-4f60-8172-93a4b5c6d7e8";
// The emulator accepts any key; this one only ever talks to it.
const KEY = "emulator-example-key";

const NOTES = `## About this example

This folder is the output of \`scaleway-lb import\`, unedited. \`scripts/make-import-example.js\`
(\`npm run build && node scripts/make-import-example.js\`) starts an embedded emulator, creates a
representative tree through the provider (\`scripts/examples/shop-tree.ts\`: a flexible IP, a load
balancer on it, a Let's Encrypt certificate, two HTTP backends with health checks and server pools,
two frontends, a path route and two ACLs) and runs the import into this folder.

**The importIds refer to the objects of that emulator run**, whose state is saved next to the program
in \`emulator-state.json\`; they exist nowhere else. To replay the adoption offline, serve a copy of
that state (the emulator writes to its file) and point the stack at it:

    cp emulator-state.json /tmp/lb-state.json
    npx scaleway-lb-emulator --data /tmp/lb-state.json --port 4010 &
    pulumi config set scaleway:apiUrl http://127.0.0.1:4010
    pulumi config set --secret scaleway:secretKey any-non-empty-key
    pulumi up

To adopt your own load balancer, generate your own project instead, with your credentials
(\`SCW_SECRET_KEY\`, or the Scaleway CLI config file):

    npx scaleway-lb import --zone fr-par-1 --lb <your load balancer's UUID> --out my-lb`;

function load(path) {
  try {
    return require(join(REPO, "dist", path));
  } catch (error) {
    process.stderr.write(`dist/${path} is missing; run "npm run build" first (${error.message})\n`);
    process.exit(2);
  }
}

async function main() {
  const { startEmulator } = load("emulator/index.js");
  const runtime = load("provider/runtime.js");
  const { runImport } = load("cli/import/run-import.js");
  const { createShopTree } = load("scripts/examples/shop-tree.js");

  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  const emulator = await startEmulator({ port: 0, dataFile: join(OUT, "emulator-state.json") });
  try {
    const config = {
      "scaleway:apiUrl": emulator.url,
      "scaleway:secretKey": KEY,
      "scaleway:projectId": PROJECT,
      "scaleway:zone": ZONE,
    };
    runtime.reset();
    await runtime.configure({ config: { get: (key) => config[key] } });
    const create = async (kind, args) => {
      const provider = runtime.provider(kind);
      const checked = await provider.check({}, args);
      if (checked.failures.length > 0) throw new Error(`${kind}: ${JSON.stringify(checked.failures)}`);
      return (await provider.create(checked.inputs)).id;
    };

    // The same tree the import's tests use, without an uploaded certificate (whose chain would have
    // to come from secret config to run the example).
    const { lb } = await createShopTree(create);

    const io = {
      env: { SCW_API_URL: emulator.url, SCW_SECRET_KEY: KEY },
      cwd: REPO,
      homeDir: OUT,
      stdout: (text) => process.stdout.write(text),
      stderr: (text) => process.stderr.write(text),
    };
    const options = {
      lbId: lb.slice(lb.indexOf("/") + 1),
      zone: ZONE,
      out: OUT,
      project: "import-existing",
      force: true,
    };
    const result = await runImport(options, io, { readmeNotes: NOTES });
    return result.exitCode;
  } finally {
    await emulator.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
