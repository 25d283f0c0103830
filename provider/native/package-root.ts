/**
 * The installed package's directory and version, found from this file (compiled under dist/ or run
 * from source by tests): the nearest folder up whose package.json is this package's.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";

const NAME = "pulumi-scaleway-lb";

export function packageRoot(from: string = __dirname): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const manifest = join(dir, "package.json");
    if (existsSync(manifest) && manifestOf(manifest).name === NAME) return dir;
    if (dirname(dir) === dir) throw new Error(`${NAME}: no package.json of ${NAME} above ${from}`);
  }
}

/** The package's version: the plugin's and the native SDK's version is always this one. */
export function packageVersion(): string {
  const version = manifestOf(join(packageRoot(), "package.json")).version;
  if (typeof version !== "string") throw new Error(`${NAME}: package.json has no version`);
  return version;
}

function manifestOf(path: string): Record<string, unknown> {
  const parsed: unknown = JSON.parse(readFileSync(path, "utf8"));
  return typeof parsed === "object" && parsed !== null ? (parsed as Record<string, unknown>) : {};
}
