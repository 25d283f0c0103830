/**
 * The SDK stores each shim already serialized instead of running Pulumi's closure serializer in
 * every program: the stored text must be exactly what `pulumi.dynamic.Resource` would have stored,
 * and a resource must reach the engine as a dynamic resource with it.
 */
import * as pulumi from "@pulumi/pulumi";
import { serializeFunction } from "@pulumi/pulumi/runtime/closure/serializeClosure";
import * as scw from "../../sdk";
import { ShimResource, serializedShim } from "../../sdk/shim-resource";

const { shims } = require("../../provider/shim.js") as { shims: Record<string, object> };

const KINDS = ["LoadBalancer", "Ip", "Backend", "Frontend", "Route", "Acl", "Certificate"];

describe("the stored serialized shim", () => {
  it.each(KINDS)("%s is byte for byte what the installed serializer produces", async (kind) => {
    // Exactly what pulumi.dynamic.Resource does with a provider object.
    const provider = shims[kind];
    const { text, containsSecrets } = await serializeFunction(() => provider, { allowSecrets: true });
    expect(containsSecrets).toBe(false);
    expect(serializedShim(kind)).toBe(text);
  });
});

describe("a resource of the SDK", () => {
  const registered: pulumi.runtime.MockResourceArgs[] = [];
  beforeAll(async () => {
    await pulumi.runtime.setMocks(
      {
        newResource: (args) => {
          registered.push(args);
          return { id: `fr-par-1/${args.name}`, state: args.inputs };
        },
        call: () => ({}),
      },
      "project",
      "stack",
      false,
    );
  });

  it("is registered as a dynamic resource of its kind, with its shim's text as __provider", async () => {
    const ip = new scw.Ip("web-ip", { tags: ["a"] });
    await new Promise<void>((resolve) => ip.id.apply(() => resolve()));
    const call = registered.find((r) => r.name === "web-ip");
    expect(call?.type).toBe("pulumi-nodejs:dynamic/scaleway-lb:Ip");
    expect(call?.inputs.__provider).toBe(serializedShim("Ip"));
    expect(call?.inputs.__resourceName).toBe("web-ip");
    expect(ip).toBeInstanceOf(pulumi.dynamic.Resource);
    expect(ip).toBeInstanceOf(pulumi.CustomResource);
  });

  it("leaves the stack trace limit as it was, and an error of the construction keeps the declaring frame", () => {
    const before = Error.stackTraceLimit;
    new scw.Ip("limit-ip", {});
    expect(Error.stackTraceLimit).toBe(before);
    let thrown: unknown;
    try {
      // An empty name is refused by Pulumi's Resource constructor, inside ours.
      new scw.Ip("", {});
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(Error);
    expect((thrown as Error).message).toMatch(/Missing resource name/);
    expect((thrown as Error).stack).toContain("shim-resource.test.ts");
    expect(Error.stackTraceLimit).toBe(before);
  });

  it("refuses a provider that is not one of the shims, and a __provider input", () => {
    const foreign = { create: async () => ({ id: "x" }) };
    expect(() => new ShimResource(foreign, "x", {}, undefined, "scaleway-lb", "Ip")).toThrow(
      /Ip "x": its provider is not one of the package's shims/,
    );
    const ipShim = shims.Ip as pulumi.dynamic.ResourceProvider;
    expect(
      () => new ShimResource(ipShim, "y", { __provider: "code" }, undefined, "scaleway-lb", "Ip"),
    ).toThrow(/__provider/);
  });
});
