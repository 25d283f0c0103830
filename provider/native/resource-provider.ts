/**
 * What the plugin does, in plain objects (server.ts turns gRPC messages into these calls and back).
 * Every resource call goes to the dynamic door's own provider of the kind (makeDynamicProvider over
 * provider/resources), built per call with hooks bound to this instance's configuration and to the
 * call's custom timeout; this file only adds what the native protocol has and the dynamic one has
 * not: the resource name from the URN, a detailed diff, the defaults an import needs, timeouts,
 * and invokes.
 */
import { createLbClient, DEFAULT_DEADLINE_MS, type LbClient } from "../client/client";
import { resolveConfig, resolveDefaults } from "../client/config";
import { isScalewayError } from "../client/errors";
import { createTokenBucket, type RateLimiter } from "../client/rate-limit";
import { createUndiciTransport, type Transport } from "../client/transport";
import { type CheckEnvironment, checkResource, RESERVED_INPUTS } from "../core/check-resource";
import { diffResource } from "../core/diff";
import type { Json, ResourceDefinition } from "../core/property";
import type { ResourceContext } from "../resources/context";
import { type DynamicProvider, makeDynamicProvider } from "../resources/dynamic-provider";
import { kinds, type ResourceKind } from "../resources/kinds";
import { CreatedButFailed, type Props } from "../resources/operations";
import { configInput, PROVIDER_PACKAGE, type ProviderConfig, readProviderConfig } from "./config";
import { detailedDiff, type PropertyChange } from "./detailed-diff";
import type { FunctionTable } from "./functions";

export interface CheckOutcome {
  readonly inputs: Props;
  readonly failures: readonly { property: string; reason: string }[];
}

export interface DiffOutcome {
  readonly changes: boolean;
  readonly replaces: readonly string[];
  readonly deleteBeforeReplace: boolean;
  /** Top-level properties that changed. */
  readonly diffs: readonly string[];
  readonly detailedDiff: readonly PropertyChange[];
}

/** A Create/Update/Delete's `customTimeouts` value, in seconds; 0 when the program set none. */
export type TimeoutSeconds = number;

export type Operation = "create" | "update" | "delete";

const PROJECT_SOURCES = `provider setting ${PROVIDER_PACKAGE}:projectId, the SCW_DEFAULT_PROJECT_ID environment variable, or default_project_id in the Scaleway CLI config file`;

export class NativeProvider {
  private config: ProviderConfig = {};
  /** One rate limiter and one connection pool per provider instance (per plugin process). */
  private readonly limiter: RateLimiter;
  private transport: Transport | undefined;
  private client: LbClient | undefined;

  constructor(private readonly functions: FunctionTable = {}) {
    const rate = Number(process.env.SCW_LB_RATE_LIMIT);
    this.limiter = createTokenBucket(Number.isFinite(rate) && rate > 0 ? { ratePerSecond: rate } : {});
  }

  /** CheckConfig: the provider's settings, validated (unknown keys, and a zone/URL that cannot work). */
  checkConfig(news: Readonly<Record<string, unknown>>): CheckOutcome {
    const { config, failures } = readProviderConfig(news);
    const all = [...failures];
    if (failures.length === 0) {
      try {
        resolveDefaults(configInput(config));
      } catch (error) {
        all.push({ property: "zone", reason: message(error) });
      }
    }
    const inputs: Props = {};
    for (const [key, value] of Object.entries(news)) if (isJson(value)) inputs[key] = value;
    return { inputs, failures: all };
  }

  /** DiffConfig: a changed setting is an in-place change of the provider (never a replacement). */
  diffConfig(olds: Readonly<Record<string, unknown>>, news: Readonly<Record<string, unknown>>): string[] {
    const before = readProviderConfig(olds).config;
    const after = readProviderConfig(news).config;
    const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
    return [...keys].filter((k) => Reflect.get(before, k) !== Reflect.get(after, k)).sort();
  }

  configure(args: Readonly<Record<string, unknown>>): void {
    const { config, failures } = readProviderConfig(args);
    if (failures.length > 0)
      throw new Error(
        `${PROVIDER_PACKAGE} provider configuration: ${failures.map((f) => `${f.property} ${f.reason}`).join("; ")}`,
      );
    this.config = config;
    void this.transport?.close();
    this.transport = undefined;
    this.client = undefined;
  }

