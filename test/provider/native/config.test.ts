import { resolveConfig } from "../../../provider/client/config";
import { configInput, readProviderConfig } from "../../../provider/native/config";

describe("the native provider's configuration", () => {
  it("takes bare and namespaced settings, ignoring the keys the engine adds", () => {
    const { config, failures } = readProviderConfig({
      "scaleway-lb:apiUrl": "http://127.0.0.1:9999",
      secretKey: "key-of-a",
      profile: "second",
      version: "0.1.0",
      zone: " nl-ams-1 ",
    });
    expect(failures).toEqual([]);
    expect(config).toEqual({
      apiUrl: "http://127.0.0.1:9999",
      secretKey: "key-of-a",
      profile: "second",
      zone: "nl-ams-1",
    });
  });

  it("names an unknown setting and what is allowed", () => {
    expect(readProviderConfig({ region: "fr-par", accesKey: "x" }).failures).toEqual([
      {
        property: "accesKey",
        reason: expect.stringContaining(
          "is not a setting of the scaleway-lb provider: allowed are accessKey, secretKey",
        ),
      },
    ]);
  });

  it("never shows a secret key that is not a string", () => {
    const [failure] = readProviderConfig({ secretKey: 12345 }).failures;
    expect(failure?.reason).toBe("must be a string, got number");
  });

  it("wins over SCW_* variables, which win over the CLI profile it names", () => {
    const file =
      "profiles:\n  second:\n    secret_key: from-file\n    default_zone: pl-waw-1\n    api_url: http://file\n";
    const input = {
      ...configInput(readProviderConfig({ profile: "second", apiUrl: "http://provider" }).config),
      env: { SCW_SECRET_KEY: "from-env" },
      homeDir: "/nowhere",
      readFile: () => file,
    };
    const resolved = resolveConfig(input);
    expect({
      url: resolved.apiUrl,
      key: resolved.secretKey,
      zone: resolved.zone,
      profile: resolved.profile,
    }).toEqual({
      url: "http://provider",
      key: "from-env",
      zone: "pl-waw-1",
      profile: "second",
    });
  });
});
