/**
 * importId: create adopts an existing object — reading it, writing nothing — and refuses, listing
 * every differing property, when the declared arguments do not match it.
 */
import { type EmulatorHarness, startHarness } from "../../support/emulator-harness";
import { configureRuntime, create } from "../../support/runtime-harness";

let emulator: EmulatorHarness;
let lbId: string;
let backendId: string;

beforeAll(async () => {
  emulator = await startHarness();
  await configureRuntime(emulator.url);
  lbId = (await create("LoadBalancer", { __resourceName: "edge", name: "edge" })).id;
  backendId = (
    await create("Backend", { lbId, name: "app", forwardPort: 8080, serverIps: ["10.0.0.1", "10.0.0.2"] })
  ).id;
});
afterAll(async () => emulator.close());

describe("adopting with importId", () => {
  it("takes over a matching object with one read and no write", async () => {
    const before = (await emulator.log()).length;
    const adopted = await create("Backend", {
      lbId,
      importId: backendId,
      name: "app",
      forwardPort: 8080,
      serverIps: ["10.0.0.2", "10.0.0.1"],
    });
    expect(adopted.id).toBe(backendId);
    expect(adopted.outputs.serverIps).toEqual(["10.0.0.1", "10.0.0.2"]);
    expect((await emulator.calls()).slice(before)).toEqual([`GET /backends/${backendId.split("/")[1]}`]);
  });

  it("refuses an object that differs, listing each difference, and writes nothing", async () => {
    const before = (await emulator.log()).length;
    const attempt = create("Backend", {
      lbId,
      importId: backendId,
      name: "app",
      forwardPort: 9090,
      forwardPortAlgorithm: "leastconn",
      serverIps: ["10.0.0.1"],
    });
    await expect(attempt).rejects.toThrow(
      /cannot adopt fr-par-1\/[0-9a-f-]{36}: it differs from the declared arguments/,
    );
    await expect(attempt).rejects.toThrow(/forwardPort: declared 9090, found 8080/);
    await expect(attempt).rejects.toThrow(/forwardPortAlgorithm: declared "leastconn", found "roundrobin"/);
    await expect(attempt).rejects.toThrow(
      /serverIps: declared \["10.0.0.1"\], found \["10.0.0.1","10.0.0.2"\]/,
    );
    // The health check follows the forward port, so it differs too.
    await expect(attempt).rejects.toThrow(/healthCheck: declared/);
    expect((await emulator.calls()).slice(before).filter((c) => !c.startsWith("GET "))).toEqual([]);
  });

  it("says so when the object does not exist", async () => {
    await expect(
      create("Backend", { lbId, importId: "fr-par-1/00000000-0000-4000-8000-000000000099", forwardPort: 80 }),
    ).rejects.toThrow(/importId fr-par-1\/00000000-0000-4000-8000-000000000099 names no existing object/);
  });
});