  async check(urn: string, olds: Props, news: Props): Promise<CheckOutcome> {
    // The native SDK passes no hidden identity (resource name, project, stack): the URN has it.
    const named = { ...urnIdentity(urn), ...news };
    // An object adopted with the `import` option keeps its name when the program gives none (its
    // olds are what the API says, without the auto-name marker a create leaves).
    const keepName =
      news.name === undefined &&
      typeof olds.name === "string" &&
      olds[RESERVED_INPUTS.autoNamed] === undefined;
    const previous = keepName ? { ...olds, [RESERVED_INPUTS.autoNamed]: true } : olds;
    const result = await this.door(urn).check(previous, named);
    return { inputs: result.inputs, failures: result.failures };
  }

  async diff(urn: string, olds: Props, rawNews: Props): Promise<DiffOutcome> {
    const { definition } = kindOf(urn);
    // The engine also diffs unchecked inputs (a refresh compares the refreshed outputs with the
    // stored inputs of an import): what check would fill for provider-side settings counts as
    // given. (Create-time flags need nothing: the diff skips them where no create of ours recorded them.)
    const news = this.withLocalDefaults(definition, rawNews, rawNews);
    const outcome = diffResource(definition, olds, news);
    return {
      changes: outcome.changes,
      replaces: outcome.replaces,
      deleteBeforeReplace: outcome.deleteBeforeReplace,
      diffs: outcome.changed,
      detailedDiff: detailedDiff(definition, olds, news, outcome.replaces),
    };
  }

  async create(urn: string, inputs: Props, timeout: TimeoutSeconds): Promise<{ id: string; outs: Props }> {
    return this.bounded(urn, "create", timeout, (door) => door.create(inputs));
  }

  /**
   * Read for refresh and import. An import has no stored props: the inputs are what the API says,
   * and the outputs also get the provider-side settings check fills in (`local` inputs), so the
   * imported object diffs clean against its own inputs. Create-time flags stay unrecorded: no one
   * knows how the object was created, and the diff never compares an unrecorded flag of state our
   * create did not write (core/diff.ts), whatever the program declares (`pulumi import`'s
   * generated program, or a program with the `import` option and other inputs).
   */
  async read(
    urn: string,
    id: string,
    props: Props,
    oldInputs: Props,
  ): Promise<{ id: string; props: Props; inputs: Props }> {
    const result = await this.door(urn).read(id, props);
    const inputs = result.inputs ?? {};
    const { definition } = kindOf(urn);
    if (result.id === "") return { id: "", props: result.props, inputs };
    if (Object.keys(props).length > 0) {
      // A refresh: what the API never reports stays an input only if it was one (an imported
      // object's inputs never held these values, and a refresh must not add them).
      for (const [name, prop] of Object.entries(definition.inputs))
        if ((prop.createOnly || prop.policy === "local") && oldInputs[name] === undefined)
          delete inputs[name];
      return { id: result.id, props: result.props, inputs };
    }
    const completed = this.withLocalDefaults(definition, result.props, inputs);
    return { id: result.id, props: completed, inputs };
  }

  async update(urn: string, id: string, olds: Props, news: Props, timeout: TimeoutSeconds): Promise<Props> {
    const result = await this.bounded(urn, "update", timeout, (door) => door.update(id, olds, news));
    return result.outs;
  }

  async delete(urn: string, id: string, props: Props, timeout: TimeoutSeconds): Promise<void> {
    await this.bounded(urn, "delete", timeout, (door) => door.delete(id, props));
  }

  /** An invoke: a function of the table, called with this instance's API context. */
  async invoke(token: string, args: Props): Promise<Props> {
    const fn = this.functions[token];
    if (!fn) {
      const known = Object.keys(this.functions);
      throw new Error(
        `${PROVIDER_PACKAGE}: unknown function ${token}${known.length ? `: known are ${known.join(", ")}` : ""}`,
      );
    }
    return fn(this.context(0), args);
  }

