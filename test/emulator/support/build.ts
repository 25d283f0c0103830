/**
 * Compiles the emulator alone (same compiler options as `tsconfig.build.json`, output laid out
 * like `dist/`) into a temporary directory, so spawn tests run real JavaScript without depending
 * on the rest of the package building.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const REPO = join(__dirname, "..", "..", "..");

export interface Build {
  dir: string;
  cli: string;
  /** Environment for children: `node_modules` of the repository on NODE_PATH. */
  env: NodeJS.ProcessEnv;
}

export function buildEmulator(): Build {
  const dir = mkdtempSync(join(tmpdir(), "lb-emulator-build-"));
  const config = join(dir, "tsconfig.json");
  writeFileSync(
    config,
    JSON.stringify({
      extends: join(REPO, "tsconfig.build.json"),
      compilerOptions: { outDir: join(dir, "out"), rootDir: REPO, declaration: false, sourceMap: false },
      include: [join(REPO, "emulator", "**", "*.ts")],
    }),
  );
  const tsc = join(REPO, "node_modules", "typescript", "bin", "tsc");
  const result = spawnSync(process.execPath, [tsc, "-p", config], { encoding: "utf8" });
  const cli = join(dir, "out", "emulator", "cli.js");
  if (!existsSync(cli)) throw new Error(`emulator build failed:\n${result.stdout}\n${result.stderr}`);
  return { dir, cli, env: { ...process.env, NODE_PATH: join(REPO, "node_modules") } };
}
