/** Health check input (§3.5, §4.3): one config member at most, `tcp_config` when none. */
import { z } from "zod";
import { invalidArguments } from "../errors";
import type { HealthCheckConfig, HealthCheckRecord } from "../records";
import { duration, ms, opt, port, uint32 } from "../validation";

const CONFIG_KEYS = [
  "tcp_config",
  "mysql_config",
  "pgsql_config",
  "ldap_config",
  "redis_config",
  "http_config",
  "https_config",
] as const;

const httpFields = {
  uri: opt(z.string().max(1024)),
  method: opt(z.string().max(32)),
  code: opt(z.number().int().min(100).max(599)),
  host_header: opt(z.string().regex(/^[^\s]*$/, { message: "must not contain spaces" })),
};

export const healthCheckSchema = z.object({
  port: opt(port),
  check_delay: opt(ms),
  check_timeout: opt(ms),
  check_max_retries: opt(uint32),
  check_send_proxy: opt(z.boolean()),
  transient_check_delay: opt(duration),
  tcp_config: opt(z.object({})),
  mysql_config: opt(z.object({ user: z.string() })),
  pgsql_config: opt(z.object({ user: z.string() })),
  ldap_config: opt(z.object({})),
  redis_config: opt(z.object({})),
  http_config: opt(z.object(httpFields)),
  https_config: opt(z.object({ ...httpFields, sni: opt(z.string().max(255)) })),
});

export type HealthCheckInput = z.output<typeof healthCheckSchema>;

function configOf(input: HealthCheckInput, prefix: string): HealthCheckConfig {
  const set = CONFIG_KEYS.filter((key) => input[key] !== undefined && input[key] !== null);
  if (set.length > 1) {
    throw invalidArguments(
      set.map((key) => ({
        argumentName: `${prefix}${key}`,
        reason: "constraint" as const,
        helpMessage: `only one of ${CONFIG_KEYS.join(", ")} may be set`,
      })),
    );
  }
  if (input.mysql_config) return { kind: "mysql", user: input.mysql_config.user };
  if (input.pgsql_config) return { kind: "pgsql", user: input.pgsql_config.user };
  if (input.ldap_config) return { kind: "ldap" };
  if (input.redis_config) return { kind: "redis" };
  const http = input.http_config ?? input.https_config;
  if (http) {
    const common = {
      uri: http.uri || "/",
      method: http.method || "GET",
      code: http.code ?? null,
      hostHeader: http.host_header ?? "",
    };
    if (input.https_config) return { kind: "https", ...common, sni: input.https_config.sni ?? "" };
    return { kind: "http", ...common };
  }
  return { kind: "tcp" };
}

/**
 * Server-side defaults as observed: `check_delay` 3000 ms, `check_timeout` 1000 ms,
 * `transient_check_delay` left null (§4.3); the port follows the backend's port when omitted.
 */
export function toHealthCheck(input: HealthCheckInput, defaultPort: number, prefix = ""): HealthCheckRecord {
  return {
    port: input.port ?? defaultPort,
    checkDelay: input.check_delay ?? 3000,
    checkTimeout: input.check_timeout ?? 1000,
    checkMaxRetries: input.check_max_retries ?? 3,
    checkSendProxy: input.check_send_proxy ?? false,
    transientCheckDelay: input.transient_check_delay ?? null,
    config: configOf(input, prefix),
  };
}
