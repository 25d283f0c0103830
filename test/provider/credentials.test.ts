/**
 * What a resource step says when the secret key is refused or missing: the provider's error names
 * the place the key came from (or the places it may be set), never the key.
 */
import * as runtime from "../../provider/runtime";
import { type EmulatorHarness, startHarness } from "../support/emulator-harness";
import { configureRuntime, create, TEST_SECRET_KEY } from "../support/runtime-harness";

let emulator: EmulatorHarness;
const saved = { ...process.env };
beforeAll(async () => {
  emulator = await startHarness();
  // Nothing from the machine: no key in the environment, no Scaleway CLI config file.
  delete process.env.SCW_SECRET_KEY;
  delete process.env.SCW_PROFILE;
  process.env.SCW_CONFIG_PATH = "/nonexistent/scw/config.yaml";
});
afterAll(async () => {
  process.env = saved;
  runtime.reset();
  await emulator.close();
});

it("a refused key names the stack config it came from and what to check", async () => {
  await emulator.configure({ acceptedSecretKeys: ["a-different-key"] });
  await configureRuntime(emulator.url);
  const error = await create("Ip", { __resourceName: "entry" }).then(
    () => undefined,
    (e: unknown) => e,
  );
  const message = error instanceof Error ? error.message : String(error);
  expect(message).toMatch(/^\w+: [A-Z]+ \/lb\/v1\/zones\/fr-par-1\/ips\S* -> 401 denied_authentication/);
  expect(message).toContain(
    "\nThe secret key was taken from the stack config scaleway:secretKey. It wins over SCW_SECRET_KEY and the Scaleway CLI config file (/nonexistent/scw/config.yaml). Check that the key is not revoked, expired or mistyped",
  );
  expect(message).not.toContain(TEST_SECRET_KEY.slice(0, 8));
});

it("a missing key lists where it may be set, in user words", async () => {
  runtime.reset();
  const values: Record<string, string> = { "scaleway:apiUrl": emulator.url };
  await runtime.configure({ config: { get: (key) => values[key] } });
  const before = (await emulator.log()).length;
  await expect(
    runtime.provider("Ip").create({ __resourceName: "entry", zone: "fr-par-1", projectId: "p" }),
  ).rejects.toThrow(
    "No Scaleway secret key found. Set it in one of these places (the first one set wins):\n  - the stack config: pulumi config set --secret scaleway:secretKey <secret key>\n  - the SCW_SECRET_KEY environment variable\n  - secret_key in the Scaleway CLI config file /nonexistent/scw/config.yaml, which does not exist\nA key is created in the Scaleway console under IAM > API keys.",
  );
  expect((await emulator.log()).length).toBe(before);
});
