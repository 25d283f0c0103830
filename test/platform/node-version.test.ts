/**
 * On a Node.js older than 22, the bins say so — which version they found, how to get 22 — and exit
 * 1, instead of crashing with undici's TypeError while loading.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { nodeVersionProblem, REQUIRED_NODE_MAJOR } from "../../platform/node-version";
import { findOldNode } from "../support/old-node";

const REPO = join(__dirname, "..", "..");

describe("nodeVersionProblem", () => {
  it("names the version found, the node that runs, and how to get 22", () => {
    expect(nodeVersionProblem("scaleway-lb", { version: "20.20.2", execPath: "/usr/bin/node" })).toBe(
      'scaleway-lb needs Node.js 22 or later, but this is Node.js v20.20.2 (/usr/bin/node). Install Node.js 22 (https://nodejs.org/en/download, or "nvm install 22" with nvm) and make it the "node" found first on PATH, then try again.',
    );
  });

  it.each(["22.0.0", "22.23.3", "24.1.0"])("accepts Node.js %s", (version) => {
    expect(nodeVersionProblem("x", { version, execPath: "node" })).toBeUndefined();
  });

  it.each(["21.7.3", "18.20.0", "20.20.2"])("refuses Node.js %s", (version) => {
    expect(nodeVersionProblem("x", { version, execPath: "node" })).toContain(`this is Node.js v${version}`);
  });

  it("agrees with package.json engines", () => {
    const pkg: unknown = JSON.parse(readFileSync(join(REPO, "package.json"), "utf8"));
    expect(pkg).toMatchObject({ engines: { node: `>=${REQUIRED_NODE_MAJOR}` } });
  });
});

const oldNode = findOldNode();
const built = existsSync(join(REPO, "dist", "cli", "index.js"));
// Reason for skipping: the bins can only be run on an old Node when the machine has one, after a build.
const onOldNode = oldNode && built ? describe : describe.skip;

onOldNode(
  `the built bins on the machine's Node.js ${oldNode?.version ?? "(none older than 22 found)"}`,
  () => {
    const node = oldNode?.path ?? "node";

    it.each([
      ["scaleway-lb", join(REPO, "dist", "cli", "index.js"), ["import", "--help"]],
      ["scaleway-lb-emulator", join(REPO, "dist", "emulator", "cli.js"), ["--port", "0"]],
    ])("%s says Node.js 22 is needed and exits 1", (command, bin, args) => {
      const run = spawnSync(node, [bin, ...args], { encoding: "utf8", timeout: 20_000 });
      expect(run.status).toBe(1);
      expect(run.stdout).toBe("");
      expect(run.stderr).toBe(
        `error: ${command} needs Node.js 22 or later, but this is Node.js v${oldNode?.version} (${node}). Install Node.js 22 (https://nodejs.org/en/download, or "nvm install 22" with nvm) and make it the "node" found first on PATH, then try again.\n`,
      );
    });

    it("the provider runtime fails to load with the same message and no stack trace", () => {
      const load = `try { require(${JSON.stringify(join(REPO, "dist", "provider", "runtime.js"))}); } catch (e) { process.stdout.write(JSON.stringify({ message: e.message, stack: e.stack })); }`;
      const run = spawnSync(node, ["-e", load], { encoding: "utf8", timeout: 20_000 });
      const thrown: unknown = JSON.parse(run.stdout);
      expect(thrown).toEqual({
        message: expect.stringMatching(
          /^pulumi-scaleway-lb needs Node\.js 22 or later, but this is Node\.js v\d+\.\d+\.\d+ \(.*\)\. Install Node\.js 22/,
        ),
        stack: "",
      });
    });
  },
);
