/**
 * The runtime's client: made on the first API call (a preview loads no HTTP client), and kept
 * while the engine configures one kind after another with the same configuration, so that every
 * kind of the process shares one connection pool and one rate limiter.
 */
import { type EmulatorHarness, startHarness } from "../support/emulator-harness";
import { TEST_PROJECT, TEST_SECRET_KEY } from "../support/runtime-harness";

const made: string[] = [];
jest.mock("../../provider/client/client", () => {
  const actual = jest.requireActual("../../provider/client/client");
  return {
    ...actual,
    createLbClient: (options: { config: { apiUrl?: string } }) => {
      made.push(options.config.apiUrl ?? "");
      return actual.createLbClient(options);
    },
  };
});

import * as runtime from "../../provider/runtime";

let emulator: EmulatorHarness;
beforeAll(async () => {
  emulator = await startHarness();
});
afterAll(async () => {
  runtime.reset();
  await emulator.close();
});
beforeEach(() => {
  runtime.reset();
  made.length = 0;
});

const config = (extra: Record<string, string> = {}) => {
  const values: Record<string, string> = {
    "scaleway:apiUrl": emulator.url,
    "scaleway:secretKey": TEST_SECRET_KEY,
    "scaleway:projectId": TEST_PROJECT,
    ...extra,
  };
  return { config: { get: (key: string) => values[key] } };
};

const MISSING = "fr-par-1/11111111-2222-4333-8444-000000000000";

it("check and diff make no client; the first API call does", async () => {
  await runtime.configure(config());
  const checked = await runtime.provider("Ip").check({}, { __resourceName: "ip" });
  await runtime.provider("Ip").diff(MISSING, checked.inputs, checked.inputs);
  expect(made).toEqual([]);
  await runtime.provider("Ip").read(MISSING, checked.inputs);
  expect(made).toEqual([emulator.url]);
});

it("one client for every kind configured with the same configuration", async () => {
  await runtime.configure(config());
  await runtime.provider("Ip").read(MISSING, {});
  await runtime.configure(config());
  await runtime.provider("Backend").read(MISSING, {});
  await runtime.configure(config());
  await runtime.provider("LoadBalancer").read(MISSING, {});
  expect(made).toHaveLength(1);
});

it("a new client when the configuration changes", async () => {
  await runtime.configure(config());
  await runtime.provider("Ip").read(MISSING, {});
  await runtime.configure(config({ "scaleway:zone": "nl-ams-1" }));
  await runtime.provider("Ip").read(MISSING, {});
  expect(made).toHaveLength(2);
});
