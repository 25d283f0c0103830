/**
 * The `pulumi` command line as the example runner uses it: one stack of one program, commands run
 * with their output shown as they go. Every call is one CLI process (~0.3-0.5 s), so the runner
 * makes as few as it can: a stack that exists in the local file backend is not selected again.
 */
import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export interface PulumiCli {
  /** Creates the stack unless the backend already has it. */
  selectOrCreate(): Promise<void>;
  setConfig(key: string, value: string): Promise<void>;
  setSecretConfig(key: string, value: string): Promise<void>;
  /** Runs `pulumi <args> --stack <stack>`, its output shown as it goes; rejects when it fails. */
  run(args: readonly string[]): Promise<void>;
  /** The stack's outputs (secret ones as `"[secret]"`). */
  outputs(): Promise<Record<string, unknown>>;
}

interface Captured {
  readonly code: number | null;
  readonly stdout: string;
}

export function pulumiCli(workDir: string, stack: string, env: Readonly<Record<string, string>>): PulumiCli {
  const exec = (args: readonly string[], show: boolean, input?: string): Promise<Captured> =>
    new Promise((resolve, reject) => {
      const child = spawn("pulumi", [...args, "--stack", stack, "--non-interactive"], {
        cwd: workDir,
        env: { ...process.env, ...env },
        stdio: [input === undefined ? "ignore" : "pipe", show ? "inherit" : "pipe", "inherit"],
      });
      let stdout = "";
      child.stdout?.on("data", (chunk: Buffer) => {
        stdout += chunk.toString();
      });
      child.on("error", reject);
      child.on("close", (code) => resolve({ code, stdout }));
      child.stdin?.end(input);
    });
  const checked = async (args: readonly string[], show: boolean, input?: string): Promise<string> => {
    const { code, stdout } = await exec(args, show, input);
    if (code !== 0) throw new Error(`pulumi ${args.join(" ")} exited with ${code}`);
    return stdout;
  };

  return {
    async selectOrCreate() {
      if (stackFileExists(workDir, stack, env.PULUMI_BACKEND_URL)) return;
      await checked(["stack", "select", "--create"], false);
    },
    async setConfig(key, value) {
      await checked(["config", "set", key, value], false);
    },
    async setSecretConfig(key, value) {
      await checked(["config", "set", "--secret", key], false, value);
    },
    async run(args) {
      await checked(args, true);
    },
    async outputs() {
      const parsed: unknown = JSON.parse(await checked(["stack", "output", "--json"], false));
      return parsed !== null && typeof parsed === "object" ? (parsed as Record<string, unknown>) : {};
    },
  };
}

/**
 * Whether a local file backend (`file://…`) holds the stack already: `.pulumi/stacks/<project>/
 * <stack>.json` (or `.json.gz`). Any other backend is asked through the CLI.
 */
function stackFileExists(workDir: string, stack: string, backendUrl: string | undefined): boolean {
  if (!backendUrl?.startsWith("file://")) return false;
  const project = readFileSync(join(workDir, "Pulumi.yaml"), "utf8").match(/^name:\s*(\S+)/m)?.[1];
  if (!project) return false;
  let root: string;
  try {
    root = fileURLToPath(backendUrl);
  } catch {
    return false; // e.g. file://~/state: let the CLI resolve it
  }
  const dir = join(root, ".pulumi", "stacks", project);
  return existsSync(join(dir, `${stack}.json`)) || existsSync(join(dir, `${stack}.json.gz`));
}
