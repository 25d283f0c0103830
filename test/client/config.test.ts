/** Configuration resolution: every source, precedence, CLI config profiles. */
import { inspect } from "node:util";
import { describeConfig, isScalewayError, resolveConfig, resolveDefaults } from "../../provider/client";

const HOME = "/home/tester";
const DEFAULT_FILE = "/home/tester/.config/scw/config.yaml";

function files(map: Record<string, string>): (path: string) => string | undefined {
  return (path) => map[path];
}

const CLI_FILE = `
access_key: SCWFILEACCESSKEY0000
secret_key: 00000000-0000-4000-8000-00000000f11e
default_project_id: 00000000-0000-4000-8000-0000000f11e0
default_organization_id: 00000000-0000-4000-8000-0000000f0e60
default_zone: nl-ams-1
api_url: https://file.example
active_profile: prod
profiles:
  prod:
    secret_key: 00000000-0000-4000-8000-0000000000d0
    default_zone: pl-waw-2
  staging:
    secret_key: 00000000-0000-4000-8000-000000005a9e
    default_project_id: 00000000-0000-4000-8000-0000005a9e00
    default_region: fr-par
`;

function captureError(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error("expected an error");
}

describe("each source on its own", () => {
  it("explicit options", () => {
    const config = resolveConfig({
      explicit: {
        secretKey: "explicit-secret",
        zone: "fr-par-2",
        projectId: "p",
        apiUrl: "http://127.0.0.1:1234/",
      },
      env: {},
      homeDir: HOME,
      readFile: files({}),
    });
    expect(config).toMatchObject({
      zone: "fr-par-2",
      region: "fr-par",
      projectId: "p",
      apiUrl: "http://127.0.0.1:1234",
    });
    expect(config.secretKey).toBe("explicit-secret");
    expect(config.sources.secretKey).toEqual({ kind: "explicit", option: "secretKey" });
  });

  it("Pulumi stack config", () => {
    const stack: Record<string, string> = {
      "scaleway:secretKey": "stack-secret",
      "scaleway:accessKey": "SCWSTACK",
      "scaleway:projectId": "stack-project",
      "scaleway:organizationId": "stack-org",
      "scaleway:zone": "nl-ams-2",
      "scaleway:region": "nl-ams",
      "scaleway:apiUrl": "https://stack.example",
    };
    const config = resolveConfig({
      stackConfig: (key) => stack[key],
      env: {},
      homeDir: HOME,
      readFile: files({}),
    });
    expect(config).toMatchObject({
      accessKey: "SCWSTACK",
      projectId: "stack-project",
      organizationId: "stack-org",
      zone: "nl-ams-2",
      region: "nl-ams",
      apiUrl: "https://stack.example",
    });
    expect(config.secretKey).toBe("stack-secret");
    expect(config.sources.zone).toEqual({ kind: "stack", key: "scaleway:zone" });
  });

  it("SCW_* environment variables", () => {
    const config = resolveConfig({
      env: {
        SCW_SECRET_KEY: "env-secret",
        SCW_ACCESS_KEY: "SCWENV",
        SCW_DEFAULT_PROJECT_ID: "env-project",
        SCW_DEFAULT_ORGANIZATION_ID: "env-org",
        SCW_DEFAULT_ZONE: "pl-waw-1",
        SCW_DEFAULT_REGION: "pl-waw",
        SCW_API_URL: "https://env.example",
      },
      homeDir: HOME,
      readFile: files({}),
    });
    expect(config).toMatchObject({
      accessKey: "SCWENV",
      projectId: "env-project",
      organizationId: "env-org",
      zone: "pl-waw-1",
      region: "pl-waw",
      apiUrl: "https://env.example",
    });
    expect(config.secretKey).toBe("env-secret");
    expect(config.sources.projectId).toEqual({ kind: "env", variable: "SCW_DEFAULT_PROJECT_ID" });
  });

  it("the CLI config file, top level (profile default)", () => {
    const config = resolveConfig({
      env: { SCW_PROFILE: "default" },
      homeDir: HOME,
      readFile: files({ [DEFAULT_FILE]: CLI_FILE }),
    });
    expect(config).toMatchObject({
      accessKey: "SCWFILEACCESSKEY0000",
      projectId: "00000000-0000-4000-8000-0000000f11e0",
      organizationId: "00000000-0000-4000-8000-0000000f0e60",
      zone: "nl-ams-1",
      region: "nl-ams",
      apiUrl: "https://file.example",
      configFile: DEFAULT_FILE,
    });
    expect(config.secretKey).toBe("00000000-0000-4000-8000-00000000f11e");
    expect(config.sources.secretKey).toEqual({
      kind: "file",
      path: DEFAULT_FILE,
      profile: "default",
      key: "secret_key",
    });
  });

  it("defaults: zone fr-par-1, region from the zone, the public API URL", () => {
    const config = resolveConfig({ env: { SCW_SECRET_KEY: "s" }, homeDir: HOME, readFile: files({}) });
    expect(config).toMatchObject({
      zone: "fr-par-1",
      region: "fr-par",
      apiUrl: "https://api.scaleway.com",
      projectId: null,
      accessKey: null,
    });
    expect(config.sources).toMatchObject({
      zone: { kind: "default" },
      region: { kind: "derived", from: "zone" },
      apiUrl: { kind: "default" },
      projectId: { kind: "unset" },
    });
  });
});

