/**
 * Cause 3 of issue 11: a create that failed or was interrupted after its object was made (the
 * engine never learnt the id) is attempted again by the next `up`, with a fresh check and no
 * olds. The second attempt must find that object — same generated name, same parent — and take
 * it over, instead of creating a second one.
 */
import { forgetMadeThisRun } from "../../../provider/resources/made-this-run";
import * as runtime from "../../../provider/runtime";
import { type EmulatorHarness, startHarness } from "../../support/emulator-harness";
import { configureRuntime, create } from "../../support/runtime-harness";

/** The next `pulumi up` is another provider process: it made none of the objects. */
const nextDeployment = <T>(run: () => Promise<T>): Promise<T> => {
  forgetMadeThisRun();
  return run();
};

let emulator: EmulatorHarness;
beforeAll(async () => {
  emulator = await startHarness();
});
afterAll(async () => {
  await emulator.close();
});
beforeEach(async () => {
  await emulator.reset();
  await configureRuntime(emulator.url);
});

const identity = { __project: "shop", __stack: "prod" };
const lbArgs = { ...identity, __resourceName: "web", type: "LB-S" };

async function callsDuring<T>(action: () => Promise<T>): Promise<{ result: T; calls: string[] }> {
  const before = (await emulator.log()).length;
  const result = await action();
  return { result, calls: (await emulator.calls()).slice(before) };
}

async function failure(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof Error) return error;
  }
  throw new Error("expected an error");
}

describe("cause 3 — the next attempt of an interrupted create takes over the object the first one made", () => {
  it("a load balancer: one object, found by its generated name, nothing created twice", async () => {
    const lost = await create("LoadBalancer", lbArgs);
    const { result: again, calls } = await callsDuring(() =>
      nextDeployment(() => create("LoadBalancer", lbArgs)),
    );
    expect(again.id).toBe(lost.id);
    expect(again.outputs.name).toBe(lost.outputs.name);
    expect(calls).toEqual(["GET /lbs"]);
    expect((await emulator.state()).lbs).toHaveLength(1);
  });

  it("a frontend holding its port: taken over, so the next up is not refused with the port in use", async () => {
    const lb = await create("LoadBalancer", lbArgs);
    const backend = await create("Backend", {
      ...identity,
      __resourceName: "app",
      lbId: lb.id,
      forwardPort: 80,
    });
    const args = {
      ...identity,
      __resourceName: "https",
      lbId: lb.id,
      backendId: backend.id,
      inboundPort: 443,
    };
    const lost = await create("Frontend", args);
    const again = await nextDeployment(() => create("Frontend", args));
    expect(again.id).toBe(lost.id);
    expect((await emulator.state()).frontends).toHaveLength(1);
  });

  it("an object whose updatable inputs changed between attempts is taken over and updated", async () => {
    const lb = await create("LoadBalancer", lbArgs);
    const args = { ...identity, __resourceName: "app", lbId: lb.id, forwardPort: 80 };
    const lost = await create("Backend", args);
    const { result: again, calls } = await callsDuring(() =>
      nextDeployment(() => create("Backend", { ...args, forwardPort: 8080 })),
    );
    expect(again.id).toBe(lost.id);
    expect(again.outputs.forwardPort).toBe(8080);
    const backendId = lost.id.split("/")[1];
    // The health check follows the forward port: its own endpoint changes too.
    expect(calls).toEqual([
      `GET /lbs/${lb.id.split("/")[1]}/backends`,
      `PUT /backends/${backendId}`,
      `PUT /backends/${backendId}/healthcheck`,
    ]);
    expect((await emulator.state()).backends).toHaveLength(1);
  });

  it("a route (no name): taken over by frontend, backend and match", async () => {
    const lb = await create("LoadBalancer", lbArgs);
    const backend = await create("Backend", {
      ...identity,
      __resourceName: "app",
      lbId: lb.id,
      forwardProtocol: "http",
      forwardPort: 80,
    });
    const frontend = await create("Frontend", {
      ...identity,
      __resourceName: "http",
      lbId: lb.id,
      backendId: backend.id,
      inboundPort: 80,
    });
    const args = {
      ...identity,
      __resourceName: "api",
      frontendId: frontend.id,
      backendId: backend.id,
      match: { hostHeader: "api.acme-corp.fr" },
    };
    const lost = await create("Route", args);
    const again = await nextDeployment(() => create("Route", args));
    expect(again.id).toBe(lost.id);
    expect((await emulator.state()).routes).toHaveLength(1);
  });

  it("an IP (no name): taken over by the tag that carries its creation key, which never shows in its tags", async () => {
    const args = { ...identity, __resourceName: "front", tags: ["web"] };
    const lost = await create("Ip", args);
    expect(lost.outputs.tags).toEqual(["web"]);
    const again = await nextDeployment(() => create("Ip", args));
    expect(again.id).toBe(lost.id);
    const { ips } = await emulator.state();
    expect(ips).toHaveLength(1);
    expect(ips[0]?.tags).toEqual(["web", `pulumi-scaleway-lb-create-${lost.inputs.__creationKey}`]);
  });
});

