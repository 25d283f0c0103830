/** The import command's command line: parsed and validated, or a UsageError saying what is wrong. */
import { parseArgs } from "node:util";
import { isZone, parseZonedId, ZONES } from "../../provider/core/zoned-id";
import { UsageError } from "../io";
import { isValidProjectName } from "./names";

export interface ImportOptions {
  /** The load balancer's bare UUID (lower-case). */
  readonly lbId: string;
  /** From --zone or --lb; undefined: the configured default zone. */
  readonly zone: string | undefined;
  readonly out: string | undefined;
  readonly project: string | undefined;
  readonly profile: string | undefined;
  readonly force: boolean;
  /** Write Pulumi's bulk import file (native door) to this path instead of a project. */
  readonly importFile: string | undefined;
}

export type ParsedImportArgs =
  | { readonly help: true }
  | { readonly help: false; readonly options: ImportOptions };

export const IMPORT_USAGE = `Usage: scaleway-lb import --lb <id> [--zone <zone>] [--out <dir>] [--project <name>] [--force]

Reads a Scaleway load balancer and everything attached to it (flexible IPs, backends, frontends,
their routes and ACLs, certificates) and writes a Pulumi TypeScript project that adopts them: each
resource carries the object's importId, so the first \`pulumi up\` records every object and changes none.

Options:
  --lb <id>          The load balancer: a UUID, or "<zone>/<uuid>" (required)
  --zone <zone>      Its zone, one of ${ZONES.join(", ")}
                     (default: the zone in --lb, else SCW_DEFAULT_ZONE or the CLI config, else fr-par-1)
  --out <dir>        Directory to write the project to (default: ./<project>)
  --project <name>   Pulumi project name (default: the load balancer's name, sanitized)
  --profile <name>   Scaleway CLI config profile (default: SCW_PROFILE, else the active profile)
  --force            Overwrite files that already exist in the output directory
  --import-file <f>  Instead of a project, write Pulumi's import file for the native door
                     (provider plugin pulumi-resource-scaleway-lb): pulumi import -f <f>
  -h, --help         Show this help

Credentials: SCW_SECRET_KEY (SCW_API_URL for another endpoint), else the Scaleway CLI config file
(~/.config/scw/config.yaml). The secret key is never printed.
`;

export function parseImportArgs(argv: readonly string[]): ParsedImportArgs {
  let values: ReturnType<typeof parse>["values"];
  try {
    values = parse(argv).values;
  } catch (error) {
    // node:util's messages name the offending option; keep them, minus the internal hints.
    throw new UsageError(
      error instanceof Error ? (error.message.split(". To specify")[0] ?? error.message) : String(error),
    );
  }
  if (values.help) return { help: true };

  const lb = values.lb;
  if (lb === undefined || lb.trim() === "")
    throw new UsageError("--lb is required: the load balancer's UUID or <zone>/<uuid>");
  const zoneOption = values.zone?.trim();
  if (zoneOption !== undefined && !isZone(zoneOption)) {
    throw new UsageError(
      `--zone ${JSON.stringify(zoneOption)} is not a zone: expected one of ${ZONES.join(", ")}`,
    );
  }
  const text = lb.trim();
  const lbZone = text.includes("/") ? text.slice(0, text.indexOf("/")) : undefined;
  const parsed = parseZonedId(text, zoneOption ?? "fr-par-1");
  if (!parsed) {
    throw new UsageError(
      `--lb ${JSON.stringify(text)} is not a load balancer id: expected a UUID or <zone>/<uuid> (zone one of ${ZONES.join(", ")})`,
    );
  }
  if (lbZone !== undefined && zoneOption !== undefined && lbZone !== zoneOption) {
    throw new UsageError(`--lb is in zone ${lbZone} but --zone says ${zoneOption}: give one zone`);
  }
  const project = values.project?.trim();
  if (project !== undefined && !isValidProjectName(project)) {
    throw new UsageError(
      `--project ${JSON.stringify(project)} is not a valid project name: letters, digits, "-", "_" and "." (at most 100, starting with a letter or digit)`,
    );
  }
  const out = values.out?.trim();
  if (out === "") throw new UsageError("--out needs a directory");
  const importFile = values["import-file"]?.trim();
  if (importFile === "") throw new UsageError("--import-file needs a file name");
  return {
    help: false,
    options: {
      lbId: parsed.id,
      zone: lbZone ?? zoneOption,
      out,
      project,
      profile: values.profile?.trim() || undefined,
      force: values.force === true,
      importFile,
    },
  };
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    allowPositionals: false,
    strict: true,
    options: {
      lb: { type: "string" },
      zone: { type: "string" },
      out: { type: "string" },
      project: { type: "string" },
      profile: { type: "string" },
      force: { type: "boolean" },
      "import-file": { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
}
