/**
 * The Scaleway CLI config file (`~/.config/scw/config.yaml`): top-level keys, and named
 * profiles under `profiles:` whose keys override the top level. The profile is chosen by the
 * caller (explicit option or `SCW_PROFILE`), else by the file's `active_profile`.
 */
import { join } from "node:path";
import { parse } from "yaml";
import { z } from "zod";
import { ScalewayError } from "./errors";

export const CLI_KEYS = [
  "access_key",
  "secret_key",
  "default_project_id",
  "default_organization_id",
  "default_zone",
  "default_region",
  "api_url",
] as const;
export type CliKey = (typeof CLI_KEYS)[number];

const value = z.string().optional().catch(undefined);
const ProfileWire = z.looseObject(
  Object.fromEntries(CLI_KEYS.map((key) => [key, value])) as Record<CliKey, typeof value>,
);
const FileWire = ProfileWire.extend({
  active_profile: value,
  profiles: z.record(z.string(), ProfileWire.nullable()).nullish(),
});

export interface CliConfig {
  path: string;
  /** False when the file does not exist. */
  found: boolean;
  /** The profile in use, if any. */
  profile: string | null;
  /** Effective values (profile over top level); empty strings are dropped. */
  values: Partial<Record<CliKey, string>>;
}

/** `SCW_CONFIG_PATH`, else `$XDG_CONFIG_HOME/scw/config.yaml`, else `<home>/.config/scw/config.yaml`. */
export function cliConfigPath(env: Readonly<Record<string, string | undefined>>, homeDir: string): string {
  if (env.SCW_CONFIG_PATH) return env.SCW_CONFIG_PATH;
  if (env.XDG_CONFIG_HOME) return join(env.XDG_CONFIG_HOME, "scw", "config.yaml");
  return join(homeDir, ".config", "scw", "config.yaml");
}

/**
 * Reads the file. `readFile` returns `undefined` for a missing file. `requestedProfile` (from the
 * caller or `SCW_PROFILE`) must exist in the file; `active_profile` is used when none is requested.
 */
export function readCliConfig(
  path: string,
  requestedProfile: string | null,
  readFile: (path: string) => string | undefined,
): CliConfig {
  const fail = (message: string, cause?: unknown) =>
    new ScalewayError({ kind: "configuration", message, cause });
  const text = readFile(path);
  if (text === undefined) {
    if (requestedProfile !== null) {
      throw fail(
        `Scaleway profile "${requestedProfile}" was requested but the CLI config file ${path} does not exist`,
      );
    }
    return { path, found: false, profile: null, values: {} };
  }
  let raw: unknown;
  try {
    raw = parse(text);
  } catch (error) {
    throw fail(`the Scaleway CLI config file ${path} is not valid YAML`, error);
  }
  const parsed = FileWire.safeParse(raw ?? {});
  if (!parsed.success) throw fail(`the Scaleway CLI config file ${path} is not a mapping`);
  const file = parsed.data;
  const profile = requestedProfile ?? (file.active_profile || null);
  const section = profile === null || profile === "default" ? {} : file.profiles?.[profile];
  if (!section) throw fail(`Scaleway profile "${profile}" is not defined in ${path}`);
  const values: Partial<Record<CliKey, string>> = {};
  for (const key of CLI_KEYS) {
    // The profile's keys override the top level; empty values count as unset.
    const found = section[key] || file[key];
    if (found) values[key] = found;
  }
  return { path, found: true, profile, values };
}
