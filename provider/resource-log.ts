/**
 * The provider's debug lines (SCW_LB_DEBUG=1: one redacted line per API request) shown by the
 * engine under the resource whose step made the request, as a native provider's would be.
 *
 * How: a dynamic provider runs in a process that Pulumi's dynamic-provider host
 * (`@pulumi/pulumi/cmd/dynamic-provider`) starts with the engine's gRPC address as its argument,
 * and the engine's `Log` RPC takes the URN of the resource a line belongs to. The provider methods
 * are given no URN, but the request each call comes from carries one. So, with debugging on and
 * inside that host only: the host's request messages are taught to remember, for the inputs object
 * they hand over, the URN of their request (`teachRequests`); each provider call runs with that URN
 * as its async context (`attributed`); a line made during the call is sent to the engine's `Log`
 * under that URN, and the call returns once its lines are delivered.
 *
 * The first call of a provider process is special: the host reads its inputs before it loads this
 * package. Its URN is then found by id where the host reads the id later (diff, update, delete);
 * the first call of an up is a check, which makes no API call. What remains — the first read of a
 * refresh — and every line outside that host, or refused by the engine, goes to stderr (shown
 * under the stack, as before). A URN built from names (stack, project, type, `__resourceName`)
 * cannot replace it: the host is not told its stack, the engine's GetRootResource answers "" when
 * no program runs (tried in a destroy), and a component's child has its parent's type in its URN.
 * With debugging off, nothing here runs.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import { createRequire } from "node:module";
import { join } from "node:path";
import { debugEnabled, type LogSink, stderrSink } from "./client/logging";
import type { DynamicProvider } from "./resources/dynamic-provider";

/** The main module of the process the engine starts for dynamic providers. */
const HOST_MAIN = join("@pulumi", "pulumi", "cmd", "dynamic-provider", "index.js");

/** The request messages of the provider protocol and the getters that hand inputs to providers. */
const INPUT_GETTERS: Readonly<Record<string, readonly string[]>> = {
  CheckRequest: ["getOlds", "getNews"],
  DiffRequest: ["getOlds", "getNews"],
  CreateRequest: ["getProperties"],
  ReadRequest: ["getProperties"],
  UpdateRequest: ["getOlds", "getNews"],
  DeleteRequest: ["getProperties"],
};

/**
 * The requests whose id the host reads after it has loaded this package (it passes
 * `req.getId()` to the provider call): the URN is found by id for the first call of a process too.
 */
const ID_GETTERS: readonly string[] = ["DiffRequest", "UpdateRequest", "DeleteRequest", "ReadRequest"];

/** Shared by every copy of this module in the process: the host is patched once. */
const REGISTRY = Symbol.for("pulumi-scaleway-lb/resource-urns");
const PATCHED = Symbol.for("pulumi-scaleway-lb/urn-getter");

interface UrnRegistry {
  /** The URN of each inputs object the host handed over. */
  readonly byInputs: WeakMap<object, string>;
  /** The URN of the resource of each id the host read from a request. */
  readonly byId: Map<string, string>;
}

function urnRegistry(): UrnRegistry {
  const existing: unknown = Reflect.get(globalThis, REGISTRY);
  if (isObject(existing) && "byInputs" in existing && "byId" in existing) return existing as UrnRegistry;
  const created: UrnRegistry = { byInputs: new WeakMap(), byId: new Map() };
  Reflect.set(globalThis, REGISTRY, created);
  return created;
}

const currentUrn = new AsyncLocalStorage<string | undefined>();

interface Host {
  /** `require` from the host's own location: the very modules it uses. */
  readonly require: NodeRequire;
  readonly engineAddress: string;
}

function dynamicProviderHost(): Host | undefined {
  const main = require.main;
  if (!main?.filename.endsWith(HOST_MAIN)) return undefined;
  // The host takes the engine's address as its first argument.
  const engineAddress = process.argv[2];
  if (engineAddress === undefined || !/:\d+$/.test(engineAddress)) return undefined;
  return { require: createRequire(main.filename), engineAddress };
}

function isObject(value: unknown): value is object {
  return (typeof value === "object" && value !== null) || typeof value === "function";
}

/** The getters return a protobuf Struct; its `toJavaScript()` result is what the provider gets. */
function rememberUrnOfResult(struct: unknown, urn: string, urns: UrnRegistry): void {
  if (!isObject(struct)) return;
  const toJavaScript: unknown = Reflect.get(struct, "toJavaScript");
  if (typeof toJavaScript !== "function") return;
  Reflect.set(struct, "toJavaScript", function (this: unknown) {
    const value: unknown = toJavaScript.call(this);
    if (isObject(value)) urns.byInputs.set(value, urn);
    return value;
  });
}

/** Wraps one getter of a request message so that what it returns is linked to the request's URN. */
function teachGetter(
  messages: object,
  message: string,
  getter: string,
  remember: (result: unknown, urn: string) => void,
): void {
  const type: unknown = Reflect.get(messages, message);
  const prototype: unknown = isObject(type) ? Reflect.get(type, "prototype") : undefined;
  if (!isObject(prototype)) return;
  const original: unknown = Reflect.get(prototype, getter);
  if (typeof original !== "function" || Reflect.get(original, PATCHED) === true) return;
  const patched = function (this: unknown) {
    const result: unknown = original.call(this);
    const getUrn: unknown = isObject(this) ? Reflect.get(this, "getUrn") : undefined;
    const urn: unknown = typeof getUrn === "function" ? getUrn.call(this) : undefined;
    if (typeof urn === "string" && urn !== "") remember(result, urn);
    return result;
  };
  Reflect.set(patched, PATCHED, true);
  Reflect.set(prototype, getter, patched);
}

