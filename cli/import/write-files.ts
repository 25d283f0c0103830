/** Writes the generated project; refuses to overwrite existing files unless told to. */
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export class WouldOverwrite extends Error {
  override readonly name = "WouldOverwrite";
}

export function writeProject(dir: string, files: ReadonlyMap<string, string>, force: boolean): void {
  const existing = [...files.keys()].filter((name) => existsSync(join(dir, name)));
  if (existing.length > 0 && !force) {
    throw new WouldOverwrite(
      `${dir} already holds ${existing.join(", ")}: choose another --out, or pass --force to overwrite`,
    );
  }
  mkdirSync(dir, { recursive: true });
  for (const [name, content] of files) writeFileSync(join(dir, name), content);
}
