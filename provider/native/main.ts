/**
 * The plugin process: `pulumi-resource-scaleway-lb [engine address]`. It serves the provider on a
 * free local port and prints the port, which is how the engine finds it; the engine ends the
 * process when it is done with it.
 */
import { generateSchema } from "../../scripts/generate/schema";
import { nativeFunctions } from "./function-table";
import type { FunctionTable } from "./functions";
import { packageVersion } from "./package-root";
import { NativeProvider } from "./resource-provider";
import { loadPulumiRpc } from "./rpc";
import { providerService } from "./server";

export interface ServeOptions {
  /** Functions served as invokes. @default nativeFunctions */
  readonly functions?: FunctionTable;
}

/** Starts serving and resolves with the port (already printed on stdout for the engine). */
export async function serve(options: ServeOptions = {}): Promise<number> {
  const rpc = loadPulumiRpc();
  const version = packageVersion();
  let schema: string | undefined;
  const server = new rpc.grpc.Server({
    "grpc.max_receive_message_length": 400 * 1024 * 1024,
    "grpc.max_send_message_length": 400 * 1024 * 1024,
  });
  server.addService(
    rpc.service.ResourceProviderService,
    providerService({
      rpc,
      provider: new NativeProvider(options.functions ?? nativeFunctions),
      version,
      schema: () => {
        schema ??= JSON.stringify(generateSchema(version, "native"));
        return schema;
      },
    }),
  );
  const port = await new Promise<number>((resolve, reject) => {
    server.bindAsync("127.0.0.1:0", rpc.grpc.ServerCredentials.createInsecure(), (error, bound) =>
      error ? reject(error) : resolve(bound),
    );
  });
  process.stdout.write(`${port}\n`);
  return port;
}
