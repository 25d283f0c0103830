/**
 * What a command needs from the outside world, passed in rather than taken from `process`, so
 * tests run commands in-process with their own environment and capture what they print.
 */

export interface CliIo {
  /** Environment variables (credentials and endpoint come from SCW_* here). */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Relative paths (`--out`) are resolved against this directory. */
  readonly cwd: string;
  /** Home directory, where the Scaleway CLI config file is looked for. */
  readonly homeDir: string;
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

/** Exit codes: success, a failure while doing the work, a command line that makes no sense. */
export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

/** A bad command line: printed with the usage text, exit code 2. */
export class UsageError extends Error {
  override readonly name = "UsageError";
}
