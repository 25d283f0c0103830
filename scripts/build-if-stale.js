#!/usr/bin/env node
// `node scripts/build-if-stale.js [SCRIPT ARGS...]`: runs `npm run build` only when a source of the
// build changed since the last build made by this script, then runs SCRIPT (a built file, e.g.
// dist/scripts/examples/index.js) with ARGS in this same process (one Node start less). Sources:
// the files of tsconfig.build.json's `include`, the tsconfig files, package.json and the shim
// files the build copies; their paths, sizes and modification times are fingerprinted into
// dist/.sources-fingerprint after a successful build, and an unchanged fingerprint skips the
// ~10 s of tsc (`npm run example`, `npm run bench`). `npm run build` itself always builds.

const { execFileSync } = require("node:child_process");
const { createHash } = require("node:crypto");
const { existsSync, readdirSync, readFileSync, statSync, writeFileSync } = require("node:fs");
const { join, resolve } = require("node:path");

const repo = join(__dirname, "..");
const stampFile = join(repo, "dist", ".sources-fingerprint");
const EXTRA = [
  "tsconfig.build.json",
  "tsconfig.base.json",
  "package.json",
  "provider/shim.js",
  "provider/shim.d.ts",
];

/** The files an `include` entry names: `dir/**\/*.ts` walks dir for .ts files; anything else is a file. */
function filesOf(entry) {
  const walk = entry.match(/^(.*)\/\*\*\/\*\.ts$/);
  if (!walk) return [entry];
  const dir = join(repo, walk[1]);
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith(".ts"))
    .map((e) => join(e.parentPath, e.name).slice(repo.length + 1));
}

function fingerprint() {
  const include = JSON.parse(readFileSync(join(repo, "tsconfig.build.json"), "utf8")).include ?? [];
  const files = [...new Set([...include.flatMap(filesOf), ...EXTRA])].sort();
  const hash = createHash("sha256");
  for (const file of files) {
    const path = join(repo, file);
    const stat = existsSync(path) ? statSync(path) : null;
    hash.update(`${file}\0${stat ? `${stat.size}:${stat.mtimeMs}` : "absent"}\n`);
  }
  return hash.digest("hex");
}

const before = fingerprint();
const stamp = existsSync(stampFile) ? readFileSync(stampFile, "utf8") : "";
if (stamp !== before || !existsSync(join(repo, "dist", "index.js"))) {
  execFileSync("npm", ["run", "--silent", "build"], { cwd: repo, stdio: "inherit" });
  // The fingerprint taken before the build: a source edited during the build triggers the next one.
  writeFileSync(stampFile, before);
}

const [script, ...args] = process.argv.slice(2);
if (script) {
  const path = resolve(repo, script);
  process.argv = [process.argv[0], path, ...args];
  require(path);
}
