/** A CliIo for in-process runs: a given environment, and what the command prints, captured. */
import type { CliIo } from "../../../cli/io";

export interface CapturedIo {
  readonly io: CliIo;
  stdout(): string;
  stderr(): string;
}

export function captureIo(env: Record<string, string>, cwd: string, homeDir = cwd): CapturedIo {
  const out: string[] = [];
  const err: string[] = [];
  return {
    io: { env, cwd, homeDir, stdout: (t) => out.push(t), stderr: (t) => err.push(t) },
    stdout: () => out.join(""),
    stderr: () => err.join(""),
  };
}
