/**
 * The dynamic-provider process is started by the engine with the engine's address as argument,
 * and nothing in it checks that the engine is still there: after a killed `pulumi up` it would
 * keep running, and keep polling the cloud API for operations nobody will record. `configure`
 * starts this watchdog: once a second it connects to the engine's address (a TCP connect, like a
 * gRPC health check but with no client to hold); when the engine refuses twice in a row it is
 * gone, and the process exits. The timer never keeps the process alive by itself.
 */
import { connect } from "node:net";

export const ENGINE_CHECK_INTERVAL_MS = 1_000;
/** Consecutive refusals that mean "gone" (one may be a transient hiccup). */
export const ENGINE_GONE_AFTER = 2;

/** `host:port` of the engine when this process is the dynamic-provider plugin, else null. */
export function engineAddress(argv: readonly string[]): { host: string; port: number } | null {
  if (!(argv[1] ?? "").replace(/\\/g, "/").includes("/cmd/dynamic-provider")) return null;
  for (const arg of argv.slice(2)) {
    const match = /^(\[[^\]]+\]|[A-Za-z0-9.-]+):(\d{1,5})$/.exec(arg);
    if (match?.[1] && match[2]) return { host: match[1].replace(/^\[|\]$/g, ""), port: Number(match[2]) };
  }
  return null;
}

/** True when a TCP connection to the address is refused (nobody listens any more). */
function refused(address: { host: string; port: number }): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: address.host, port: address.port });
    socket.unref();
    socket.setTimeout(ENGINE_CHECK_INTERVAL_MS, () => {
      socket.destroy();
      resolve(false);
    });
    socket.once("connect", () => {
      socket.destroy();
      resolve(false);
    });
    socket.once("error", (error: NodeJS.ErrnoException) => {
      socket.destroy();
      resolve(error.code === "ECONNREFUSED");
    });
  });
}

let watching = false;

/** Starts the watchdog once per process, when this process is the dynamic-provider plugin. */
export function watchEngine(
  argv: readonly string[] = process.argv,
  onGone: () => void = () => {
    process.stderr.write("pulumi-scaleway-lb: the Pulumi engine is gone; stopping the provider\n");
    process.exit(1);
  },
): void {
  const address = engineAddress(argv);
  if (watching || address === null) return;
  watching = true;
  let refusals = 0;
  let checking = false;
  const timer = setInterval(async () => {
    if (checking) return;
    checking = true;
    refusals = (await refused(address)) ? refusals + 1 : 0;
    checking = false;
    if (refusals >= ENGINE_GONE_AFTER) {
      clearInterval(timer);
      onGone();
    }
  }, ENGINE_CHECK_INTERVAL_MS);
  timer.unref();
}
