/**
 * A Pulumi project for the native door: a JavaScript program (rewritten between steps) whose
 * Pulumi.yaml points the engine at this repository's plugin (`plugins.providers`, the documented
 * offline way), run through the real CLI and the Automation API against emulators.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { LocalWorkspace, type Stack } from "@pulumi/pulumi/automation";
import { offlinePulumiEnv } from "../../support/pulumi-env";
import { TEST_PROJECT, TEST_SECRET_KEY } from "../../support/runtime-harness";
import { REPO, WORK } from "./engine";

const run = promisify(execFile);

export interface NativeProject {
  readonly dir: string;
  readonly stack: Stack;
  readonly env: Record<string, string>;
  /** Replaces the program (CommonJS; `native` is `require("pulumi-scaleway-lb/native")`). */
  program(body: string): void;
  /** Makes the project a TypeScript one whose program is index.ts (e.g. as `pulumi import --out` wrote it). */
  useTypeScript(): void;
  /** Runs the pulumi CLI in the project; resolves with its output, rejects with it on failure. */
  cli(args: readonly string[]): Promise<{ stdout: string; stderr: string }>;
  /** The stack's state files as the backend stores them (secrets encrypted), concatenated. */
  storedState(): string;
  /** The stack's resources as exported (type, urn, id, inputs, outputs). */
  resources(): Promise<ExportedResource[]>;
  cleanup(): void;
}

export interface ExportedResource {
  readonly type: string;
  readonly urn: string;
  readonly id?: string;
  readonly inputs?: Record<string, unknown>;
  readonly outputs?: Record<string, unknown>;
}

export async function nativeProject(
  apiUrl: string,
  stackName = "native",
  extraEnv: Record<string, string> = {},
  /**
   * `project`: Pulumi.yaml's `plugins.providers` names the plugin's folder; `path`: it is on PATH;
   * `cache`: neither (the test installs it into the stack's PULUMI_HOME plugin cache).
   */
  plugin: "project" | "path" | "cache" = "project",
): Promise<NativeProject> {
  const offline = offlinePulumiEnv("pslb-native-");
  const dir = mkdtempSync(join(WORK, "native-"));
  const pulumiYaml = (main: string) =>
    writeFileSync(
      join(dir, "Pulumi.yaml"),
      [
        "name: native-door",
        "runtime: nodejs",
        `main: ${main}`,
        ...(plugin === "project"
          ? ["plugins:", "  providers:", "    - name: scaleway-lb", `      path: ${join(REPO, "bin")}`]
          : []),
        "",
      ].join("\n"),
    );
  pulumiYaml("index.js");
  const program = (body: string) =>
    writeFileSync(
      join(dir, "index.js"),
      `"use strict";\nconst pulumi = require("@pulumi/pulumi");\nconst native = require("pulumi-scaleway-lb/native");\n${body}\n`,
    );
  program("");
  const env = {
    ...offline.envVars,
    SCW_API_URL: apiUrl,
    SCW_SECRET_KEY: TEST_SECRET_KEY,
    SCW_DEFAULT_PROJECT_ID: TEST_PROJECT,
    SCW_LB_RATE_LIMIT: "1000",
    ...(plugin === "path" ? { PATH: `${join(REPO, "bin")}:${process.env.PATH ?? ""}` } : {}),
    ...extraEnv,
  };
  const stack = await LocalWorkspace.createOrSelectStack({ stackName, workDir: dir }, { envVars: env });
  return {
    dir,
    stack,
    env,
    program,
    useTypeScript() {
      const compilerOptions = {
        strict: true,
        target: "ES2022",
        module: "commonjs",
        moduleResolution: "node10",
        skipLibCheck: true,
      };
      writeFileSync(join(dir, "tsconfig.json"), JSON.stringify({ compilerOptions, files: ["index.ts"] }));
      pulumiYaml("index.ts");
    },
    cli: (args) =>
      run("pulumi", [...args, "--stack", stackName, "--non-interactive", "--color", "never"], {
        cwd: dir,
        env: { ...process.env, ...env },
        maxBuffer: 16 * 1024 * 1024,
      }),
    storedState: () =>
      readdirSync(join(offline.dir, "state"), { withFileTypes: true, recursive: true })
        .filter((entry) => entry.isFile() && entry.name.endsWith(".json"))
        .map((entry) => readFileSync(join(entry.parentPath, entry.name), "utf8"))
        .join("\n"),
    async resources() {
      const exported = await stack.exportStack();
      return (exported.deployment as { resources?: ExportedResource[] }).resources ?? [];
    },
    cleanup() {
      offline.cleanup();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
