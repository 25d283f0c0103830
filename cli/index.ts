#!/usr/bin/env node
/**
 * `scaleway-lb`: the package's command line. Dispatches on the first argument; each command lives
 * in its own folder (import/). Runs `main` when executed, exports it for in-process tests.
 */
import "./node-guard";
import { homedir } from "node:os";
import { importCommand } from "./import/command";
import { type CliIo, EXIT_OK, EXIT_USAGE } from "./io";
import { installPluginCommand } from "./plugin/command";

const USAGE = `Usage: scaleway-lb <command> [options]

Commands:
  import           Write a Pulumi program (or, with --import-file, Pulumi's import file) that adopts
                   an existing load balancer and everything attached to it
  install-plugin   Install the provider plugin (the native door) into Pulumi's plugin cache, offline

Run "scaleway-lb <command> --help" for the options of a command.
`;

const COMMANDS: Readonly<Record<string, (argv: readonly string[], io: CliIo) => Promise<number>>> = {
  import: importCommand,
  "install-plugin": installPluginCommand,
};

export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  if (command === "--help" || command === "-h") {
    io.stdout(USAGE);
    return EXIT_OK;
  }
  if (command === "help") {
    const topic = rest[0] === undefined ? undefined : COMMANDS[rest[0]];
    if (topic) return topic(["--help"], io);
    io.stdout(USAGE);
    return EXIT_OK;
  }
  if (command === undefined) {
    io.stderr(`error: no command given\n\n${USAGE}`);
    return EXIT_USAGE;
  }
  const run = COMMANDS[command];
  if (!run) {
    io.stderr(`error: unknown command ${JSON.stringify(command)}\n\n${USAGE}`);
    return EXIT_USAGE;
  }
  return run(rest, io);
}

function processIo(): CliIo {
  return {
    env: process.env,
    cwd: process.cwd(),
    homeDir: homedir(),
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
  };
}

if (require.main === module) {
  main(process.argv.slice(2), processIo()).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(
        `error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
      );
      process.exitCode = 1;
    },
  );
}