describe("defaults without credentials", () => {
  it("resolveDefaults gives zone, project and API URL with no secret key anywhere", () => {
    const stack: Record<string, string> = { "scaleway:projectId": "00000000-0000-4000-8000-000000000abc" };
    const defaults = resolveDefaults({
      stackConfig: (key) => stack[key],
      env: { SCW_DEFAULT_ZONE: "nl-ams-1" },
      homeDir: HOME,
      readFile: files({}),
    });
    expect(defaults).toMatchObject({
      zone: "nl-ams-1",
      projectId: "00000000-0000-4000-8000-000000000abc",
      apiUrl: "https://api.scaleway.com",
    });
    expect(defaults.sources.secretKey).toEqual({ kind: "unset" });
    expect("secretKey" in defaults).toBe(false);
    // The same input is not enough for API calls.
    expect(() =>
      resolveConfig({ env: { SCW_DEFAULT_ZONE: "nl-ams-1" }, homeDir: HOME, readFile: files({}) }),
    ).toThrow(/^No Scaleway secret key found\. Set it in one of these places/);
  });
});

describe("precedence: explicit > stack > env > file > default, per field", () => {
  const stack: Record<string, string> = { "scaleway:secretKey": "stack-secret", "scaleway:zone": "nl-ams-2" };
  const env = {
    SCW_SECRET_KEY: "env-secret",
    SCW_DEFAULT_ZONE: "pl-waw-1",
    SCW_DEFAULT_PROJECT_ID: "env-project",
  };
  const base = { homeDir: HOME, readFile: files({ [DEFAULT_FILE]: CLI_FILE }) };

  it("explicit wins over everything", () => {
    const config = resolveConfig({
      ...base,
      explicit: { secretKey: "explicit-secret" },
      stackConfig: (k) => stack[k],
      env,
    });
    expect(config.secretKey).toBe("explicit-secret");
    expect(config.zone).toBe("nl-ams-2");
    expect(config.projectId).toBe("env-project");
    expect(config.accessKey).toBe("SCWFILEACCESSKEY0000");
    expect(config.apiUrl).toBe("https://file.example");
  });

  it("stack wins over env and file", () => {
    const config = resolveConfig({ ...base, stackConfig: (k) => stack[k], env });
    expect(config.secretKey).toBe("stack-secret");
    expect(config.sources.secretKey.kind).toBe("stack");
  });

  it("env wins over the file", () => {
    const config = resolveConfig({ ...base, env });
    expect(config.secretKey).toBe("env-secret");
    expect(config.zone).toBe("pl-waw-1");
  });

  it("empty strings count as unset", () => {
    const config = resolveConfig({
      ...base,
      explicit: { secretKey: "" },
      stackConfig: () => "  ",
      env: { SCW_SECRET_KEY: "" },
    });
    expect(config.sources.secretKey.kind).toBe("file");
  });
});