  /**
   * `target` plus, where it has none, the value check fills from `inputs` for each provider-side
   * setting (`local` inputs, never reported by the API): what makes an imported object's outputs
   * and its inputs diff clean.
   */
  private withLocalDefaults(definition: ResourceDefinition, target: Props, inputs: Props): Props {
    const checked = checkResource(definition, {}, inputs, this.environment()).inputs;
    const completed: Props = { ...target };
    for (const [name, prop] of Object.entries(definition.inputs)) {
      const value = checked[name];
      if (completed[name] === undefined && value !== undefined && prop.policy === "local")
        completed[name] = value;
    }
    return completed;
  }

  /** Runs a resource operation whose waits are bounded by the call's custom timeout. */
  private async bounded<T>(
    urn: string,
    operation: Operation,
    timeout: TimeoutSeconds,
    run: (door: DynamicProvider) => Promise<T>,
  ): Promise<T> {
    try {
      return await run(this.door(urn, timeout));
    } catch (error) {
      if (timeout > 0 && error instanceof Error && timedOut(error)) {
        // Same error object, so a created-but-failed error still carries its id and properties.
        const explained = `${kindOf(urn).definition.kind} ${urnName(urn)}: ${operation} did not finish within its custom timeout (customTimeouts.${operation} = ${timeout}s): ${error.message}`;
        error.message = explained;
        if (error instanceof CreatedButFailed) error.reasons.splice(0, error.reasons.length, explained);
      }
      throw error;
    }
  }

  private door(urn: string, timeout: TimeoutSeconds = 0): DynamicProvider {
    const { definition, operations } = kindOf(urn);
    return makeDynamicProvider(definition, operations, {
      environment: () => this.environment(),
      context: () => this.context(timeout),
    });
  }

  private environment(): CheckEnvironment {
    const config = resolveDefaults(configInput(this.config));
    return {
      defaultZone: config.zone,
      defaultProjectId: config.projectId ?? undefined,
      projectIdSources: PROJECT_SOURCES,
    };
  }

  /** The API context; with a timeout, a client whose operations and waits end by then. */
  private context(timeout: TimeoutSeconds): ResourceContext {
    const config = resolveConfig(configInput(this.config));
    this.transport ??= createUndiciTransport();
    const shared = { config, rateLimiter: this.limiter, transport: this.transport };
    if (timeout > 0) {
      const ms = Math.round(timeout * 1000);
      const api = createLbClient({
        ...shared,
        deadlineMs: Math.min(ms, DEFAULT_DEADLINE_MS),
        wait: { timeoutMs: ms },
      });
      return { api, env: this.environment() };
    }
    this.client ??= createLbClient(shared);
    return { api: this.client, env: this.environment() };
  }
}

/** `urn:pulumi:stack::project::scaleway-lb:index:LoadBalancer::web` → its kind's definition and operations. */
function kindOf(urn: string): ResourceKind {
  const type = urn.split("::")[2] ?? "";
  const token = type.slice(type.lastIndexOf("$") + 1);
  const prefix = `${PROVIDER_PACKAGE}:index:`;
  const found = token.startsWith(prefix) ? kinds[token.slice(prefix.length)] : undefined;
  if (!found)
    throw new Error(
      `${PROVIDER_PACKAGE}: unknown resource type ${token}: known are ${Object.keys(kinds)
        .map((k) => prefix + k)
        .join(", ")}`,
    );
  return found;
}

/** A waiter or deadline ran out, here or in the step that made a create fail after the fact. */
function timedOut(error: Error): boolean {
  const isTimeout = (e: unknown) => isScalewayError(e) && e.kind === "timeout";
  return isTimeout(error) || isTimeout(error.cause);
}

function urnName(urn: string): string {
  return urn.slice(urn.lastIndexOf("::") + 2);
}

/** `urn:pulumi:<stack>::<project>::<type>::<name>` as the hidden inputs the dynamic SDK passes. */
function urnIdentity(urn: string): Props {
  const [head = "", project = ""] = urn.split("::");
  return {
    [RESERVED_INPUTS.resourceName]: urnName(urn),
    [RESERVED_INPUTS.project]: project,
    [RESERVED_INPUTS.stack]: head.split(":")[2] ?? "",
  };
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function isJson(value: unknown): value is Json {
  return value !== undefined;
}
