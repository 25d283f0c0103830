/**
 * A Node.js older than the package needs, found on this machine's PATH (the toolchain puts its
 * Node 22 first; the machine's own `node` is often older), to run built files the way a user with
 * an old Node would. `undefined` when there is none: tests that need one say so and skip.
 */
import { execFileSync } from "node:child_process";
import { accessSync, constants, mkdtempSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { REQUIRED_NODE_MAJOR } from "../../platform/node-version";

export interface OldNode {
  readonly path: string;
  /** As `process.versions.node` says it: `20.20.2`. */
  readonly version: string;
}

export function findOldNode(): OldNode | undefined {
  const dirs = [...(process.env.PATH ?? "").split(delimiter), "/usr/bin", "/usr/local/bin", "/bin"];
  for (const dir of dirs) {
    if (!dir) continue;
    const path = join(dir, "node");
    try {
      accessSync(path, constants.X_OK);
      const version = execFileSync(path, ["-p", "process.versions.node"], { encoding: "utf8" }).trim();
      if (Number.parseInt(version, 10) < REQUIRED_NODE_MAJOR) return { path, version };
    } catch {
      // Not there, or not runnable: look further.
    }
  }
  return undefined;
}

/** A directory whose only `node` is the old one, to put first on a child process's PATH. */
export function binDirWith(node: OldNode): string {
  const dir = mkdtempSync(join(tmpdir(), "pslb-old-node-"));
  symlinkSync(node.path, join(dir, "node"));
  return dir;
}
