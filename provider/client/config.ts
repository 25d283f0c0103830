/**
 * Configuration resolution. For each field, the first source that has a non-empty value wins:
 *
 * 1. explicit options (`resolveConfig({ explicit: { secretKey } })`);
 * 2. Pulumi stack config, through a lookup function (`scaleway:secretKey`, …);
 * 3. `SCW_*` environment variables;
 * 4. the Scaleway CLI config file (config-file.ts), with profiles;
 * 5. defaults: zone `fr-par-1`, region derived from the zone, API URL `https://api.scaleway.com`.
 *
 * The result records where each value came from. The secret key is a non-enumerable property
 * of the result, so that `JSON.stringify`, `console.log` and spreads never carry it along.
 */
import { readFileSync } from "node:fs";
import { homedir } from "node:os";
import { type CliKey, cliConfigPath, readCliConfig } from "./config-file";
import { missingSecretKeyMessage } from "./credentials-help";
import { ScalewayError } from "./errors";

export const DEFAULT_ZONE = "fr-par-1";
export const DEFAULT_API_URL = "https://api.scaleway.com";

export const CONFIG_FIELDS = [
  "accessKey",
  "secretKey",
  "projectId",
  "organizationId",
  "zone",
  "region",
  "apiUrl",
] as const;
export type ConfigField = (typeof CONFIG_FIELDS)[number];

/** `scaleway:<field>`, e.g. `scaleway:secretKey`. */
export const STACK_CONFIG_KEYS = Object.fromEntries(
  CONFIG_FIELDS.map((field) => [field, `scaleway:${field}`]),
) as Readonly<Record<ConfigField, string>>;

export const ENV_VARIABLES: Readonly<Record<ConfigField, string>> = {
  accessKey: "SCW_ACCESS_KEY",
  secretKey: "SCW_SECRET_KEY",
  projectId: "SCW_DEFAULT_PROJECT_ID",
  organizationId: "SCW_DEFAULT_ORGANIZATION_ID",
  zone: "SCW_DEFAULT_ZONE",
  region: "SCW_DEFAULT_REGION",
  apiUrl: "SCW_API_URL",
};

export const CLI_FILE_KEYS: Readonly<Record<ConfigField, CliKey>> = {
  accessKey: "access_key",
  secretKey: "secret_key",
  projectId: "default_project_id",
  organizationId: "default_organization_id",
  zone: "default_zone",
  region: "default_region",
  apiUrl: "api_url",
};

export type ConfigSource =
  | { kind: "explicit"; option: string }
  | { kind: "stack"; key: string }
  | { kind: "env"; variable: string }
  | { kind: "file"; path: string; profile: string | null; key: string }
  | { kind: "default" }
  | { kind: "derived"; from: "zone" }
  | { kind: "unset" };

export function describeSource(source: ConfigSource): string {
  switch (source.kind) {
    case "explicit":
      return `option ${source.option}`;
    case "stack":
      return `stack config ${source.key}`;
    case "env":
      return `environment variable ${source.variable}`;
    case "file":
      return `${source.path}${source.profile ? ` (profile ${source.profile})` : ""} key ${source.key}`;
    case "default":
      return "default";
    case "derived":
      return `derived from ${source.from}`;
    case "unset":
      return "not set";
  }
}

export interface ConfigInput {
  /** Explicit options: win over every other source. `profile` selects a CLI config profile. */
  explicit?: Partial<Record<ConfigField, string | null>> & { profile?: string | null };
  /** Pulumi stack config lookup, e.g. `(key) => new pulumi.Config().get(key)` made generic. */
  stackConfig?: (key: string) => string | undefined;
  /** @default process.env */
  env?: Readonly<Record<string, string | undefined>>;
  /** @default os.homedir() */
  homeDir?: string;
  /** Reads a file, `undefined` when it does not exist. @default node:fs */
  readFile?: (path: string) => string | undefined;
}

export interface ResolvedConfig {
  accessKey: string | null;
  /** Non-enumerable: absent from JSON, logs and spreads. */
  readonly secretKey: string;
  projectId: string | null;
  organizationId: string | null;
  zone: string;
  region: string;
  apiUrl: string;
  /** The CLI config profile in use, if any. */
  profile: string | null;
  /** The CLI config file looked at. */
  configFile: string;
  /** Where each value came from. */
  sources: Record<ConfigField, ConfigSource>;
}

/** Everything but the secret key. */
export type ResolvedDefaults = Omit<ResolvedConfig, "secretKey">;

function readFileIfExists(path: string): string | undefined {
  try {
    return readFileSync(path, "utf8");
  } catch (error) {
    if (typeof error === "object" && error !== null && Reflect.get(error, "code") === "ENOENT")
      return undefined;
    throw new ScalewayError({ kind: "configuration", message: `cannot read ${path}`, cause: error });
  }
}

function present(value: string | null | undefined): value is string {
  return typeof value === "string" && value.trim() !== "";
}

const ZONE_PATTERN = /^[a-z]{2}-[a-z]{3}-\d+$/;