describe("CLI config profiles", () => {
  const readFile = files({ [DEFAULT_FILE]: CLI_FILE, "/custom/scw.yaml": "secret_key: custom-secret\n" });

  it("uses active_profile, its keys overriding the top level", () => {
    const config = resolveConfig({ env: {}, homeDir: HOME, readFile });
    expect(config.profile).toBe("prod");
    expect(config.secretKey).toBe("00000000-0000-4000-8000-0000000000d0");
    expect(config.zone).toBe("pl-waw-2");
    expect(config.projectId).toBe("00000000-0000-4000-8000-0000000f11e0");
    expect(config.sources.zone).toEqual({
      kind: "file",
      path: DEFAULT_FILE,
      profile: "prod",
      key: "default_zone",
    });
  });

  it("SCW_PROFILE wins over active_profile", () => {
    const config = resolveConfig({ env: { SCW_PROFILE: "staging" }, homeDir: HOME, readFile });
    expect(config.profile).toBe("staging");
    expect(config.secretKey).toBe("00000000-0000-4000-8000-000000005a9e");
    expect(config.projectId).toBe("00000000-0000-4000-8000-0000005a9e00");
    expect(config.zone).toBe("nl-ams-1");
    expect(config.region).toBe("fr-par");
  });

  it("an explicit profile wins over SCW_PROFILE", () => {
    const config = resolveConfig({
      explicit: { profile: "staging" },
      env: { SCW_PROFILE: "prod" },
      homeDir: HOME,
      readFile,
    });
    expect(config.profile).toBe("staging");
  });

  it("an unknown profile is a configuration error", () => {
    const error = captureError(() =>
      resolveConfig({ env: { SCW_PROFILE: "nope" }, homeDir: HOME, readFile }),
    );
    expect(isScalewayError(error) && error.kind).toBe("configuration");
    expect(String(error)).toContain('profile "nope" is not defined');
  });

  it("SCW_CONFIG_PATH points at another file", () => {
    const config = resolveConfig({ env: { SCW_CONFIG_PATH: "/custom/scw.yaml" }, homeDir: HOME, readFile });
    expect(config.secretKey).toBe("custom-secret");
    expect(config.configFile).toBe("/custom/scw.yaml");
  });

  it("XDG_CONFIG_HOME is honoured when SCW_CONFIG_PATH is not set", () => {
    const config = resolveConfig({
      env: { XDG_CONFIG_HOME: "/xdg" },
      homeDir: HOME,
      readFile: files({ "/xdg/scw/config.yaml": "secret_key: xdg-secret\n" }),
    });
    expect(config.secretKey).toBe("xdg-secret");
  });

  it("a malformed file is a configuration error naming the file", () => {
    const error = captureError(() =>
      resolveConfig({ env: {}, homeDir: HOME, readFile: files({ [DEFAULT_FILE]: "secret_key: [unclosed" }) }),
    );
    expect(isScalewayError(error) && error.kind).toBe("configuration");
    expect(String(error)).toContain(DEFAULT_FILE);
  });
});

describe("failures and secrecy", () => {
  it("a missing secret key lists, in user words, every place it may be set", () => {
    const error = captureError(() =>
      resolveConfig({ stackConfig: () => undefined, env: {}, homeDir: HOME, readFile: files({}) }),
    );
    expect(isScalewayError(error) && error.kind).toBe("configuration");
    expect(error instanceof Error && error.message).toBe(
      [
        "No Scaleway secret key found. Set it in one of these places (the first one set wins):",
        "  - the stack config: pulumi config set --secret scaleway:secretKey <secret key>",
        "  - the SCW_SECRET_KEY environment variable",
        `  - secret_key in the Scaleway CLI config file ${DEFAULT_FILE}, which does not exist`,
        "A key is created in the Scaleway console under IAM > API keys.",
      ].join("\n"),
    );
  });

  it("a missing secret key names the profile looked in, and no stack config where there is none", () => {
    const readFile = files({
      [DEFAULT_FILE]: "active_profile: staging\nprofiles:\n  staging:\n    default_zone: nl-ams-1\n",
    });
    const error = captureError(() => resolveConfig({ env: {}, homeDir: HOME, readFile }));
    const message = error instanceof Error ? error.message : "";
    expect(message).toContain(
      `  - secret_key in the Scaleway CLI config file ${DEFAULT_FILE} (profile "staging")\n`,
    );
    expect(message).not.toContain("pulumi config");
    expect(message).not.toMatch(/option|secretKey/);
  });

  it("an invalid zone is refused with its source", () => {
    const error = captureError(() =>
      resolveConfig({
        env: { SCW_SECRET_KEY: "s", SCW_DEFAULT_ZONE: "paris" },
        homeDir: HOME,
        readFile: files({}),
      }),
    );
    expect(String(error)).toContain("SCW_DEFAULT_ZONE");
  });

  it("an invalid API URL is refused", () => {
    const error = captureError(() =>
      resolveConfig({
        env: { SCW_SECRET_KEY: "s", SCW_API_URL: "api.scaleway.com" },
        homeDir: HOME,
        readFile: files({}),
      }),
    );
    expect(isScalewayError(error) && error.kind).toBe("configuration");
  });

  it("never shows the secret in JSON, inspection, spreads or the description", () => {
    const secret = "9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a";
    const config = resolveConfig({ env: { SCW_SECRET_KEY: secret }, homeDir: HOME, readFile: files({}) });
    expect(config.secretKey).toBe(secret);
    expect(JSON.stringify(config)).not.toContain(secret);
    expect(inspect(config, { depth: 5 })).not.toContain(secret);
    expect(JSON.stringify({ ...config })).not.toContain(secret);
    const lines = describeConfig(config);
    expect(lines.join("\n")).not.toContain(secret);
    expect(lines).toContain("secretKey = <hidden> (environment variable SCW_SECRET_KEY)");
  });
});
