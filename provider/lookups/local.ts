/**
 * Runs a lookup in the calling process (a Pulumi program, a script): configuration is resolved as
 * the provider runtime resolves it (stack config `scaleway:*`, then SCW_* variables, then the
 * Scaleway CLI config file), a client is made for the call and closed after it. Nothing goes
 * through the Pulumi engine and nothing is recorded in state.
 */
import {
  type ConfigInput,
  createLbClient,
  type ResolvedConfig,
  resolveConfig,
  resolveDefaults,
} from "../client";
import { LookupError } from "./errors";
import { invokeLookup, lookupFunction } from "./index";
import type { LookupResult } from "./spec";

/** Per-call settings, winning over stack config, SCW_* variables and the CLI config file. */
export interface LookupOptions {
  /** A profile of the Scaleway CLI config file (`~/.config/scw/config.yaml`). @default SCW_PROFILE, else the active profile */
  readonly profile?: string;
  /** The API endpoint, e.g. a `scaleway-lb-emulator`. @default the configured one, else https://api.scaleway.com */
  readonly apiUrl?: string;
}

export interface LocalLookupInput {
  /** The stack's configuration by full key (`scaleway:secretKey`); absent outside a Pulumi program. */
  readonly stackConfig?: (key: string) => string | undefined;
  readonly options?: LookupOptions;
  /** @default process.env */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

export async function runLookupLocally(
  name: string,
  args: unknown,
  input: LocalLookupInput = {},
): Promise<LookupResult> {
  const fn = lookupFunction(name);
  const config: ConfigInput = {
    stackConfig: input.stackConfig,
    env: input.env,
    explicit: { profile: input.options?.profile, apiUrl: input.options?.apiUrl },
  };
  // Invalid settings (zone, URL) fail here with their own message; what is left is the secret key.
  resolveDefaults(config);
  let resolved: ResolvedConfig;
  try {
    resolved = resolveConfig(config);
  } catch (error) {
    throw new LookupError(
      "configuration",
      fn.name,
      "needs Scaleway credentials to read the API (also during a preview): set the secret key with `pulumi config set --secret scaleway:secretKey <key>`, or the SCW_SECRET_KEY environment variable, or secret_key in the Scaleway CLI config file (~/.config/scw/config.yaml); and the project with scaleway:projectId or SCW_DEFAULT_PROJECT_ID",
      { cause: error },
    );
  }
  const api = createLbClient({ config: resolved, env: input.env });
  try {
    return await invokeLookup(
      { api, env: { defaultZone: resolved.zone, defaultProjectId: resolved.projectId ?? undefined } },
      name,
      args,
    );
  } finally {
    await api.close();
  }
}
