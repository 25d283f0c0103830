/**
 * The serialized provider is written into the state of every resource. It must stay byte-identical
 * across releases (or every resource would show a change), and hold no secret and no code of ours
 * beyond the shim: everything else is loaded from the installed package at call time.
 */
import { serializeFunction } from "@pulumi/pulumi/runtime/closure/serializeClosure";
import { TEST_SECRET_KEY } from "../support/runtime-harness";

// The JS file itself, as the SDK classes load it (not a transpiled copy).
const { shims } = require("../../provider/shim.js") as { shims: Record<string, object> };

const KINDS = ["LoadBalancer", "Ip", "Backend", "Frontend", "Route", "Acl", "Certificate", "PrivateNetwork"];

/** Exactly what pulumi.dynamic.Resource does with a provider object. */
async function serialized(kind: string): Promise<{ text: string; containsSecrets: boolean }> {
  const provider = shims[kind];
  return serializeFunction(() => provider, { allowSecrets: true });
}

describe("the serialized dynamic-provider shim", () => {
  const previous = process.env.SCW_SECRET_KEY;
  beforeAll(() => {
    process.env.SCW_SECRET_KEY = TEST_SECRET_KEY;
  });
  afterAll(() => {
    if (previous === undefined) delete process.env.SCW_SECRET_KEY;
    else process.env.SCW_SECRET_KEY = previous;
  });

  it.each(KINDS)("%s is byte-for-byte the recorded text", async (kind) => {
    const { text } = await serialized(kind);
    expect(text).toMatchSnapshot();
  });

  it.each(KINDS)(
    "%s holds no secret and no project code: only the runtime's public subpath",
    async (kind) => {
      const { text, containsSecrets } = await serialized(kind);
      expect(containsSecrets).toBe(false);
      expect(text).not.toContain(TEST_SECRET_KEY);
      expect(text.match(/require\([^)]*\)/g)).toEqual(Array(7).fill("require(RUNTIME)"));
      expect(text).toContain('RUNTIME: "pulumi-scaleway-lb/provider-runtime"');
      expect(text).not.toMatch(/checkResource|diffResource|createLbClient|undici|zod/);
      expect(text.length).toBeLessThan(3000);
    },
  );

  it("is the same text for every kind but the kind's name", async () => {
    const backend = (await serialized("Backend")).text;
    for (const kind of KINDS) {
      expect((await serialized(kind)).text).toBe(backend.replaceAll('kind: "Backend"', `kind: "${kind}"`));
    }
  });
});
