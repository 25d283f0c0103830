/**
 * The plugin's configuration: the `scaleway-lb:*` stack config of the default provider, or the
 * arguments of an explicit `new scaleway_lb.Provider(...)`. Each setting falls back to the `SCW_*`
 * environment variables, then the Scaleway CLI config file (its profile chosen by `profile`, then
 * `SCW_PROFILE`, then the file's `active_profile`) — the client's own resolution
 * (provider/client/config.ts), with the provider's settings as its explicit options.
 */
import { CONFIG_FIELDS, type ConfigField, type ConfigInput } from "../client/config";

export const PROVIDER_PACKAGE = "scaleway-lb";

/** The settings an instance of the provider takes. */
export const PROVIDER_SETTINGS = [...CONFIG_FIELDS, "profile"] as const;
export type ProviderSetting = (typeof PROVIDER_SETTINGS)[number];

/** Keys the engine adds to a provider's inputs for itself. */
const ENGINE_KEYS = new Set(["version", "pluginDownloadURL"]);

export type ProviderConfig = Partial<Record<ProviderSetting, string>>;

export interface ConfigFailure {
  readonly property: string;
  readonly reason: string;
}

/**
 * The provider's settings from Configure's or CheckConfig's arguments (plain JSON, secrets already
 * unwrapped); keys may come bare (`secretKey`) or namespaced (`scaleway-lb:secretKey`).
 */
export function readProviderConfig(args: Readonly<Record<string, unknown>>): {
  config: ProviderConfig;
  failures: ConfigFailure[];
} {
  const config: ProviderConfig = {};
  const failures: ConfigFailure[] = [];
  for (const [rawKey, value] of Object.entries(args)) {
    const key = rawKey.startsWith(`${PROVIDER_PACKAGE}:`)
      ? rawKey.slice(PROVIDER_PACKAGE.length + 1)
      : rawKey;
    if (ENGINE_KEYS.has(key) || value === undefined || value === null) continue;
    const setting = PROVIDER_SETTINGS.find((s) => s === key);
    if (setting === undefined) {
      failures.push({
        property: key,
        reason: `is not a setting of the ${PROVIDER_PACKAGE} provider: allowed are ${PROVIDER_SETTINGS.join(", ")}`,
      });
      continue;
    }
    if (typeof value !== "string") {
      failures.push({
        property: key,
        reason: `must be a string, got ${setting === "secretKey" ? typeof value : JSON.stringify(value)}`,
      });
      continue;
    }
    if (value.trim() !== "") config[setting] = value.trim();
  }
  return { config, failures };
}

/** The client's configuration input for these settings: they win over SCW_* and the CLI file. */
export function configInput(config: ProviderConfig): ConfigInput {
  const explicit: Partial<Record<ConfigField, string>> & { profile?: string } = {};
  for (const setting of PROVIDER_SETTINGS) {
    const value = config[setting];
    if (value !== undefined) explicit[setting] = value;
  }
  return { explicit };
}