export function regionOfZone(zone: string): string {
  return zone.replace(/-\d+$/, "");
}

/** Every setting with its source; the secret key is found (or not) but never required here. */
function resolveSettings(input: ConfigInput): {
  defaults: ResolvedDefaults;
  secret: string | null;
  /** The error text when the secret key is set nowhere. */
  missingSecret: string;
} {
  const env = input.env ?? process.env;
  const explicit = input.explicit ?? {};
  const configFile = cliConfigPath(env, input.homeDir ?? homedir());
  const requestedProfile = present(explicit.profile)
    ? explicit.profile
    : present(env.SCW_PROFILE)
      ? env.SCW_PROFILE
      : null;
  const file = readCliConfig(configFile, requestedProfile, input.readFile ?? readFileIfExists);

  type Picked = { value: string | null; source: ConfigSource };
  /** The first source with a non-empty value, else `fallback`. */
  const pick = (
    field: ConfigField,
    fallback: Picked = { value: null, source: { kind: "unset" } },
  ): Picked => {
    const [stack, variable, key] = [STACK_CONFIG_KEYS[field], ENV_VARIABLES[field], CLI_FILE_KEYS[field]];
    const sources: [() => string | null | undefined, ConfigSource][] = [
      [() => explicit[field], { kind: "explicit", option: field }],
      [() => input.stackConfig?.(stack), { kind: "stack", key: stack }],
      [() => env[variable], { kind: "env", variable }],
      [() => file.values[key], { kind: "file", path: file.path, profile: file.profile, key }],
    ];
    for (const [read, source] of sources) {
      const value = read();
      if (present(value)) return { value: value.trim(), source };
    }
    return fallback;
  };
  const invalid = (what: string, { value, source }: Picked, expected: string) =>
    new ScalewayError({
      kind: "configuration",
      message: `invalid Scaleway ${what} "${value}" (from ${describeSource(source)}); expected ${expected}`,
    });

  const missingSecret = missingSecretKeyMessage({
    stackConfig: input.stackConfig !== undefined,
    configFile,
    configFileFound: file.found,
    profile: file.profile,
  });
  const picked = {} as Record<ConfigField, Picked>;
  const fallbacks: Partial<Record<ConfigField, () => Picked>> = {
    zone: () => ({ value: DEFAULT_ZONE, source: { kind: "default" } }),
    region: () => ({
      value: regionOfZone(picked.zone.value ?? DEFAULT_ZONE),
      source: { kind: "derived", from: "zone" },
    }),
    apiUrl: () => ({ value: DEFAULT_API_URL, source: { kind: "default" } }),
  };
  // In CONFIG_FIELDS order: the zone is known before the region derived from it.
  for (const field of CONFIG_FIELDS) picked[field] = pick(field, fallbacks[field]?.());
  const zone = picked.zone.value ?? DEFAULT_ZONE;
  if (!ZONE_PATTERN.test(zone)) throw invalid("zone", picked.zone, "e.g. fr-par-1");
  const apiUrl = (picked.apiUrl.value ?? DEFAULT_API_URL).replace(/\/+$/, "");
  if (!/^https?:\/\/[^/\s]+/.test(apiUrl))
    throw invalid("API URL", { ...picked.apiUrl, value: apiUrl }, "http(s)://host[:port]");

  const defaults: ResolvedDefaults = {
    accessKey: picked.accessKey.value,
    projectId: picked.projectId.value,
    organizationId: picked.organizationId.value,
    zone,
    region: picked.region.value ?? regionOfZone(zone),
    apiUrl,
    profile: file.profile,
    configFile,
    sources: Object.fromEntries(CONFIG_FIELDS.map((f) => [f, picked[f].source])) as Record<
      ConfigField,
      ConfigSource
    >,
  };
  return { defaults, secret: picked.secretKey.value, missingSecret };
}

/**
 * The zone, project, region and API URL a configuration gives, without requiring a secret key:
 * what checking arguments needs, so a preview works without credentials.
 */
export function resolveDefaults(input: ConfigInput = {}): ResolvedDefaults {
  return resolveSettings(input).defaults;
}

/** The full configuration; a missing secret key is an error listing, in user words, where to set it. */
export function resolveConfig(input: ConfigInput = {}): ResolvedConfig {
  const { defaults, secret, missingSecret } = resolveSettings(input);
  if (secret === null) throw new ScalewayError({ kind: "configuration", message: missingSecret });
  const resolved: ResolvedConfig = { ...defaults, secretKey: secret };
  Object.defineProperty(resolved, "secretKey", { value: secret, enumerable: false, writable: false });
  return resolved;
}

/** One line per field: `zone = fr-par-1 (environment variable SCW_DEFAULT_ZONE)`; the secret shows only its source. */
export function describeConfig(config: ResolvedConfig): string[] {
  return CONFIG_FIELDS.map((field) => {
    const source = describeSource(config.sources[field]);
    if (field === "secretKey") return `secretKey = <hidden> (${source})`;
    return `${field} = ${config[field] ?? "<unset>"} (${source})`;
  });
}
