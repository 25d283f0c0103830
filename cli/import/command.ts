/** `scaleway-lb import`: command line in, exit code out. */
import { type CliIo, EXIT_USAGE, UsageError } from "../io";
import { IMPORT_USAGE, parseImportArgs } from "./options";
import { runImport } from "./run-import";

export async function importCommand(argv: readonly string[], io: CliIo): Promise<number> {
  let parsed: ReturnType<typeof parseImportArgs>;
  try {
    parsed = parseImportArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr(`error: ${error.message}\n\n${IMPORT_USAGE}`);
    return EXIT_USAGE;
  }
  if (parsed.help) {
    io.stdout(IMPORT_USAGE);
    return 0;
  }
  return (await runImport(parsed.options, io)).exitCode;
}
