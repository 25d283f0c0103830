/**
 * What the serialized dynamic-provider shim (shim.js) loads at call time: `configure` and the
 * provider of each resource kind. A permanent public subpath (`pulumi-scaleway-lb/provider-runtime`):
 * never move it, and keep reading every earlier state layout.
 *
 * Nothing is created at import: the stack config arrives with `configure`, credentials are resolved
 * on the first API call (stack config, then SCW_* variables, then the Scaleway CLI config file), and
 * one client — with one rate limiter (20 requests/s, or SCW_LB_RATE_LIMIT) — serves every resource
 * of this provider process.
 */
import "./node-guard";
import { resolveConfig, resolveDefaults, STACK_CONFIG_KEYS } from "./client/config";
import { createTokenBucket } from "./client/rate-limit";
import type { CheckEnvironment } from "./core/check-resource";
import { watchEngine } from "./engine-watchdog";
import { attributed, startResourceLog } from "./resource-log";
import { aclDefinition } from "./resources/acl/definition";
import { aclOperations } from "./resources/acl/operations";
import { backendDefinition } from "./resources/backend/definition";
import { backendOperations } from "./resources/backend/operations";
import { certificateDefinition } from "./resources/certificate/definition";
import { certificateOperations } from "./resources/certificate/operations";
import type { ResourceContext } from "./resources/context";
import { type DynamicProvider, makeDynamicProvider } from "./resources/dynamic-provider";
import { frontendDefinition } from "./resources/frontend/definition";
import { frontendOperations } from "./resources/frontend/operations";
import { ipDefinition } from "./resources/ip/definition";
import { ipOperations } from "./resources/ip/operations";
import { loadBalancerDefinition } from "./resources/load-balancer/definition";
import { loadBalancerOperations } from "./resources/load-balancer/operations";
import { privateNetworkDefinition } from "./resources/private-network/definition";
import { privateNetworkOperations } from "./resources/private-network/operations";
import { routeDefinition } from "./resources/route/definition";
import { routeOperations } from "./resources/route/operations";

/** The part of Pulumi's ConfigureRequest the runtime uses (the whole stack config, namespaced keys). */
export interface ConfigureRequest {
  readonly config: { get(key: string): string | undefined };
}

interface RuntimeState {
  stackConfig: ((key: string) => string | undefined) | undefined;
  context: ResourceContext | undefined;
  /** What the context was made from: the scaleway:* stack config and the SCW_* variables. */
  configuredWith: string | undefined;
}

const state: RuntimeState = { stackConfig: undefined, context: undefined, configuredWith: undefined };

function configurationOf(req: ConfigureRequest): string {
  const stack = Object.values(STACK_CONFIG_KEYS).map((key) => req.config.get(key) ?? "");
  const env = Object.keys(process.env)
    .filter((name) => name.startsWith("SCW_"))
    .sort()
    .map((name) => `${name}=${process.env[name]}`);
  return JSON.stringify([stack, env]);
}

/**
 * Called by the engine before the first call of each resource kind (the dynamic-provider host
 * configures each kind's shim once). The same configuration keeps the client: one connection
 * pool and one rate limiter for every kind of the process.
 */
export async function configure(req: ConfigureRequest): Promise<void> {
  // In the dynamic-provider process: exit when the engine is gone (a killed `pulumi up`).
  watchEngine();
  const configuredWith = configurationOf(req);
  state.stackConfig = (key) => req.config.get(key);
  if (configuredWith !== state.configuredWith) state.context = undefined;
  state.configuredWith = configuredWith;
  // Before any resource call, so that SCW_LB_DEBUG lines can name the resource of their call.
  startResourceLog(process.env);
}

/** For tests and tools that drive the providers outside the engine: forget configuration and client. */
export function reset(): void {
  state.stackConfig = undefined;
  state.context = undefined;
  state.configuredWith = undefined;
}

const PROJECT_SOURCES =
  "stack config scaleway:projectId, the SCW_DEFAULT_PROJECT_ID environment variable, or default_project_id in the Scaleway CLI config file";

/** Zone and project defaults for check: no secret key needed, so a preview works without one. */
function environment(): CheckEnvironment {
  const config = resolveDefaults({ stackConfig: state.stackConfig });
  return {
    defaultZone: config.zone,
    defaultProjectId: config.projectId ?? undefined,
    projectIdSources: PROJECT_SOURCES,
  };
}

function context(): ResourceContext {
  if (state.context) return state.context;
  const config = resolveConfig({ stackConfig: state.stackConfig });
  // Loaded on the first API call, not at import: a preview only checks and diffs, and the HTTP
  // client (undici, the wire schemas) is a third of the runtime's load time (scripts/bench/README.md).
  const { createLbClient } = require("./client/client") as typeof import("./client/client");
  // One bucket for every resource of the process: the engine runs many steps at once.
  const rate = Number(process.env.SCW_LB_RATE_LIMIT);
  const api = createLbClient({
    config,
    rateLimiter: createTokenBucket(Number.isFinite(rate) && rate > 0 ? { ratePerSecond: rate } : {}),
    logger: startResourceLog(process.env),
  });
  state.context = { api, env: environment() };
  return state.context;
}

const hooks = { environment, context };

const providers: Readonly<Record<string, DynamicProvider>> = {
  LoadBalancer: makeDynamicProvider(loadBalancerDefinition, loadBalancerOperations, hooks),
  Ip: makeDynamicProvider(ipDefinition, ipOperations, hooks),
  Backend: makeDynamicProvider(backendDefinition, backendOperations, hooks),
  Frontend: makeDynamicProvider(frontendDefinition, frontendOperations, hooks),
  Route: makeDynamicProvider(routeDefinition, routeOperations, hooks),
  Acl: makeDynamicProvider(aclDefinition, aclOperations, hooks),
  Certificate: makeDynamicProvider(certificateDefinition, certificateOperations, hooks),
  PrivateNetwork: makeDynamicProvider(privateNetworkDefinition, privateNetworkOperations, hooks),
};

/** The same providers, each call's debug lines shown under its resource (resource-log.ts). */
const attributedProviders: Readonly<Record<string, DynamicProvider>> = Object.fromEntries(
  Object.entries(providers).map(([kind, provider]) => [kind, attributed(provider)]),
);

/** The provider of one resource kind (`LoadBalancer`, `Backend`, …), as the shim asks for it. */
export function provider(kind: string): DynamicProvider {
  const found = providers[kind];
  if (!found)
    throw new Error(
      `pulumi-scaleway-lb: unknown resource kind "${kind}" (state written by a newer version?)`,
    );
  return attributedProviders[kind] ?? found;
}
