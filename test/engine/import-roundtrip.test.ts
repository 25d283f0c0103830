/**
 * The import round trip through the real engine: a tree made through the API, a project written by
 * `scaleway-lb import`, `pulumi up` adopting every object without one API write, an empty preview,
 * then a destroy that deletes everything.
 */
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { join } from "node:path";
import { LocalWorkspace, type Stack } from "@pulumi/pulumi/automation";
import { main } from "../../cli";
import { captureIo } from "../cli/support/io";
import { createShop, LEGACY_CHAIN, type ShopIds } from "../cli/support/shop";
import { type EmulatorHarness, startHarness } from "../support/emulator-harness";
import { offlinePulumiEnv } from "../support/pulumi-env";
import { configureRuntime, TEST_PROJECT, TEST_SECRET_KEY } from "../support/runtime-harness";

const MUTATING = /^(POST|PUT|PATCH|DELETE) /;
const OBJECTS = 12;
/** Inside the repository (git-ignored), so the program resolves the package from its node_modules. */
const WORK = join(__dirname, ".work");

describe("scaleway-lb import, then the Pulumi engine adopts the tree", () => {
  const env = offlinePulumiEnv("pslb-import-");
  let emulator: EmulatorHarness;
  let shop: ShopIds;
  let work: string;
  let stack: Stack;

  const callsDuring = async <T>(operation: () => Promise<T>): Promise<{ result: T; calls: string[] }> => {
    const before = (await emulator.log()).length;
    const result = await operation();
    return { result, calls: (await emulator.calls()).slice(before) };
  };

  beforeAll(async () => {
    emulator = await startHarness();
    await configureRuntime(emulator.url);
    shop = await createShop(await emulator.createPrivateNetwork(), "import-existing");
    mkdirSync(WORK, { recursive: true });
    work = mkdtempSync(join(WORK, "import-"));
  }, 60_000);

  afterAll(async () => {
    await emulator.close();
    env.cleanup();
    rmSync(work, { recursive: true, force: true });
  });

  it("writes the project with the import command (reads only)", async () => {
    const run = captureIo({ SCW_API_URL: emulator.url, SCW_SECRET_KEY: TEST_SECRET_KEY }, work);
    const { result, calls } = await callsDuring(() => main(["import", "--lb", shop.lb], run.io));
    expect({ code: result, stderr: run.stderr() }).toEqual({
      code: 0,
      stderr: expect.not.stringContaining("error"),
    });
    expect(calls.filter((c) => MUTATING.test(c))).toEqual([]);

    stack = await LocalWorkspace.createOrSelectStack(
      { stackName: "adopt", workDir: join(work, "import-existing") },
      { envVars: { ...env.envVars, SCW_LB_RATE_LIMIT: "1000" } },
    );
    await stack.setAllConfig({
      "scaleway:apiUrl": { value: emulator.url },
      "scaleway:secretKey": { value: TEST_SECRET_KEY, secret: true },
      "scaleway:projectId": { value: TEST_PROJECT },
      // What the README says to run for the custom certificate's chain.
      legacyCertificateChain: { value: LEGACY_CHAIN, secret: true },
    });
  }, 60_000);

  it("previews one creation per object, calling no API", async () => {
    const { result, calls } = await callsDuring(() => stack.preview());
    expect(result.changeSummary).toEqual({ create: OBJECTS + 1 });
    expect(calls).toEqual([]);
  }, 180_000);

  it("adopts every object on `pulumi up` with zero mutating API calls", async () => {
    const { result, calls } = await callsDuring(() => stack.up());
    expect(result.summary.result).toBe("succeeded");
    expect(calls.filter((c) => MUTATING.test(c))).toEqual([]);
    // Each adoption is one read of the object, plus one IPAM read for the private IPs of the LB and
    // one for those of its attachment.
    expect(calls.length).toBe(OBJECTS + 2);
    expect(calls.filter((c) => c.startsWith("GET /ipam/v1/"))).toHaveLength(2);

    const deployment = await stack.exportStack();
    const resources: { type: string; id?: string; inputs?: { importId?: string } }[] =
      Reflect.get(deployment.deployment, "resources") ?? [];
    const adopted = resources.filter((r) => r.type.startsWith("pulumi-nodejs:dynamic/scaleway-lb:"));
    expect(adopted.map((r) => r.id).sort()).toEqual(Object.values(shop).sort());
    for (const r of adopted) expect(r.inputs?.importId).toBe(r.id);
    expect(result.outputs.loadBalancerId?.value).toBe(shop.lb);
    expect(String(result.outputs.address?.value)).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
  }, 180_000);

  it("then previews no change, with no mutating call", async () => {
    const { result, calls } = await callsDuring(() => stack.preview());
    expect(result.changeSummary).toEqual({ same: OBJECTS + 1 });
    expect(calls.filter((c) => MUTATING.test(c))).toEqual([]);
  }, 180_000);

  it("destroys every adopted object", async () => {
    const destroy = await stack.destroy();
    expect(destroy.summary.result).toBe("succeeded");
    expect(destroy.summary.resourceChanges).toEqual({ delete: OBJECTS + 1 });
    expect(Object.values(await emulator.state()).flat()).toEqual([]);
  }, 180_000);
});
