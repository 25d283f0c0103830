/** Programmatic entry point: start an emulator on a free port, get its URL, close it. */
import { configPatchSchema, defaultConfig, type EmulatorConfigInput, mergeConfig } from "./config";
import { EmulatorRuntime } from "./runtime";
import { createEmulatorServer } from "./server";

export type {
  EmulatorConfig,
  EmulatorConfigInput,
  EmulatorTimings,
  FaultKind,
  FaultRule,
  LatencyMethod,
  Timing,
} from "./config";
export { defaultConfig, realisticLatency, realisticTimings } from "./config";

export interface EmulatorOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /**
   * Start configuration (a `Partial<EmulatorConfig>`; `timings` may also be partial);
   * `POST /__emulator/reset` comes back to it. Defaults: instant, no latency, no faults, a
   * request log of `requestLogLimit` (10,000) entries. Validated like `PUT /__emulator/config`.
   */
  config?: EmulatorConfigInput;
  /** Persist the store to this file (restored at start). */
  dataFile?: string;
  log?: (line: string) => void;
}

export interface RunningEmulator {
  /** `http://127.0.0.1:PORT` */
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

function urlOf(host: string, port: number): string {
  return `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
}

export function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const log = options.log ?? (() => undefined);
  const host = options.host ?? "127.0.0.1";
  const checked = configPatchSchema.safeParse(options.config ?? {});
  if (!checked.success) {
    const problems = checked.error.issues.map((i) => `${i.path.join(".") || "config"}: ${i.message}`);
    return Promise.reject(new Error(`invalid emulator configuration: ${problems.join("; ")}`));
  }
  const config = mergeConfig(defaultConfig(), options.config ?? {});
  let runtime: EmulatorRuntime;
  try {
    runtime = new EmulatorRuntime(config, options.dataFile, log);
  } catch (error) {
    return Promise.reject(error);
  }
  const server = createEmulatorServer(runtime, log);
  // Clients hold keep-alive sockets open; close() must not wait for them.
  server.keepAliveTimeout = 5_000;
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => {
      server.off("error", reject);
      const address = server.address();
      const port = typeof address === "object" && address !== null ? address.port : 0;
      resolve({
        url: urlOf(host, port),
        port,
        close: () =>
          new Promise<void>((done, fail) => {
            server.close((error) => {
              runtime.close();
              if (error) fail(error);
              else done();
            });
            server.closeAllConnections();
          }),
      });
    });
  });
}
