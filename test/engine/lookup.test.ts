/** `Resource.get(name, id)`: a read-only lookup through the engine — read, never changed, never deleted. */
import { join } from "node:path";
import { type EmulatorHarness, startHarness } from "../support/emulator-harness";
import { configureRuntime, create } from "../support/runtime-harness";
import { type EngineStack, engineStack, mutating } from "./support/engine";

const MINUTE = 60_000;

describe("get: read-only lookups", () => {
  let emulator: EmulatorHarness;
  let engine: EngineStack;

  beforeAll(async () => {
    emulator = await startHarness();
    await configureRuntime(emulator.url);
    const lb = await create("LoadBalancer", { name: "existing-lb" });
    const backend = await create("Backend", { lbId: lb.id, forwardPort: 80, serverIps: ["10.1.0.1"] });
    const pn = await emulator.createPrivateNetwork();
    const attachment = await create("PrivateNetwork", { lbId: lb.id, privateNetworkId: pn });
    engine = await engineStack(join(__dirname, "fixtures", "lookup"), emulator, "lookup");
    await engine.stack.setConfig("lbId", { value: lb.id });
    await engine.stack.setConfig("backendId", { value: backend.id });
    await engine.stack.setConfig("attachmentId", { value: attachment.id });
  }, MINUTE);
  afterAll(async () => {
    await engine.stack.workspace.removeStack("lookup").catch(() => undefined);
    await emulator.close();
    engine.cleanup();
  });

  it(
    "reads the objects' properties with GETs only, and destroy leaves them alone",
    async () => {
      const { result, calls } = await engine.calls(() => engine.stack.up());
      expect(result.outputs.name?.value).toBe("existing-lb");
      expect(String(result.outputs.address?.value)).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
      expect(result.outputs.servers?.value).toEqual(["10.1.0.1"]);
      // An attachment is looked up by "<zone>/<lb uuid>/<network uuid>"; the LB shows its private IP too.
      expect(result.outputs.attachmentStatus?.value).toBe("ready");
      const ips = result.outputs.attachmentIps?.value;
      expect(ips).toEqual([
        { id: expect.stringMatching(/^fr-par\//), ipAddress: expect.stringMatching(/^172\./) },
      ]);
      expect(result.outputs.lbPrivateIps?.value).toEqual(ips);
      expect(mutating(calls)).toEqual([]);
      const destroy = await engine.calls(() => engine.stack.destroy());
      expect(mutating(destroy.calls)).toEqual([]);
      const state = await emulator.state();
      expect(state.lbs).toHaveLength(1);
      expect(state.backends).toHaveLength(1);
      expect(state.privateNetworks).toHaveLength(1);
    },
    2 * MINUTE,
  );
});
