import { type ImportOptions, parseImportArgs } from "../../cli/import/options";
import { UsageError } from "../../cli/io";

const UUID = "3f2c1a9e-5b7d-4c2e-9a1f-0e8d7c6b5a49";

function options(argv: string[]): ImportOptions {
  const parsed = parseImportArgs(argv);
  if (parsed.help) throw new Error("help");
  return parsed.options;
}

describe("scaleway-lb import options", () => {
  it("takes a bare UUID with --zone", () => {
    expect(options(["--zone", "nl-ams-1", "--lb", UUID])).toEqual({
      lbId: UUID,
      zone: "nl-ams-1",
      out: undefined,
      project: undefined,
      profile: undefined,
      force: false,
    });
  });

  it("takes a zoned id, the zone then coming from it", () => {
    expect(
      options([`--lb=pl-waw-2/${UUID.toUpperCase()}`, "--out", "lb", "--project", "edge", "--force"]),
    ).toMatchObject({
      lbId: UUID,
      zone: "pl-waw-2",
      out: "lb",
      project: "edge",
      force: true,
    });
  });

  it("writes Pulumi's import file for the native door instead of a project with --import-file", () => {
    expect(options(["--lb", UUID, "--import-file", "resources.json"]).importFile).toBe("resources.json");
    expect(options(["--lb", UUID]).importFile).toBeUndefined();
    expect(() => options(["--lb", UUID, "--import-file", " "])).toThrow("--import-file needs a file name");
  });

  it("leaves the zone to configuration when neither --zone nor --lb gives one", () => {
    expect(options(["--lb", UUID]).zone).toBeUndefined();
  });

  it("asks for help", () => {
    expect(parseImportArgs(["--help"])).toEqual({ help: true });
    expect(parseImportArgs(["-h", "--lb", "nonsense"])).toEqual({ help: true });
  });

  it.each([
    [[], /--lb is required/],
    [["--lb", "not-a-uuid"], /--lb "not-a-uuid" is not a load balancer id/],
    [["--lb", `mars-1/${UUID}`], /is not a load balancer id/],
    [["--lb", UUID, "--zone", "fr-par-9"], /--zone "fr-par-9" is not a zone: expected one of fr-par-1/],
    [["--lb", `fr-par-1/${UUID}`, "--zone", "nl-ams-1"], /--lb is in zone fr-par-1 but --zone says nl-ams-1/],
    [["--lb", UUID, "--project", "my project"], /--project "my project" is not a valid project name/],
    [["--lb", UUID, "--colour", "blue"], /Unknown option '--colour'/],
    [["--lb", UUID, "extra"], /Unexpected argument 'extra'/],
    [["--lb"], /--lb/],
  ])("%j is a usage error", (argv, message) => {
    expect(() => parseImportArgs(argv)).toThrow(UsageError);
    expect(() => parseImportArgs(argv)).toThrow(message);
  });
});
