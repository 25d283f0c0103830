/**
 * Upgrade safety: a stack made with one build of the package, then the package replaced by a build
 * whose provider implementation differs. The serialized shim in state is byte-identical, so
 * preview shows no change — and refresh and delete run the NEW implementation, not frozen code.
 */
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { copyExample } from "../../scripts/examples/copy";
import { type EmulatorHarness, startHarness } from "../support/emulator-harness";
import { type EngineStack, engineStack, REPO, WORK } from "./support/engine";

const MINUTE = 60_000;

describe("upgrading the package under an existing stack", () => {
  let emulator: EmulatorHarness;
  let engine: EngineStack;
  let work: string;
  let marker: string;
  const providersInState = async () => {
    const deployment = (await engine.stack.exportStack()).deployment as {
      resources: { outputs?: { __provider?: string } }[];
    };
    return deployment.resources.map((r) => r.outputs?.__provider).filter((p) => p !== undefined);
  };

  beforeAll(async () => {
    emulator = await startHarness();
    work = mkdtempSync(join(WORK, "upgrade-"));
    // "Release 1": a copy of the built package, installed into the program's node_modules.
    const pkg = join(work, "pkg");
    mkdirSync(pkg);
    cpSync(join(REPO, "dist"), join(pkg, "dist"), { recursive: true });
    cpSync(join(REPO, "package.json"), join(pkg, "package.json"));
    const program = copyExample(join(REPO, "examples"), "basic-http", join(work, "program"));
    mkdirSync(join(program, "node_modules"));
    symlinkSync(pkg, join(program, "node_modules", "pulumi-scaleway-lb"));
    marker = join(work, "runtime-used.txt");
    engine = await engineStack(program, emulator, "upgrade", { PSLB_TEST_RUNTIME_MARKER: marker });
  }, MINUTE);
  afterAll(async () => {
    await emulator.close();
    engine.cleanup();
    rmSync(work, { recursive: true, force: true });
  });

  it(
    "previews no change after the provider implementation changed, and runs the new one",
    async () => {
      expect((await engine.stack.up()).summary.result).toBe("succeeded");
      const before = await providersInState();

      // "Release 2": same public subpath, different implementation (it also leaves a mark when loaded).
      const runtime = join(work, "pkg", "dist", "provider", "runtime.js");
      writeFileSync(
        runtime,
        `${readFileSync(runtime, "utf8")}\n// release 2\nrequire("node:fs").appendFileSync(process.env.PSLB_TEST_RUNTIME_MARKER, "release 2\\n");\n`,
      );
      const manifest = JSON.parse(readFileSync(join(work, "pkg", "package.json"), "utf8")) as Record<
        string,
        unknown
      >;
      writeFileSync(join(work, "pkg", "package.json"), JSON.stringify({ ...manifest, version: "0.2.0" }));

      const preview = await engine.stack.preview();
      expect(preview.changeSummary).toEqual({ same: 5 });
      const refresh = await engine.stack.refresh();
      expect(refresh.summary.resourceChanges).toEqual({ same: 5 });
      expect((await engine.stack.up()).summary.resourceChanges).toEqual({ same: 5 });
      expect(await providersInState()).toEqual(before);
      expect(existsSync(marker) && readFileSync(marker, "utf8")).toContain("release 2");

      await engine.stack.destroy();
      expect(Object.values(await emulator.state()).flat()).toEqual([]);
    },
    4 * MINUTE,
  );
});
