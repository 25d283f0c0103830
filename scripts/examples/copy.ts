/**
 * Copies an example's program into a working directory inside the repository, so that stack config
 * files (Pulumi.<stack>.yaml) land there instead of in examples/, and the program still resolves
 * `pulumi-scaleway-lb` and `@pulumi/pulumi` from the repository's node_modules. Files already in the
 * working directory (a stack's config) are kept; the program's files are refreshed.
 */
import { copyFileSync, mkdirSync, readdirSync } from "node:fs";
import { join } from "node:path";

export function copyExample(examplesDir: string, name: string, target: string): string {
  const source = join(examplesDir, name);
  mkdirSync(target, { recursive: true });
  for (const file of readdirSync(source)) {
    if (/^Pulumi\..+\.yaml$/.test(file) || file === "node_modules") continue;
    copyFileSync(join(source, file), join(target, file));
  }
  copyFileSync(join(examplesDir, "tsconfig.json"), join(target, "tsconfig.json"));
  return target;
}
