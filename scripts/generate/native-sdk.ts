/**
 * Generates the native door's SDK (`native/`, published as `pulumi-scaleway-lb/native`) with
 * Pulumi's own Node.js code generator (`pulumi package gen-sdk --language nodejs`), from the same
 * definitions as schema.json (the native door's schema). Needs the toolchain's pulumi on PATH
 * (`npm run generate:native` runs it through scripts/with-toolchain.sh). With --check, writes
 * nothing and exits 1 when native/ is out of date.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { generateSchema } from "./schema";

/** The generated SDK's files (path under native/ → text). */
export function generateNativeSdk(version: string): Map<string, string> {
  const work = mkdtempSync(join(tmpdir(), "scaleway-lb-native-sdk-"));
  try {
    const schemaPath = join(work, "schema.json");
    writeFileSync(schemaPath, `${JSON.stringify(generateSchema(version, "native"), null, 2)}\n`);
    execFileSync(
      "pulumi",
      ["package", "gen-sdk", schemaPath, "--language", "nodejs", "--out", join(work, "out")],
      {
        stdio: ["ignore", "ignore", "inherit"],
      },
    );
    const root = join(work, "out", "nodejs");
    const files = new Map<string, string>();
    for (const entry of readdirSync(root, { withFileTypes: true, recursive: true })) {
      if (!entry.isFile() || !entry.name.endsWith(".ts")) continue;
      const path = join(entry.parentPath, entry.name);
      files.set(relative(root, path), readFileSync(path, "utf8"));
    }
    // utilities.ts reads the SDK's version from ./package.json: the package's own version, so the
    // engine asks for the plugin of this very release. `pulumi.resource` names the plugin.
    const manifest = {
      name: "pulumi-scaleway-lb-native",
      version,
      pulumi: { resource: true, name: "scaleway-lb" },
    };
    files.set("package.json", `${JSON.stringify(manifest, null, 2)}\n`);
    return files;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function main(argv: readonly string[]): number {
  const repo = join(__dirname, "..", "..", "..");
  const version = String(JSON.parse(readFileSync(join(repo, "package.json"), "utf8")).version);
  const files = generateNativeSdk(version);
  const stale: string[] = [];
  for (const [path, text] of files) {
    const target = join(repo, "native", path);
    let current: string | undefined;
    try {
      current = readFileSync(target, "utf8");
    } catch {
      current = undefined;
    }
    if (current === text) continue;
    stale.push(`native/${path}`);
    if (!argv.includes("--check")) {
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, text);
    }
  }
  if (argv.includes("--check") && stale.length > 0) {
    process.stderr.write(`native SDK out of date (run npm run generate:native): ${stale.join(", ")}\n`);
    return 1;
  }
  process.stdout.write(stale.length ? `wrote ${stale.join(", ")}\n` : "native SDK up to date\n");
  return 0;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
