/**
 * A refused key (401) says where the key came from — stack config, environment variable, or the
 * Scaleway CLI config file with its path and profile — and what to check; no part of the key shows.
 */
import { createLbClient, isScalewayError, resolveConfig } from "../../provider/client";
import type { ConfigInput } from "../../provider/client/config";
import { type EmulatorHarness, startHarness } from "../support/emulator-harness";

const HOME = "/home/tester";
const FILE = "/home/tester/.config/scw/config.yaml";
const KEY = "6d1f0a9e-7c3b-4e52-9a18-2b4c6d8e0f13";
const PROJECT = "11111111-2222-4333-8444-555555555555";
const HEAD =
  "listLbs: GET /lb/v1/zones/fr-par-1/lbs -> 401 denied_authentication: authentication is denied [reason not_found]";
const CHECK_KEY = "the key is not revoked, expired or mistyped (Scaleway console: IAM > API keys)";

let emulator: EmulatorHarness;
beforeAll(async () => {
  emulator = await startHarness();
  await emulator.configure({ acceptedSecretKeys: ["a-different-key"] });
});
afterAll(async () => emulator.close());

/** The message of the 401 a client built from this configuration gets. */
async function refused(input: ConfigInput): Promise<string> {
  const api = createLbClient({ config: resolveConfig({ homeDir: HOME, ...input }), logger: null });
  try {
    await api.listLbs();
  } catch (error) {
    if (isScalewayError(error) && error.kind === "authentication") return error.message;
    throw error;
  } finally {
    await api.close();
  }
  throw new Error("the emulator accepted the key");
}

const noFile = () => undefined;

describe("a 401 names the source of the secret key and what to check", () => {
  it("from the stack config", async () => {
    const stack: Record<string, string> = {
      "scaleway:secretKey": KEY,
      "scaleway:projectId": PROJECT,
      "scaleway:apiUrl": emulator.url,
    };
    const message = await refused({ stackConfig: (k) => stack[k], env: {}, readFile: noFile });
    expect(message).toBe(
      `${HEAD}\nThe secret key was taken from the stack config scaleway:secretKey. It wins over SCW_SECRET_KEY and the Scaleway CLI config file (${FILE}). Check that ${CHECK_KEY}, that the key's organization owns project ${PROJECT} (from the stack config scaleway:projectId).`,
    );
  });

  it("from the environment, with an access key", async () => {
    const env = {
      SCW_SECRET_KEY: KEY,
      SCW_ACCESS_KEY: "SCWABCDEFGHIJKLMNOPQ",
      SCW_API_URL: emulator.url,
    };
    const message = await refused({ env, readFile: noFile });
    expect(message).toBe(
      `${HEAD}\nThe secret key was taken from the SCW_SECRET_KEY environment variable. It wins over the Scaleway CLI config file (${FILE}). Check that ${CHECK_KEY}, that the access key from the SCW_ACCESS_KEY environment variable is the one paired with this secret key.`,
    );
  });

  it("from a profile of the Scaleway CLI config file", async () => {
    const text = `active_profile: staging\nprofiles:\n  staging:\n    secret_key: ${KEY}\n    default_project_id: ${PROJECT}\n    api_url: ${emulator.url}\n`;
    const message = await refused({ env: {}, readFile: (path) => (path === FILE ? text : undefined) });
    expect(message).toBe(
      `${HEAD}\nThe secret key was taken from secret_key in the Scaleway CLI config file ${FILE} (profile "staging"). Check that ${CHECK_KEY}, that profile "staging" is the one you meant (choose another with SCW_PROFILE or active_profile), that the key's organization owns project ${PROJECT} (from default_project_id in the Scaleway CLI config file ${FILE} (profile "staging")).`,
    );
    expect(message).not.toContain(KEY);
    expect(message).not.toContain(KEY.slice(0, 8));
  });

  it("from the top level of the Scaleway CLI config file", async () => {
    const text = `secret_key: ${KEY}\napi_url: ${emulator.url}\n`;
    const message = await refused({ env: {}, readFile: (path) => (path === FILE ? text : undefined) });
    expect(message).toContain(
      `The secret key was taken from secret_key in the Scaleway CLI config file ${FILE} (no profile). Check that ${CHECK_KEY}, that the file's top-level keys are the ones you meant (choose a profile with SCW_PROFILE or active_profile).`,
    );
  });

  it("from a client given only a key, the generic checks", async () => {
    const api = createLbClient({ config: { secretKey: KEY, apiUrl: emulator.url }, logger: null });
    const error = await api.listLbs().then(
      () => undefined,
      (e: unknown) => e,
    );
    await api.close();
    expect(error instanceof Error && error.message).toBe(
      `${HEAD}\nCheck that ${CHECK_KEY}, and that it is the secret key of the API key meant for this project.`,
    );
  });
});
