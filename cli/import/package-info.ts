/**
 * The dependency ranges a generated project needs: this package's own version and the
 * `@pulumi/pulumi` range it is built against, read from its package.json (found by walking up from
 * this file, which sits at a different depth in the sources and in dist/).
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { DependencyVersions } from "./render-project";

const PACKAGE_NAME = "pulumi-scaleway-lb";
const FALLBACK: DependencyVersions = { pulumi: "^3.0.0", scalewayLb: "*" };

export function dependencyVersions(from: string = __dirname): DependencyVersions {
  for (let dir = from; ; dir = dirname(dir)) {
    const found = readOwn(join(dir, "package.json"));
    if (found) return found;
    if (dirname(dir) === dir) return FALLBACK;
  }
}

function readOwn(path: string): DependencyVersions | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, "utf8"));
  } catch {
    return undefined; // no package.json here: keep walking up
  }
  if (parsed === null || typeof parsed !== "object" || Reflect.get(parsed, "name") !== PACKAGE_NAME)
    return undefined;
  const version: unknown = Reflect.get(parsed, "version");
  const peers: unknown = Reflect.get(parsed, "peerDependencies");
  const pulumi: unknown =
    peers !== null && typeof peers === "object" ? Reflect.get(peers, "@pulumi/pulumi") : undefined;
  return {
    pulumi: typeof pulumi === "string" ? pulumi : FALLBACK.pulumi,
    scalewayLb: typeof version === "string" ? `^${version}` : FALLBACK.scalewayLb,
  };
}