describe("children of an object this deployment made", () => {
  it("create with no look-up (nothing earlier can be under it); under an older parent they look", async () => {
    const lb = await create("LoadBalancer", { ...lbArgs, __resourceName: "fresh-lb" });
    const args = { ...identity, __resourceName: "fresh-app", lbId: lb.id, forwardPort: 80 };
    const lbId = lb.id.split("/")[1];
    const fresh = await callsDuring(() => create("Backend", args));
    expect(fresh.calls).toEqual([`POST /lbs/${lbId}/backends`]);
    const older = await callsDuring(() =>
      nextDeployment(() => create("Backend", { ...args, __resourceName: "later-app" })),
    );
    expect(older.calls).toEqual([`GET /lbs/${lbId}/backends`, `POST /lbs/${lbId}/backends`]);
  });
});

describe("what is never taken over", () => {
  it("the object a replacement replaces: a changed replace-policy input gives a new name", async () => {
    const first = await create("LoadBalancer", lbArgs);
    const replacement = await create("LoadBalancer", { ...lbArgs, assignFlexibleIpv6: true });
    expect(replacement.id).not.toBe(first.id);
    expect(replacement.outputs.name).not.toBe(first.outputs.name);
    expect((await emulator.state()).lbs).toHaveLength(2);
  });

  it("the object a forced replacement (`pulumi up --replace`, checked with olds) replaces", async () => {
    const first = await create("LoadBalancer", lbArgs);
    const provider = runtime.provider("LoadBalancer");
    const checked = await provider.check(first.inputs, lbArgs);
    expect(checked.inputs.name).toBe(first.outputs.name);
    const replacement = await provider.create(checked.inputs);
    expect(replacement.id).not.toBe(first.id);
    expect((await emulator.state()).lbs).toHaveLength(2);
  });

  it("an object with a name the user chose (another stack may use it)", async () => {
    const args = { ...lbArgs, name: "shop" };
    const first = await create("LoadBalancer", args);
    const second = await create("LoadBalancer", args);
    expect(second.id).not.toBe(first.id);
  });

  it("one of several look-alikes: the error names them and nothing is created", async () => {
    const lost = await create("LoadBalancer", lbArgs);
    await create("LoadBalancer", { ...lbArgs, __stack: "other", name: String(lost.outputs.name) });
    const error = await failure(create("LoadBalancer", lbArgs));
    expect(error.message).toContain(`LoadBalancer: 2 objects look like the one an earlier attempt`);
    expect(error.message).toContain(`name "${lost.outputs.name}", zone fr-par-1`);
    expect((await emulator.state()).lbs).toHaveLength(2);
  });
});
