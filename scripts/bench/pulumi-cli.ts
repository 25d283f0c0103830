/**
 * Runs the real `pulumi` command line (found on PATH, as scripts/with-toolchain.sh puts it there)
 * and times it: what a user waits for, without the Automation API in between.
 */
import { spawn } from "node:child_process";
import { join } from "node:path";
import { performance } from "node:perf_hooks";

export interface CliRun {
  readonly ms: number;
  readonly stdout: string;
  readonly stderr: string;
}

export interface CliOptions {
  readonly cwd: string;
  readonly env: Readonly<Record<string, string>>;
  /** Written to the command's stdin (e.g. a secret config value). */
  readonly input?: string;
}

/** Runs `pulumi <args>`; rejects with the command and the tail of its output when it fails. */
export function pulumi(args: readonly string[], options: CliOptions): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn("pulumi", [...args, "--non-interactive"], {
      cwd: options.cwd,
      env: { ...process.env, ...options.env },
      stdio: ["pipe", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on("error", reject);
    child.on("close", (code) => {
      const ms = performance.now() - started;
      if (code === 0) resolve({ ms, stdout, stderr });
      else {
        const tail = `${stdout}\n${stderr}`.trim().split("\n").slice(-30).join("\n");
        reject(new Error(`pulumi ${args.join(" ")} (in ${options.cwd}) exited with ${code}:\n${tail}`));
      }
    });
    child.stdin.end(options.input ?? "");
  });
}

/** Runs any command from the repository (e.g. `npm run example`), its output discarded; the wall time. */
export function timed(command: string, args: readonly string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, [...args], {
      cwd: join(__dirname, "..", "..", ".."),
      env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stderr.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.on("error", reject);
    child.on("close", (code) => {
      if (code === 0) resolve(performance.now() - started);
      else
        reject(
          new Error(
            `${command} ${args.join(" ")} exited with ${code}:\n${output.split("\n").slice(-30).join("\n")}`,
          ),
        );
    });
  });
}
