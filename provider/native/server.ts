/**
 * The `pulumirpc.ResourceProvider` gRPC service of the plugin: each method unpacks its request into
 * plain values, calls the NativeProvider, and packs the answer. Methods the plugin does not serve
 * (Construct, Call, List, Parameterize, mappings) are left to grpc-js, which answers UNIMPLEMENTED,
 * as the engine expects of a provider without them.
 */
import type { ServerUnaryCall, sendUnaryData, UntypedServiceImplementation } from "@grpc/grpc-js";
import { CreatedButFailed } from "../resources/operations";
import { PROVIDER_PACKAGE } from "./config";
import type { PropertyChangeKind } from "./detailed-diff";
import type { NativeProvider } from "./resource-provider";
import type { PulumiRpc } from "./rpc";
import { propsOf, type StructLike, structValue } from "./values";

export interface ServerOptions {
  readonly rpc: PulumiRpc;
  readonly provider: NativeProvider;
  readonly version: string;
  /** The JSON schema text served by GetSchema. */
  readonly schema: () => string;
  /** Called when the engine asks the plugin to stop (Cancel). */
  readonly onCancel?: () => void;
}

// Request messages are read through the generated getters; the exact class is the method's.
type Request = Record<string, (...args: never[]) => unknown>;
type Call = ServerUnaryCall<Request, unknown>;
type Done = sendUnaryData<unknown>;

