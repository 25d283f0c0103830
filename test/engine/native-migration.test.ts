/**
 * Moving a stack from the dynamic door to the native door without touching cloud objects, as the
 * README's steps say: forget the dynamic resources (`pulumi state delete`), declare them with the
 * native classes and the `import` option, `pulumi up` (imports, no API write), drop the option,
 * and the next preview is empty. The plugin is found on PATH here (no `plugins` in Pulumi.yaml).
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { main } from "../../cli";
import { captureIo } from "../cli/support/io";
import { type EmulatorHarness, startHarness } from "../support/emulator-harness";
import { MUTATING } from "./support/engine";
import { type NativeProject, nativeProject } from "./support/native-project";

const VERSION: string = require("../../package.json").version;
const mutating = (calls: readonly string[]) => calls.filter((c) => MUTATING.test(c));

/** The same three resources through either door; `ids` adds the `import` option. */
function program(door: "scw" | "native", ids?: Record<string, string>): string {
  const opts = (name: string) => (ids ? `, { import: ${JSON.stringify(ids[name])} }` : "");
  return [
    door === "scw" ? `const scw = require("pulumi-scaleway-lb");` : "const scw = native;",
    `const ip = new scw.Ip("ip", { tags: ["edge"] }${opts("ip")});`,
    `const lb = new scw.LoadBalancer("web", { ipIds: [ip.id] }${opts("web")});`,
    `new scw.Backend("app", { lbId: lb.id, forwardProtocol: "http", forwardPort: 8080, serverIps: ["10.0.0.1", "10.0.0.2"] }${opts("app")});`,
  ].join("\n");
}

describe("moving a stack from the dynamic door to the native door", () => {
  let emulator: EmulatorHarness;
  let project: NativeProject;

  const callsDuring = async <T>(operation: () => Promise<T>): Promise<{ result: T; calls: string[] }> => {
    const before = (await emulator.log()).length;
    const result = await operation();
    return { result, calls: (await emulator.calls()).slice(before) };
  };

  beforeAll(async () => {
    emulator = await startHarness();
    project = await nativeProject(emulator.url, "migrate", {}, "path");
  }, 60_000);

  afterAll(async () => {
    project?.cleanup();
    await emulator.close();
  }, 60_000);

  it("adopts every object through the plugin with no API write, and then previews clean", async () => {
    project.program(program("scw"));
    await project.stack.up();
    const dynamic = (await project.resources()).filter((r) =>
      r.type.startsWith("pulumi-nodejs:dynamic/scaleway-lb:"),
    );
    expect(dynamic.map((r) => r.type).sort()).toEqual([
      "pulumi-nodejs:dynamic/scaleway-lb:Backend",
      "pulumi-nodejs:dynamic/scaleway-lb:Ip",
      "pulumi-nodejs:dynamic/scaleway-lb:LoadBalancer",
    ]);
    const ids = Object.fromEntries(
      dynamic.map((r) => [r.urn.slice(r.urn.lastIndexOf("::") + 2), r.id ?? ""]),
    );

    // 1. Forget the dynamic resources (state only).
    const forget = await callsDuring(() =>
      project.cli(["state", "delete", ...dynamic.map((r) => r.urn), "--yes"]),
    );
    expect(forget.calls).toEqual([]);
    // 2. Declare them with the native classes and the `import` option, and run up.
    project.program(program("native", ids));
    const adopt = await callsDuring(() => project.stack.up());
    expect(adopt.result.summary.resourceChanges).toMatchObject({ import: 3 });
    expect(mutating(adopt.calls)).toEqual([]);
    const native = (await project.resources()).filter((r) => r.type.startsWith("scaleway-lb:index:"));
    expect(Object.fromEntries(native.map((r) => [r.urn.slice(r.urn.lastIndexOf("::") + 2), r.id]))).toEqual(
      ids,
    );
    // 3. Drop the `import` option: nothing left to do.
    project.program(program("native"));
    const preview = await callsDuring(() => project.stack.preview());
    expect(preview.result.changeSummary).toEqual({ same: 4 });
    expect(mutating(preview.calls)).toEqual([]);

    const destroy = await project.stack.destroy();
    // The three objects and the stack: the native door owns the objects now.
    expect(destroy.summary.resourceChanges).toMatchObject({ delete: 4 });
    const state = await emulator.state();
    expect([state.lbs.length, state.ips.length, state.backends.length]).toEqual([0, 0, 0]);
  }, 600_000);
});

describe("scaleway-lb install-plugin", () => {
  let emulator: EmulatorHarness;
  let project: NativeProject;

  beforeAll(async () => {
    emulator = await startHarness();
    project = await nativeProject(emulator.url, "cached", {}, "cache");
  }, 60_000);

  afterAll(async () => {
    project?.cleanup();
    await emulator.close();
  }, 60_000);

  it("installs the plugin into Pulumi's plugin cache, where the engine finds it offline", async () => {
    project.program(`new native.Ip("ip", { tags: ["cached"] });`);
    // Neither Pulumi.yaml nor PATH names the plugin: without the cache, the engine cannot start it.
    await expect(project.stack.preview()).rejects.toThrow(/scaleway-lb/);

    const run = captureIo({ ...process.env, ...project.env } as Record<string, string>, project.dir);
    expect(await main(["install-plugin"], run.io)).toBe(0);
    expect(run.stdout()).toBe(
      `Installed the scaleway-lb provider plugin v${VERSION} into Pulumi's plugin cache.\n`,
    );
    const installed = join(project.env.PULUMI_HOME ?? "", "plugins", `resource-scaleway-lb-v${VERSION}`);
    expect(readdirSync(installed)).toEqual(["pulumi-resource-scaleway-lb"]);

    const up = await project.stack.up();
    expect(up.summary.resourceChanges).toMatchObject({ create: 2 });
    expect((await emulator.state()).ips).toHaveLength(1);
    await project.stack.destroy();
  }, 600_000);
});
