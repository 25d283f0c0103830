/**
 * What a person reads when credentials are missing or refused: where the secret key may be set,
 * in the words of the tools that set it (stack config, environment variable, Scaleway CLI config
 * file), and — after a 401 — which of those places the key came from and what to check there.
 * Never any part of the key itself.
 */
import type { ConfigSource } from "./config";

/** The places a missing secret key was looked for. */
export interface SecretKeySearch {
  /** Whether a Pulumi stack config was consulted (the provider: yes; the `scaleway-lb` command: no). */
  readonly stackConfig: boolean;
  readonly configFile: string;
  readonly configFileFound: boolean;
  readonly profile: string | null;
}

const CREATE_KEY = "A key is created in the Scaleway console under IAM > API keys.";

function profileWords(profile: string | null): string {
  return profile === null ? "" : ` (profile "${profile}")`;
}

/** The error text when no secret key is set anywhere. */
export function missingSecretKeyMessage(search: SecretKeySearch): string {
  const places: string[] = [];
  if (search.stackConfig)
    places.push("the stack config: pulumi config set --secret scaleway:secretKey <secret key>");
  places.push("the SCW_SECRET_KEY environment variable");
  places.push(
    `secret_key in the Scaleway CLI config file ${search.configFile}${profileWords(search.profile)}${search.configFileFound ? "" : ", which does not exist"}`,
  );
  return `No Scaleway secret key found. Set it in one of these places (the first one set wins):\n${places.map((p) => `  - ${p}`).join("\n")}\n${CREATE_KEY}`;
}

/** Where one setting came from, in user words: "the SCW_SECRET_KEY environment variable". */
export function sourceWords(source: ConfigSource): string {
  switch (source.kind) {
    case "explicit":
      return `the value passed in code (${source.option})`;
    case "stack":
      return `the stack config ${source.key}`;
    case "env":
      return `the ${source.variable} environment variable`;
    case "file":
      return `${source.key} in the Scaleway CLI config file ${source.path}${source.profile === null ? " (no profile)" : ` (profile "${source.profile}")`}`;
    case "default":
      return "the default";
    case "derived":
      return `the ${source.from}`;
    case "unset":
      return "nowhere (not set)";
  }
}

/** What the client knows about its credentials, for the help after a 401 (a `ResolvedConfig` fits). */
export interface CredentialFacts {
  readonly projectId?: string | null;
  readonly configFile?: string;
  readonly sources?: {
    readonly secretKey: ConfigSource;
    readonly accessKey: ConfigSource;
    readonly projectId: ConfigSource;
  };
}

/** The sentences appended to a 401: where the key came from, and what to check. */
export function authenticationHelp(facts: CredentialFacts): string {
  const sources = facts.sources;
  const checks = ["the key is not revoked, expired or mistyped (Scaleway console: IAM > API keys)"];
  if (sources === undefined) {
    checks.push("it is the secret key of the API key meant for this project");
    return `Check that ${checks.join(", and that ")}.`;
  }
  const secret = sources.secretKey;
  const lines = [`The secret key was taken from ${sourceWords(secret)}.`];
  if (secret.kind === "stack" || secret.kind === "env") {
    const file = facts.configFile === undefined ? "" : ` (${facts.configFile})`;
    lines.push(
      secret.kind === "stack"
        ? `It wins over SCW_SECRET_KEY and the Scaleway CLI config file${file}.`
        : `It wins over the Scaleway CLI config file${file}.`,
    );
  }
  if (secret.kind === "file")
    checks.push(
      secret.profile === null
        ? "the file's top-level keys are the ones you meant (choose a profile with SCW_PROFILE or active_profile)"
        : `profile "${secret.profile}" is the one you meant (choose another with SCW_PROFILE or active_profile)`,
    );
  if (sources.accessKey.kind !== "unset")
    checks.push(
      `the access key from ${sourceWords(sources.accessKey)} is the one paired with this secret key`,
    );
  if (facts.projectId)
    checks.push(
      `the key's organization owns project ${facts.projectId} (from ${sourceWords(sources.projectId)})`,
    );
  lines.push(`Check that ${checks.join(", that ")}.`);
  return lines.join(" ");
}
