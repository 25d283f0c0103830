/**
 * Pulumi's gRPC runtime and generated protocol modules, loaded from the installed @pulumi/pulumi
 * (a peer dependency that ships them): the plugin speaks exactly the protocol of the SDK version
 * the program uses, and the package needs no dependency of its own for it.
 */
import { createRequire } from "node:module";

type Grpc = typeof import("@grpc/grpc-js");
type ProviderPb = typeof import("@pulumi/pulumi/proto/provider_pb");
type ProviderGrpcPb = typeof import("@pulumi/pulumi/proto/provider_grpc_pb");
type PluginPb = typeof import("@pulumi/pulumi/proto/plugin_pb");
type StatusPb = typeof import("@pulumi/pulumi/proto/status_pb");
type StructPb = typeof import("google-protobuf/google/protobuf/struct_pb");
type EmptyPb = typeof import("google-protobuf/google/protobuf/empty_pb");
type AnyPb = typeof import("google-protobuf/google/protobuf/any_pb");

export interface PulumiRpc {
  readonly grpc: Grpc;
  readonly provider: ProviderPb;
  readonly service: ProviderGrpcPb;
  readonly plugin: PluginPb;
  readonly status: StatusPb;
  readonly struct: StructPb;
  readonly empty: EmptyPb;
  readonly any: AnyPb;
}

export function loadPulumiRpc(): PulumiRpc {
  const fromPulumi = createRequire(require.resolve("@pulumi/pulumi/package.json"));
  return {
    grpc: fromPulumi("@grpc/grpc-js"),
    provider: fromPulumi("./proto/provider_pb"),
    service: fromPulumi("./proto/provider_grpc_pb"),
    plugin: fromPulumi("./proto/plugin_pb"),
    status: fromPulumi("./proto/status_pb"),
    struct: fromPulumi("google-protobuf/google/protobuf/struct_pb"),
    empty: fromPulumi("google-protobuf/google/protobuf/empty_pb"),
    any: fromPulumi("google-protobuf/google/protobuf/any_pb"),
  };
}
