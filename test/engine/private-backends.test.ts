/**
 * examples/private-backends through the real Pulumi engine against the emulator (its VPC and IPAM
 * APIs included): a private LB attached to a private network, with the exact calls of `up`, a
 * no-op preview, a refresh without drift, an attachment detached behind Pulumi's back (refresh
 * drops it, up attaches again with one call), and a destroy that leaves nothing.
 */
import { type EmulatorHarness, startHarness } from "../support/emulator-harness";
import { TEST_SECRET_KEY } from "../support/runtime-harness";
import { type EngineStack, exampleStack, mutating } from "./support/engine";

const MINUTE = 60_000;
const OBJECTS = 5;

describe("examples/private-backends through the Pulumi engine", () => {
  let emulator: EmulatorHarness;
  let engine: EngineStack;
  let pn: string;
  const shape = (calls: readonly string[]) =>
    calls.map((c) => c.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, "{id}").replace(/\?.*$/, ""));

  beforeAll(async () => {
    emulator = await startHarness();
    engine = await exampleStack("private-backends", emulator);
    pn = await emulator.createPrivateNetwork();
    await engine.stack.setConfig("privateNetworkId", { value: `fr-par/${pn}` });
  }, MINUTE);
  afterAll(async () => {
    await emulator.close();
    engine.cleanup();
  });

  it(
    "comes up: a private LB, one attach waited until ready, the backend and frontend after it",
    async () => {
      const { result, calls } = await engine.calls(() => engine.stack.up());
      expect(result.summary.result).toBe("succeeded");
      expect(shape(mutating(calls))).toEqual([
        "POST /lbs",
        "POST /lbs/{id}/attach-private-network",
        "POST /lbs/{id}/backends",
        "POST /lbs/{id}/frontends",
      ]);
      // The attachment's address is read once from IPAM.
      expect(calls.filter((c) => c.startsWith("GET /ipam/v1/"))).toHaveLength(1);
      const lb = (await emulator.state()).lbs[0];
      expect(lb?.ip).toEqual([]);
      expect(result.outputs.attachmentId?.value).toBe(`fr-par-1/${lb?.id}/${pn}`);
      expect(String(result.outputs.privateAddress?.value)).toMatch(/^172\.\d+\.\d+\.2$/);
    },
    2 * MINUTE,
  );

  it(
    "previews no change, and a refresh finds no drift, without a mutating call",
    async () => {
      const { result, calls } = await engine.calls(() => engine.stack.preview());
      expect(result.changeSummary).toEqual({ same: OBJECTS });
      const refresh = await engine.calls(() => engine.stack.refresh());
      expect(refresh.result.summary.resourceChanges).toEqual({ same: OBJECTS });
      expect(mutating([...calls, ...refresh.calls])).toEqual([]);
    },
    3 * MINUTE,
  );

  it(
    "an attachment detached out of band: refresh drops it, up attaches again with one call",
    async () => {
      const lbId = (await emulator.state()).lbs[0]?.id ?? "";
      const detached = await fetch(
        `${emulator.url}/lb/v1/zones/fr-par-1/lbs/${lbId}/detach-private-network`,
        {
          method: "POST",
          headers: { "x-auth-token": TEST_SECRET_KEY, "content-type": "application/json" },
          body: JSON.stringify({ private_network_id: pn }),
        },
      );
      expect(detached.status).toBe(204);
      const refresh = await engine.stack.refresh();
      expect(refresh.summary.resourceChanges).toMatchObject({ delete: 1 });
      expect((await engine.stack.preview()).changeSummary).toEqual({ same: OBJECTS - 1, create: 1 });
      const { result, calls } = await engine.calls(() => engine.stack.up());
      expect(result.summary.resourceChanges).toEqual({ same: OBJECTS - 1, create: 1 });
      expect(shape(mutating(calls))).toEqual(["POST /lbs/{id}/attach-private-network"]);
      expect((await engine.stack.preview()).changeSummary).toEqual({ same: OBJECTS });
    },
    4 * MINUTE,
  );

  it(
    "destroys everything: the attachment is detached first, the emulator holds no LB object afterwards",
    async () => {
      const { result, calls } = await engine.calls(() => engine.stack.destroy());
      expect(result.summary.resourceChanges).toEqual({ delete: OBJECTS });
      const order = shape(mutating(calls));
      expect(order.indexOf("POST /lbs/{id}/detach-private-network")).toBeLessThan(
        order.indexOf("DELETE /lbs/{id}"),
      );
      expect(Object.values(await emulator.state()).flat()).toEqual([]);
      const ips = await fetch(`${emulator.url}/ipam/v1/regions/fr-par/ips?private_network_id=${pn}`, {
        headers: { "x-auth-token": TEST_SECRET_KEY },
      });
      expect(await ips.json()).toEqual({ ips: [], total_count: 0 });
    },
    2 * MINUTE,
  );
});
