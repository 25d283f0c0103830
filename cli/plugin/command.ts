/**
 * `scaleway-lb install-plugin`: puts the native door's plugin into Pulumi's plugin cache, offline,
 * for projects that neither name it in Pulumi.yaml nor have it on PATH. The cache keeps a single
 * executable, so what is installed is a launcher that starts this installed package's plugin
 * (run the command again after upgrading the package); the version is the package's.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { packageRoot, packageVersion } from "../../provider/native/package-root";
import { type CliIo, EXIT_FAILURE, EXIT_OK, EXIT_USAGE } from "../io";

export const INSTALL_PLUGIN_USAGE = `Usage: scaleway-lb install-plugin

Installs the scaleway-lb provider plugin (pulumi-resource-scaleway-lb, the native door) of this
package into Pulumi's plugin cache ($PULUMI_HOME/plugins) with
  pulumi plugin install resource scaleway-lb <version> --file <launcher>
Nothing is downloaded. Needs the pulumi CLI on PATH. Run it again after upgrading the package.
`;

/** The launcher's text: starts the plugin of the package installed at `main`. */
export function launcher(main: string): string {
  return `#!/usr/bin/env node\n// Installed by scaleway-lb install-plugin: the plugin of ${JSON.stringify(main)}.\nrequire(${JSON.stringify(main)})\n  .serve()\n  .catch((error) => {\n    process.stderr.write(\`pulumi-resource-scaleway-lb: \${error && error.stack ? error.stack : error}\\n\`);\n    process.exit(1);\n  });\n`;
}

export async function installPluginCommand(argv: readonly string[], io: CliIo): Promise<number> {
  if (argv.includes("--help") || argv.includes("-h")) {
    io.stdout(INSTALL_PLUGIN_USAGE);
    return EXIT_OK;
  }
  if (argv.length > 0) {
    io.stderr(`error: install-plugin takes no arguments, got ${argv.join(" ")}\n\n${INSTALL_PLUGIN_USAGE}`);
    return EXIT_USAGE;
  }
  const version = packageVersion();
  const dir = mkdtempSync(join(tmpdir(), "scaleway-lb-plugin-"));
  try {
    const file = join(dir, "pulumi-resource-scaleway-lb");
    writeFileSync(file, launcher(join(packageRoot(), "dist", "provider", "native", "main.js")), {
      mode: 0o755,
    });
    const args = ["plugin", "install", "resource", "scaleway-lb", version, "--file", file, "--reinstall"];
    io.stderr(`$ pulumi ${args.join(" ")}\n`);
    execFileSync("pulumi", args, { env: { ...io.env }, cwd: io.cwd, stdio: ["ignore", "pipe", "pipe"] });
    io.stdout(`Installed the scaleway-lb provider plugin v${version} into Pulumi's plugin cache.\n`);
    return EXIT_OK;
  } catch (error) {
    const stderr =
      typeof error === "object" && error !== null ? String(Reflect.get(error, "stderr") ?? "") : "";
    io.stderr(
      `error: pulumi plugin install failed: ${stderr || (error instanceof Error ? error.message : String(error))}\n`,
    );
    return EXIT_FAILURE;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
