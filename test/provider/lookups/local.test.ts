/**
 * Lookups run in the program's process: configuration comes from the stack config, then SCW_*
 * variables, then the Scaleway CLI config file (as the provider runtime reads it); without a
 * secret key they fail saying which settings to provide. The SDK's `getX` runs the same way.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { getLoadBalancers as sdkGetLoadBalancers } from "../../../index";
import { isLookupError } from "../../../provider/lookups/errors";
import { runLookupLocally } from "../../../provider/lookups/local";
import { type EmulatorHarness, startHarness } from "../../support/emulator-harness";
import { configureRuntime, create, TEST_PROJECT, TEST_SECRET_KEY } from "../../support/runtime-harness";
import { OTHER_PROJECT } from "./support";

describe("lookups in the program's process", () => {
  let emulator: EmulatorHarness;
  let home: string;
  const saved = { ...process.env };

  beforeAll(async () => {
    emulator = await startHarness();
    await configureRuntime(emulator.url);
    await create("LoadBalancer", { name: "edge" });
    await create("LoadBalancer", { name: "edge", projectId: OTHER_PROJECT, zone: "fr-par-2" });
    // An empty home: no CLI config file is found.
    home = mkdtempSync(join(tmpdir(), "pslb-lookup-home-"));
  });
  afterAll(async () => {
    await emulator.close();
    rmSync(home, { recursive: true, force: true });
  });
  afterEach(() => {
    process.env = { ...saved };
  });

  const env = (extra: Record<string, string>) => ({
    HOME: home,
    SCW_CONFIG_PATH: join(home, "none.yaml"),
    ...extra,
  });

  it("without a secret key: a configuration error saying which settings to provide, and no call", async () => {
    const before = (await emulator.log()).length;
    const error = await runLookupLocally(
      "getLoadBalancer",
      { name: "edge" },
      { env: env({ SCW_API_URL: emulator.url }) },
    ).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(isLookupError(error) && error.kind).toBe("configuration");
    const message = error instanceof Error ? error.message : "";
    expect(message).toContain("getLoadBalancer: needs Scaleway credentials");
    expect(message).toContain("scaleway:secretKey");
    expect(message).toContain("SCW_SECRET_KEY");
    expect(message).toContain("~/.config/scw/config.yaml");
    expect((await emulator.log()).length).toBe(before);
  });

  it("stack config wins over SCW_* variables for zone and project, as in the provider", async () => {
    const stack: Record<string, string> = {
      "scaleway:secretKey": TEST_SECRET_KEY,
      "scaleway:apiUrl": emulator.url,
      "scaleway:zone": "fr-par-2",
      "scaleway:projectId": OTHER_PROJECT,
    };
    const found = await runLookupLocally(
      "getLoadBalancer",
      { name: "edge" },
      {
        stackConfig: (key) => stack[key],
        env: env({ SCW_DEFAULT_ZONE: "fr-par-1", SCW_DEFAULT_PROJECT_ID: TEST_PROJECT }),
      },
    );
    expect(found).toMatchObject({ zone: "fr-par-2", projectId: OTHER_PROJECT });
  });

  it("SCW_* variables alone are enough; zone and project default from them", async () => {
    const found = await runLookupLocally(
      "getLoadBalancers",
      {},
      {
        env: env({
          SCW_SECRET_KEY: TEST_SECRET_KEY,
          SCW_API_URL: emulator.url,
          SCW_DEFAULT_PROJECT_ID: TEST_PROJECT,
        }),
      },
    );
    expect(found).toMatchObject({ zone: "fr-par-1", projectId: TEST_PROJECT });
    expect(Array.isArray(found.lbs) && found.lbs.length).toBe(1);
  });

  it("the SDK's getLoadBalancers (a Promise) reads the process environment", async () => {
    Object.assign(
      process.env,
      env({ SCW_SECRET_KEY: TEST_SECRET_KEY, SCW_API_URL: emulator.url, SCW_DEFAULT_ZONE: "fr-par-2" }),
    );
    delete process.env.SCW_DEFAULT_PROJECT_ID;
    const found = await sdkGetLoadBalancers({ name: "edge" });
    expect(found.zone).toBe("fr-par-2");
    expect(found.lbs.map((lb) => lb.projectId)).toEqual([OTHER_PROJECT]);
    expect(found.lbs[0]?.id).toMatch(/^fr-par-2\//);
  });
});