export function providerService(options: ServerOptions): UntypedServiceImplementation {
  const { rpc, provider } = options;
  const pb = rpc.provider;
  const struct = (props: Readonly<Record<string, unknown>>) =>
    rpc.struct.Struct.fromJavaScript(structValue(props));
  const get = <T>(call: Call, getter: string): T => (call.request[getter] as () => T).call(call.request);
  const props = (call: Call, getter: string) => propsOf(get<StructLike | undefined>(call, getter));
  // What the resource methods' requests share.
  const urn = (call: Call) => get<string>(call, "getUrn");
  const id = (call: Call) => get<string>(call, "getId");
  const timeout = (call: Call) => get<number>(call, "getTimeout");
  const properties = (call: Call) => props(call, "getProperties");

  const failures = (list: readonly { property: string; reason: string }[]) =>
    list.map((f) => {
      const failure = new pb.CheckFailure();
      failure.setProperty(f.property);
      failure.setReason(f.reason);
      return failure;
    });

  /** Runs a handler; an error answers the call, with the created object attached when there is one. */
  const unary =
    (handler: (call: Call) => Promise<unknown> | unknown) =>
    (call: Call, callback: Done): void => {
      Promise.resolve()
        .then(() => handler(call))
        .then(
          (response) => callback(null, response),
          (error: unknown) => callback(grpcError(rpc, error, struct)),
        );
    };

  const kinds: Record<PropertyChangeKind, [number, number]> = {
    add: [pb.PropertyDiff.Kind.ADD, pb.PropertyDiff.Kind.ADD_REPLACE],
    delete: [pb.PropertyDiff.Kind.DELETE, pb.PropertyDiff.Kind.DELETE_REPLACE],
    update: [pb.PropertyDiff.Kind.UPDATE, pb.PropertyDiff.Kind.UPDATE_REPLACE],
  };

  return {
    getPluginInfo: unary(() => new rpc.plugin.PluginInfo().setVersion(options.version)),

    getSchema: unary((call) => {
      const version = get<number>(call, "getVersion");
      if (version !== 0) throw new Error(`${PROVIDER_PACKAGE}: unsupported schema version ${version}`);
      return new pb.GetSchemaResponse().setSchema(options.schema());
    }),

    checkConfig: unary((call) => {
      const result = provider.checkConfig(props(call, "getNews"));
      return new pb.CheckResponse()
        .setInputs(struct(result.inputs))
        .setFailuresList(failures(result.failures));
    }),

    diffConfig: unary((call) => {
      const changed = provider.diffConfig(props(call, "getOlds"), props(call, "getNews"));
      const response = new pb.DiffResponse()
        .setChanges(
          changed.length ? pb.DiffResponse.DiffChanges.DIFF_SOME : pb.DiffResponse.DiffChanges.DIFF_NONE,
        )
        .setDiffsList(changed);
      return response;
    }),

    configure: unary((call) => {
      const args = get<StructLike | undefined>(call, "getArgs");
      const settings: Record<string, unknown> = args
        ? propsOf(args)
        : Object.fromEntries(get<Map<string, string>>(call, "getVariablesMap").entries());
      provider.configure(settings);
      return new pb.ConfigureResponse()
        .setAcceptsecrets(false)
        .setSupportspreview(false)
        .setAcceptresources(false)
        .setAcceptoutputs(false);
    }),

    check: unary(async (call) => {
      const result = await provider.check(urn(call), props(call, "getOlds"), props(call, "getNews"));
      return new pb.CheckResponse()
        .setInputs(struct(result.inputs))
        .setFailuresList(failures(result.failures));
    }),

    diff: unary(async (call) => {
      const result = await provider.diff(urn(call), props(call, "getOlds"), props(call, "getNews"));
      const response = new pb.DiffResponse()
        .setChanges(
          result.changes ? pb.DiffResponse.DiffChanges.DIFF_SOME : pb.DiffResponse.DiffChanges.DIFF_NONE,
        )
        .setReplacesList([...result.replaces])
        .setDeletebeforereplace(result.deleteBeforeReplace)
        .setDiffsList([...result.diffs])
        .setHasdetaileddiff(true);
      const detailed = response.getDetaileddiffMap();
      for (const change of result.detailedDiff) {
        const [plain, replace] = kinds[change.kind];
        // inputDiff false: paths index the old outputs, which the diff compared.
        detailed.set(
          change.path,
          new pb.PropertyDiff().setKind(change.replace ? replace : plain).setInputdiff(false),
        );
      }
      return response;
    }),

    create: unary(async (call) => {
      const result = await provider.create(urn(call), properties(call), timeout(call));
      return new pb.CreateResponse().setId(result.id).setProperties(struct(result.outs));
    }),

    read: unary(async (call) => {
      const result = await provider.read(urn(call), id(call), properties(call), props(call, "getInputs"));
      const response = new pb.ReadResponse().setId(result.id);
      if (result.id !== "") response.setProperties(struct(result.props)).setInputs(struct(result.inputs));
      return response;
    }),

    update: unary(async (call) => {
      const outs = await provider.update(
        urn(call),
        id(call),
        props(call, "getOlds"),
        props(call, "getNews"),
        timeout(call),
      );
      return new pb.UpdateResponse().setProperties(struct(outs));
    }),

    delete: unary(async (call) => {
      await provider.delete(urn(call), id(call), properties(call), timeout(call));
      return new rpc.empty.Empty();
    }),

    invoke: unary(async (call) => {
      const outputs = await provider.invoke(get(call, "getTok"), props(call, "getArgs"));
      return new pb.InvokeResponse().setReturn(struct(outputs));
    }),

    cancel: unary(() => {
      options.onCancel?.();
      return new rpc.empty.Empty();
    }),

    attach: unary(() => new rpc.empty.Empty()),
  };
}

/**
 * The gRPC error of a failed call. A create that succeeded but did not finish carries its id and
 * properties in `ErrorResourceInitFailed`, so the engine records the object instead of leaking it.
 */
function grpcError(
  rpc: PulumiRpc,
  error: unknown,
  struct: (props: Readonly<Record<string, unknown>>) => InstanceType<PulumiRpc["struct"]["Struct"]>,
): Partial<import("@grpc/grpc-js").StatusObject> {
  const message = error instanceof Error ? error.message : String(error);
  const metadata = new rpc.grpc.Metadata();
  if (error instanceof CreatedButFailed) {
    const detail = new rpc.provider.ErrorResourceInitFailed()
      .setId(error.id)
      .setProperties(struct(error.properties))
      .setReasonsList(error.reasons);
    const packed = new rpc.any.Any();
    packed.pack(detail.serializeBinary(), "pulumirpc.ErrorResourceInitFailed");
    const status = new rpc.status.Status().setCode(rpc.grpc.status.UNKNOWN).setMessage(message);
    status.addDetails(packed);
    metadata.add("grpc-status-details-bin", Buffer.from(status.serializeBinary()));
  }
  return { code: rpc.grpc.status.UNKNOWN, details: message, metadata };
}
