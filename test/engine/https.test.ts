/**
 * examples/https through the Pulumi engine: certificates (issued and uploaded), a host route,
 * ACLs; the exact calls of a route change and of a certificate replacement; convergence under
 * injected rate limiting and server errors.
 */
import { selfSignedChain } from "../../scripts/examples/self-signed";
import { type EmulatorHarness, startHarness } from "../support/emulator-harness";
import { TEST_SECRET_KEY } from "../support/runtime-harness";
import { type EngineStack, exampleStack, mutating } from "./support/engine";

const MINUTE = 60_000;
const anyId = (calls: string[]) => calls.map((c) => c.replace(/[0-9a-f-]{36}/g, "{id}"));

describe("examples/https through the Pulumi engine", () => {
  let emulator: EmulatorHarness;
  let engine: EngineStack;
  let ids: Record<string, string>;

  beforeAll(async () => {
    emulator = await startHarness();
    engine = await exampleStack("https", emulator);
    await engine.stack.setConfig("certificateChain", {
      value: selfSignedChain("uploaded.acme-corp.fr"),
      secret: true,
    });
  }, MINUTE);
  afterAll(async () => {
    await emulator.close();
    engine.cleanup();
  });

  it(
    "comes up: 12 resources, both certificates ready",
    async () => {
      const preview = await engine.stack.preview();
      expect(preview.changeSummary).toEqual({ create: 12 });
      const up = await engine.stack.up();
      expect(up.summary.result).toBe("succeeded");
      expect(up.outputs.certificateStatus?.value).toBe("ready");
      ids = await engine.ids();
    },
    3 * MINUTE,
  );

  it(
    "previews no change afterwards, with no mutating call",
    async () => {
      const { result, calls } = await engine.calls(() => engine.stack.preview());
      expect(result.changeSummary).toEqual({ same: 12 });
      expect(mutating(calls)).toEqual([]);
    },
    2 * MINUTE,
  );

  it(
    "keeps the uploaded chain (and its private key) encrypted in the stored state",
    async () => {
      const stored = engine.storedState();
      expect(stored).toContain('"customCertificate"');
      expect(stored).toContain("ciphertext");
      // Checked without printing the state: it is large and should stay out of test output.
      expect(stored.includes("PRIVATE KEY")).toBe(false);
      expect(stored.includes("BEGIN CERTIFICATE")).toBe(false);
      expect(stored.includes(TEST_SECRET_KEY)).toBe(false);
    },
    MINUTE,
  );

  it(
    "a route's new host is one route PUT",
    async () => {
      await engine.stack.setConfig("apiHost", { value: "api2.acme-corp.fr" });
      const { calls } = await engine.calls(() => engine.stack.up());
      expect(mutating(calls)).toEqual([`PUT /routes/${ids["api-by-host"]}`]);
    },
    2 * MINUTE,
  );

  it(
    "new certificate domains replace the certificate: create, re-point the frontend, delete the old",
    async () => {
      await engine.stack.setConfig("alternativeNames", {
        value: JSON.stringify(["www.shop.acme-corp.fr", "m.shop.acme-corp.fr"]),
      });
      const { result, calls } = await engine.calls(() => engine.stack.up());
      expect(result.summary.resourceChanges).toEqual({ same: 10, replace: 1, update: 1 });
      expect(anyId(mutating(calls))).toEqual([
        "POST /lbs/{id}/certificates",
        `PUT /frontends/{id}`,
        "DELETE /certificates/{id}",
      ]);
      expect(mutating(calls)[1]).toBe(`PUT /frontends/${ids.https}`);
      expect(mutating(calls)[2]).toBe(`DELETE /certificates/${ids.site}`);
      expect((await engine.stack.preview()).changeSummary).toEqual({ same: 12 });
    },
    3 * MINUTE,
  );

  it(
    "destroys everything",
    async () => {
      await engine.stack.destroy();
      expect(Object.values(await emulator.state()).flat()).toEqual([]);
    },
    2 * MINUTE,
  );

  it(
    "converges with 20% of answers injected as 429 and 503, and creates nothing twice",
    async () => {
      await emulator.configure({
        seed: 7,
        faults: [
          { kind: "429", rate: 0.1, retryAfterSeconds: 0 },
          { kind: "503", rate: 0.1 },
        ],
      });
      const { result, calls } = await engine.calls(() => engine.stack.up());
      expect(result.summary.result).toBe("succeeded");
      expect(calls.length).toBeGreaterThan(12);
      await emulator.configure({ faults: [] });
      const state = await emulator.state();
      expect({
        lbs: state.lbs?.length,
        backends: state.backends?.length,
        frontends: state.frontends?.length,
        certificates: state.certificates?.length,
        routes: state.routes?.length,
        acls: state.acls?.length,
      }).toEqual({ lbs: 1, backends: 2, frontends: 2, certificates: 2, routes: 1, acls: 3 });
      expect((await engine.stack.preview()).changeSummary).toEqual({ same: 12 });
      await engine.stack.destroy();
      expect(Object.values(await emulator.state()).flat()).toEqual([]);
    },
    4 * MINUTE,
  );
});
