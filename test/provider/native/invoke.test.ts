import type { NativeFunction } from "../../../provider/native/functions";
import { NativeProvider } from "../../../provider/native/resource-provider";

describe("the native door's invokes", () => {
  it("calls the function of the token with this provider instance's context and the arguments", async () => {
    const seen: unknown[] = [];
    const getZone: NativeFunction = async (ctx, args) => {
      seen.push(args);
      return { zone: ctx.env.defaultZone, projectId: ctx.env.defaultProjectId ?? null };
    };
    const provider = new NativeProvider({ "scaleway-lb:index:getZone": getZone });
    provider.configure({
      secretKey: "not-used",
      zone: "nl-ams-1",
      projectId: "11111111-2222-4333-8444-555555555555",
    });
    await expect(provider.invoke("scaleway-lb:index:getZone", { name: "web" })).resolves.toEqual({
      zone: "nl-ams-1",
      projectId: "11111111-2222-4333-8444-555555555555",
    });
    expect(seen).toEqual([{ name: "web" }]);
  });

  it("names an unknown function and the known ones", async () => {
    const provider = new NativeProvider({ "scaleway-lb:index:getLoadBalancers": async () => ({}) });
    provider.configure({ secretKey: "not-used" });
    await expect(provider.invoke("scaleway-lb:index:getNothing", {})).rejects.toThrow(
      "scaleway-lb: unknown function scaleway-lb:index:getNothing: known are scaleway-lb:index:getLoadBalancers",
    );
  });

  it("refuses a configuration with a setting it does not know", () => {
    expect(() => new NativeProvider().configure({ secretkey: "x" })).toThrow(
      "scaleway-lb provider configuration: secretkey is not a setting of the scaleway-lb provider",
    );
  });
});
