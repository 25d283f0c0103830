/** The command line as a user meets it: dispatch, help, usage errors and their exit codes. */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { main } from "../../cli";
import { captureIo } from "./support/io";

const run = async (argv: string[]) => {
  const captured = captureIo({}, __dirname);
  const code = await main(argv, captured.io);
  return { code, stdout: captured.stdout(), stderr: captured.stderr() };
};

describe("scaleway-lb", () => {
  it("--help lists the commands, exit 0", async () => {
    const { code, stdout } = await run(["--help"]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/Usage: scaleway-lb <command>[\s\S]*import/);
  });

  it("without a command prints the usage, exit 2", async () => {
    const { code, stderr } = await run([]);
    expect(code).toBe(2);
    expect(stderr).toContain("Usage: scaleway-lb <command>");
  });

  it("an unknown command is a usage error, exit 2", async () => {
    const { code, stderr } = await run(["export"]);
    expect(code).toBe(2);
    expect(stderr).toContain('unknown command "export"');
  });

  it("import --help (and help import) describe the import, exit 0", async () => {
    for (const argv of [
      ["import", "--help"],
      ["help", "import"],
    ]) {
      const { code, stdout } = await run(argv);
      expect(code).toBe(0);
      expect(stdout).toMatch(
        /Usage: scaleway-lb import --lb <id> \[--zone <zone>\] \[--out <dir>\] \[--project <name>\]/,
      );
      expect(stdout).toContain("SCW_SECRET_KEY");
    }
  });

  it("import with bad arguments says what is wrong, prints the usage, exit 2", async () => {
    const { code, stderr } = await run(["import", "--lb", "nope"]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^error: --lb "nope" is not a load balancer id[\s\S]*Usage: scaleway-lb import/);
  });
});

describe("the scaleway-lb bin (dist/cli/index.js, after npm run build)", () => {
  const bin = join(__dirname, "..", "..", "dist", "cli", "index.js");
  const built = existsSync(bin);

  (built ? it : it.skip)("is a node script", () => {
    expect(readFileSync(bin, "utf8").split("\n")[0]).toBe("#!/usr/bin/env node");
  });

  (built ? it : it.skip)("exits 0 on --help and 2 on a usage error", () => {
    expect(execFileSync(process.execPath, [bin, "import", "--help"], { encoding: "utf8" })).toContain(
      "Usage: scaleway-lb import",
    );
    const bad = spawnSync(process.execPath, [bin, "import", "--zone", "moon-1", "--lb", "x"], {
      encoding: "utf8",
    });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--zone "moon-1" is not a zone');
  });
});
