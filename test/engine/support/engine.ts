/**
 * One Pulumi stack of a program, run through the real engine (Automation API, offline file
 * backend) against an emulator, with the API calls of each operation taken from the emulator's
 * request log. Credentials and the endpoint go through SCW_* variables, as a CI job would set them.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { LocalWorkspace, type Stack } from "@pulumi/pulumi/automation";
import { copyExample } from "../../../scripts/examples/copy";
import type { EmulatorHarness } from "../../support/emulator-harness";
import { offlinePulumiEnv } from "../../support/pulumi-env";
import { TEST_PROJECT, TEST_SECRET_KEY } from "../../support/runtime-harness";

export const MUTATING = /^(POST|PUT|PATCH|DELETE) /;
export const REPO = join(__dirname, "..", "..", "..");
/** Inside the repository, so programs resolve the package from its node_modules; git-ignored. */
export const WORK = join(REPO, "test", "engine", ".work");
mkdirSync(WORK, { recursive: true });

export interface EngineStack {
  readonly stack: Stack;
  /** Runs an operation and returns the API calls it made (`METHOD /path`, zone prefix removed). */
  calls<T>(operation: () => Promise<T>): Promise<{ result: T; calls: string[] }>;
  /** Bare UUID of each resource by its Pulumi name, from the stack's state. */
  ids(): Promise<Record<string, string>>;
  /** The stack's state files as stored by the backend (secrets encrypted), concatenated. */
  storedState(): string;
  cleanup(): void;
}

/**
 * A stack of examples/<example>, run from a fresh copy in test/engine/.work/ (stack config files
 * are written next to the program, never into examples/).
 */
export async function exampleStack(
  example: string,
  emulator: EmulatorHarness,
  stackName = "test",
  extraEnv: Record<string, string> = {},
): Promise<EngineStack> {
  const work = mkdtempSync(join(WORK, `${example}-`));
  const program = copyExample(join(REPO, "examples"), example, join(work, example));
  const engine = await engineStack(program, emulator, stackName, extraEnv);
  return {
    ...engine,
    cleanup: () => {
      engine.cleanup();
      rmSync(work, { recursive: true, force: true });
    },
  };
}

export async function engineStack(
  workDir: string,
  emulator: EmulatorHarness,
  stackName = "test",
  extraEnv: Record<string, string> = {},
): Promise<EngineStack> {
  const env = offlinePulumiEnv();
  const stack = await LocalWorkspace.createOrSelectStack(
    { stackName, workDir },
    {
      envVars: {
        ...env.envVars,
        SCW_API_URL: emulator.url,
        SCW_SECRET_KEY: TEST_SECRET_KEY,
        SCW_DEFAULT_PROJECT_ID: TEST_PROJECT,
        SCW_LB_RATE_LIMIT: "1000",
        ...extraEnv,
      },
    },
  );
  return {
    stack,
    async calls(operation) {
      const before = (await emulator.log()).length;
      const result = await operation();
      return { result, calls: (await emulator.calls()).slice(before) };
    },
    async ids() {
      const deployment = await stack.exportStack();
      const resources =
        (deployment.deployment as { resources?: { urn: string; id?: string }[] }).resources ?? [];
      const ids: Record<string, string> = {};
      for (const r of resources) {
        if (!r.id || !r.urn.includes("scaleway-lb")) continue;
        ids[r.urn.slice(r.urn.lastIndexOf("::") + 2)] = r.id.slice(r.id.indexOf("/") + 1);
      }
      return ids;
    },
    storedState: () => readTree(join(env.dir, "state")),
    cleanup: () => env.cleanup(),
  };
}

export const mutating = (calls: readonly string[]) => calls.filter((c) => MUTATING.test(c));

function readTree(dir: string): string {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(".json"))
    .map((entry) => readFileSync(join(entry.parentPath, entry.name), "utf8"))
    .join("\n");
}
