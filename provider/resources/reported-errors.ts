/**
 * One message per failure. Pulumi's dynamic provider server prints every error of check, diff,
 * read and delete to stderr as `${error}: ${error.stack}` and then returns it to the engine, which
 * prints it again: the user reads the message twice, the second time with a stack into
 * node_modules. Our errors already say what happened, so their stack is replaced by a marker and
 * that stderr line is dropped; the engine's copy is the one message. `SCW_LB_DEBUG=1` keeps stacks.
 */

const MARKER = "\u2063(reported by pulumi-scaleway-lb)";
let filtering = false;

/** Runs a provider method; an error it throws is printed once, by the engine. */
export async function reportedOnce<T>(method: () => Promise<T>): Promise<T> {
  try {
    return await method();
  } catch (error) {
    if (error instanceof Error && !debugging()) {
      error.stack = MARKER;
      dropServerCopies();
    }
    throw error;
  }
}

function debugging(): boolean {
  return process.env.SCW_LB_DEBUG === "1" || process.env.SCW_LB_DEBUG === "true";
}

function dropServerCopies(): void {
  if (filtering) return;
  filtering = true;
  const original = console.error.bind(console);
  console.error = (...args: unknown[]) => {
    if (args.length === 1 && typeof args[0] === "string" && args[0].endsWith(MARKER)) return;
    original(...args);
  };
}
