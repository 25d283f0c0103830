/**
 * The import itself: resolve credentials, read the tree, render the project, write it, and say
 * what happened. Returns the exit code and, for callers that want them, the tree and the model.
 */
import { existsSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { createLbClient } from "../../provider/client/client";
import { describeSource, type ResolvedConfig, resolveConfig } from "../../provider/client/config";
import { isScalewayError } from "../../provider/client/errors";
import { type CliIo, EXIT_FAILURE, EXIT_OK } from "../io";
import { projectNameFor } from "./names";
import type { ImportOptions } from "./options";
import { dependencyVersions } from "./package-info";
import { renderPulumiImportFile } from "./pulumi-import-file";
import { readTree } from "./read-tree";
import { type RenderedProgram, renderProgram } from "./render-program";
import type { LiveTree } from "./tree";
import { WouldOverwrite, writeProject } from "./write-files";

export interface ImportExtras {
  /** Extra Markdown for the end of the generated README.md. */
  readonly readmeNotes?: string;
}

export interface ImportResult {
  readonly exitCode: number;
  readonly outDir?: string;
  readonly tree?: LiveTree;
  readonly rendered?: RenderedProgram;
}

export async function runImport(
  options: ImportOptions,
  io: CliIo,
  extras: ImportExtras = {},
): Promise<ImportResult> {
  const fail = (message: string): ImportResult => {
    io.stderr(`error: ${message}\n`);
    return { exitCode: EXIT_FAILURE };
  };

  let config: ResolvedConfig;
  try {
    config = resolveConfig({
      explicit: { profile: options.profile ?? null },
      env: io.env,
      homeDir: io.homeDir,
    });
  } catch (error) {
    return fail(errorText(error));
  }
  const zone = options.zone ?? config.zone;
  const lbId = `${zone}/${options.lbId}`;
  // SCW_LB_DEBUG=1 logs one line per request (never headers or bodies) to the command's stderr.
  const debug = ["1", "true"].includes(io.env.SCW_LB_DEBUG?.trim().toLowerCase() ?? "");
  const api = createLbClient({ config, logger: debug ? (line) => io.stderr(`${line}\n`) : null });
  let tree: LiveTree | undefined;
  try {
    io.stderr(
      `Reading load balancer ${lbId} from ${config.apiUrl} (credentials: ${describeSource(config.sources.secretKey)})\n`,
    );
    tree = await readTree(api, zone, options.lbId);
  } catch (error) {
    return fail(`reading load balancer ${lbId}: ${errorText(error)}`);
  } finally {
    await api.close();
  }
  if (!tree)
    return fail(
      `load balancer ${lbId} not found at ${config.apiUrl} (wrong zone, id or project credentials?)`,
    );

  const lbName = typeof tree.lb.props.name === "string" ? tree.lb.props.name : "";
  const project = options.project ?? projectNameFor(lbName);
  const outDir = resolve(io.cwd, options.out ?? project);
  const command = `scaleway-lb import --zone ${zone} --lb ${options.lbId}`;
  const rendered = renderProgram(tree, {
    project,
    command,
    versions: dependencyVersions(),
    readmeNotes: extras.readmeNotes,
  });
  if (options.importFile !== undefined)
    return writeImportFile(options.importFile, options.force, io, tree, rendered, lbId);
  try {
    writeProject(outDir, rendered.files, options.force);
  } catch (error) {
    if (error instanceof WouldOverwrite) return fail(error.message);
    return fail(`writing ${outDir}: ${errorText(error)}`);
  }

  const model = rendered.model;
  io.stdout(`Read ${summary(tree)} of load balancer "${lbName}" (${lbId}).\n`);
  io.stdout(`Wrote ${outDir}: ${[...rendered.files.keys()].join(", ")}\n`);
  for (const secret of model.secrets) {
    io.stdout(
      `The chain of ${secret.certificate.label} is not returned by the API: set it with\n  pulumi config set --secret ${secret.key} < chain.pem\n`,
    );
  }
  if (model.differences.length > 0) {
    // The program is still written (it is a good start), but an up would refuse these adoptions.
    for (const { resource, differences } of model.differences) {
      io.stderr(
        `error: ${resource.kind} ${resource.names.resourceName} would not adopt cleanly:\n${differences.map((d) => `  ${d.property}: ${d.reason}`).join("\n")}\n`,
      );
    }
    return { exitCode: EXIT_FAILURE, outDir, tree, rendered };
  }
  io.stdout(`Next: cd ${outDir} && npm install && pulumi stack init && pulumi up (see README.md)\n`);
  return { exitCode: EXIT_OK, outDir, tree, rendered };
}

/** The native door's product: Pulumi's import file for the tree, for `pulumi import -f`. */
function writeImportFile(
  file: string,
  force: boolean,
  io: CliIo,
  tree: LiveTree,
  rendered: RenderedProgram,
  lbId: string,
): ImportResult {
  const path = resolve(io.cwd, file);
  if (existsSync(path) && !force) {
    io.stderr(`error: ${path} already exists: choose another --import-file, or pass --force to overwrite\n`);
    return { exitCode: EXIT_FAILURE };
  }
  writeFileSync(path, renderPulumiImportFile(rendered.model));
  io.stdout(`Read ${summary(tree)} of load balancer ${lbId}.\n`);
  io.stdout(`Wrote ${path}: import it through the native door with\n  pulumi import -f ${file}\n`);
  for (const secret of rendered.model.secrets) {
    // The API never returns an uploaded chain, so the imported program cannot hold it yet.
    io.stdout(
      `The chain of ${secret.certificate.label} is not returned by the API: after the import, give the program's ${secret.certificate.names.resourceName} customCertificate.certificateChain (e.g. pulumi config set --secret ${secret.key} < chain.pem, read with config.requireSecret)\n`,
    );
  }
  return { exitCode: EXIT_OK, tree, rendered };
}

function summary(tree: LiveTree): string {
  const parts: [number, string][] = [
    [tree.ips.length, "flexible IP"],
    [tree.certificates.length, "certificate"],
    [tree.backends.length, "backend"],
    [tree.frontends.length, "frontend"],
    [tree.routes.length, "route"],
    [tree.acls.length, "ACL"],
    [tree.privateNetworks.length, "private network attachment"],
  ];
  const total = 1 + parts.reduce((n, [count]) => n + count, 0);
  const listed = parts
    .filter(([count]) => count > 0)
    .map(([count, word]) => `${count} ${word}${count === 1 ? "" : "s"}`);
  return `${total} objects${listed.length > 0 ? ` (the LB, ${listed.join(", ")})` : ""}`;
}

/** Client errors are already redacted (the secret key never appears in them). */
function errorText(error: unknown): string {
  if (isScalewayError(error)) return error.message;
  return error instanceof Error ? error.message : String(error);
}
