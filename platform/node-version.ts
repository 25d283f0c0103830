/**
 * The Node.js version this package needs (package.json `engines`: >= 22; undici, its HTTP client,
 * fails at load time on older versions with a TypeError that says nothing of the cause). Imports
 * nothing, so that an entry point can load it first and check before anything that needs 22 loads.
 */

export const REQUIRED_NODE_MAJOR = 22;

export interface NodeRuntime {
  /** `process.versions.node`, e.g. `20.20.2`. */
  readonly version: string;
  /** `process.execPath`: which `node` this is, so the user can tell which one to replace. */
  readonly execPath: string;
}

const current: NodeRuntime = { version: process.versions.node, execPath: process.execPath };

/** The message for `who` (a command, the provider) when this Node.js is too old; undefined when it will do. */
export function nodeVersionProblem(who: string, node: NodeRuntime = current): string | undefined {
  const major = Number.parseInt(node.version, 10);
  if (Number.isFinite(major) && major >= REQUIRED_NODE_MAJOR) return undefined;
  return (
    `${who} needs Node.js ${REQUIRED_NODE_MAJOR} or later, but this is Node.js v${node.version} (${node.execPath}). ` +
    `Install Node.js ${REQUIRED_NODE_MAJOR} (https://nodejs.org/en/download, or "nvm install ${REQUIRED_NODE_MAJOR}" with nvm) ` +
    `and make it the "node" found first on PATH, then try again.`
  );
}

/** For a command-line entry point: print the problem and exit 1 before anything else loads. */
export function exitUnlessSupportedNode(command: string): void {
  const problem = nodeVersionProblem(command);
  if (problem === undefined) return;
  process.stderr.write(`error: ${problem}\n`);
  process.exit(1);
}
