/**
 * The Pulumi CLI as a user runs it, one process per command (so a command can be interrupted with
 * a signal), against a file backend of its own. Every process carries a marker in its
 * environment, inherited by everything the CLI starts (language host, program, provider
 * plugins): after a SIGKILL, the survivors are found by it.
 */
import { spawn } from "node:child_process";
import { appendFileSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

export interface PulumiSession {
  readonly programDir: string;
  readonly stack: string;
  readonly env: Record<string, string>;
  /** Every command's output is appended here. */
  readonly logFile: string;
  /** `CHAOS_MARK=<value>` is in the environment of every process of this session. */
  readonly mark: string;
}

export interface CommandResult {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly output: string;
}

export interface RunningCommand {
  readonly pid: number;
  readonly done: Promise<CommandResult>;
  kill(signal: NodeJS.Signals): void;
}

export function start(session: PulumiSession, args: readonly string[]): RunningCommand {
  const child = spawn(
    "pulumi",
    [...args, "--stack", session.stack, "--non-interactive", "--cwd", session.programDir],
    {
      env: { ...process.env, ...session.env, CHAOS_MARK: session.mark },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  const done = new Promise<CommandResult>((resolve) => {
    child.on("close", (code, signal) => {
      appendFileSync(session.logFile, `\n$ pulumi ${args.join(" ")} -> ${code ?? signal}\n${output}`);
      resolve({ code, signal, output });
    });
  });
  if (child.pid === undefined)
    throw new Error("could not start pulumi (is it on PATH? use scripts/with-toolchain.sh)");
  return { pid: child.pid, done, kill: (signal) => child.kill(signal) };
}

export function run(session: PulumiSession, args: readonly string[]): Promise<CommandResult> {
  return start(session, args).done;
}

/** Pids of live processes whose environment carries the session's marker. */
export function survivors(mark: string): number[] {
  const found: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const environ = readFileSync(join("/proc", entry, "environ"), "utf8");
      const status = readFileSync(join("/proc", entry, "status"), "utf8");
      if (/^State:\s+Z/m.test(status)) continue; // a zombie is dead, only not yet reaped
      if (environ.split("\0").includes(`CHAOS_MARK=${mark}`)) found.push(Number(entry));
    } catch {
      // gone meanwhile, or not ours to read
    }
  }
  return found;
}

/** The command lines of the given pids (for the report). */
export function describeProcesses(pids: readonly number[]): string[] {
  return pids.map((pid) => {
    try {
      return `${pid} ${readFileSync(join("/proc", String(pid), "cmdline"), "utf8")
        .split("\0")
        .join(" ")
        .trim()}`;
    } catch {
      return `${pid} (gone)`;
    }
  });
}