function teachRequests(host: Host): void {
  const messages: unknown = host.require("../../proto/provider_pb");
  if (!isObject(messages)) return;
  const urns = urnRegistry();
  for (const [message, getters] of Object.entries(INPUT_GETTERS)) {
    for (const getter of getters)
      teachGetter(messages, message, getter, (struct, urn) => rememberUrnOfResult(struct, urn, urns));
  }
  for (const message of ID_GETTERS) {
    teachGetter(messages, message, "getId", (id, urn) => {
      if (typeof id === "string" && id !== "") urns.byId.set(id, urn);
    });
  }
}

/** Sends one line to the engine's `Log` under a URN; resolves false when it was not delivered. */
type EngineLog = (urn: string, line: string) => Promise<boolean>;

function engineLog(host: Host): EngineLog | undefined {
  const grpc: unknown = host.require("@grpc/grpc-js");
  const services: unknown = host.require("../../proto/engine_grpc_pb");
  const messages: unknown = host.require("../../proto/engine_pb");
  const credentials: unknown = isObject(grpc) ? Reflect.get(grpc, "credentials") : undefined;
  const insecure: unknown = isObject(credentials) ? Reflect.get(credentials, "createInsecure") : undefined;
  const Client: unknown = isObject(services) ? Reflect.get(services, "EngineClient") : undefined;
  const Request: unknown = isObject(messages) ? Reflect.get(messages, "LogRequest") : undefined;
  const severities: unknown = isObject(messages) ? Reflect.get(messages, "LogSeverity") : undefined;
  const info: unknown = isObject(severities) ? Reflect.get(severities, "INFO") : undefined;
  if (typeof insecure !== "function" || typeof Client !== "function" || typeof Request !== "function")
    return undefined;
  if (typeof info !== "number") return undefined;
  const client: unknown = Reflect.construct(Client, [host.engineAddress, insecure.call(credentials)]);
  const log: unknown = isObject(client) ? Reflect.get(client, "log") : undefined;
  if (typeof log !== "function") return undefined;
  return (urn, line) =>
    new Promise((resolve) => {
      const request: unknown = Reflect.construct(Request, []);
      for (const [setter, value] of [
        ["setSeverity", info],
        ["setMessage", line],
        ["setUrn", urn],
      ] as const) {
        const set: unknown = isObject(request) ? Reflect.get(request, setter) : undefined;
        if (typeof set !== "function") return resolve(false);
        set.call(request, value);
      }
      log.call(client, request, (error: unknown) => resolve(!error));
    });
}

interface ResourceLogState {
  host: Host | undefined;
  /** Created at the first line, not at load: no socket is opened unless a line is sent. */
  engine: EngineLog | undefined | null;
  /** Lines are delivered in order; a call returns once its lines are. */
  delivered: Promise<void>;
}

const state: ResourceLogState = { host: undefined, engine: null, delivered: Promise.resolve() };

/**
 * Called by `configure`: with debugging on and inside the dynamic-provider host, teaches the host's
 * requests to remember their URN. Returns the sink of the request log, or null with debugging off.
 */
export function startResourceLog(env: Readonly<Record<string, string | undefined>>): LogSink | null {
  if (!debugEnabled(env)) return null;
  if (state.host === undefined) {
    state.host = dynamicProviderHost();
    try {
      if (state.host) teachRequests(state.host);
    } catch {
      // A host whose layout differs: lines go to stderr.
      state.host = undefined;
    }
  }
  return resourceLogSink;
}

function resourceLogSink(line: string): void {
  const urn = currentUrn.getStore();
  if (urn === undefined || state.host === undefined) {
    stderrSink(line);
    return;
  }
  if (state.engine === null) {
    try {
      state.engine = engineLog(state.host);
    } catch {
      state.engine = undefined;
    }
  }
  const send = state.engine;
  if (send === undefined) {
    stderrSink(line);
    return;
  }
  state.delivered = state.delivered
    .then(() => send(urn, line))
    .then((ok) => {
      if (!ok) stderrSink(line);
    });
}

/** Runs one provider call with the URN of its inputs or id (when known) as the owner of its lines. */
async function within<T>(inputs: unknown, id: string | undefined, call: () => Promise<T>): Promise<T> {
  const urns = urnRegistry();
  const urn = (isObject(inputs) ? urns.byInputs.get(inputs) : undefined) ?? urns.byId.get(id ?? "");
  try {
    return await currentUrn.run(urn, call);
  } finally {
    await state.delivered;
  }
}

/** The provider, with each call's lines attributed to the resource of the call. */
export function attributed(provider: DynamicProvider): DynamicProvider {
  return {
    check: (olds, news) => within(news, undefined, () => provider.check(olds, news)),
    diff: (id, olds, news) => within(news, id, () => provider.diff(id, olds, news)),
    create: (inputs) => within(inputs, undefined, () => provider.create(inputs)),
    read: (id, props) => within(props, id, () => provider.read(id, props)),
    update: (id, olds, news) => within(news, id, () => provider.update(id, olds, news)),
    delete: (id, props) => within(props, id, () => provider.delete(id, props)),
  };
}
