/**
 * An emulator for one test file, and what tests ask of its admin API: the API calls made since
 * the last reset (its request log) and its whole state — both parsed, not assumed.
 */
import { z } from "zod";
import { startEmulator } from "../../emulator";

const Id = z.looseObject({ id: z.string() });
const Named = z.looseObject({ id: z.string(), name: z.string() });

/** What tests read from `GET /__emulator/state` (wire objects, snake_case). */
export const EmulatorState = z.looseObject({
  lbs: z.array(z.looseObject({ id: z.string(), name: z.string(), status: z.string() })),
  ips: z.array(z.looseObject({ id: z.string(), lb_id: z.string().nullable() })),
  backends: z.array(Named.extend({ lb: Id, pool: z.array(z.string()) })),
  frontends: z.array(Named.extend({ lb: Id, backend: Id, inbound_port: z.number() })),
  routes: z.array(
    z.looseObject({ id: z.string(), frontend_id: z.string(), backend_id: z.string(), match: z.unknown() }),
  ),
  acls: z.array(Named.extend({ frontend: Id, index: z.number() })),
  certificates: z.array(Named),
  privateNetworks: z.array(z.unknown()),
  subscribers: z.array(Named),
});
export type EmulatorState = z.infer<typeof EmulatorState>;

const LoggedCall = z.looseObject({
  method: z.string(),
  path: z.string(),
  status: z.number(),
  body: z.unknown(),
});
export type LoggedCall = z.infer<typeof LoggedCall>;
const RequestLog = z.object({ requests: z.array(LoggedCall) });

export interface EmulatorHarness {
  readonly url: string;
  /** `METHOD /path` of every API call since the last reset, zone prefix removed. */
  calls(): Promise<string[]>;
  /** The full log entries since the last reset. */
  log(): Promise<LoggedCall[]>;
  reset(): Promise<void>;
  configure(config: Record<string, unknown>): Promise<void>;
  state(): Promise<EmulatorState>;
  /** Creates a VPC private network (the project's default VPC) through the emulator's VPC API; its bare id. */
  createPrivateNetwork(region?: string, subnets?: string[]): Promise<string>;
  close(): Promise<void>;
}

export async function startHarness(config: Record<string, unknown> = {}): Promise<EmulatorHarness> {
  const emulator = await startEmulator({ port: 0, config });
  const admin = async (method: string, path: string, body?: unknown): Promise<unknown> => {
    const response = await fetch(`${emulator.url}/__emulator/${path}`, {
      method,
      headers: body === undefined ? {} : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`emulator admin ${method} ${path} -> ${response.status}: ${text}`);
    return text ? JSON.parse(text) : undefined;
  };
  const log = async () => RequestLog.parse(await admin("GET", "requests")).requests;
  return {
    url: emulator.url,
    log,
    calls: async () =>
      (await log()).map((c) => `${c.method} ${c.path.replace(/^\/lb\/v1\/zones\/[a-z0-9-]+/, "")}`),
    reset: async () => {
      await admin("POST", "reset");
    },
    configure: async (c) => {
      await admin("PUT", "config", c);
    },
    state: async () => EmulatorState.parse(await admin("GET", "state")),
    createPrivateNetwork: async (region = "fr-par", subnets?: string[]) => {
      const response = await fetch(`${emulator.url}/vpc/v2/regions/${region}/private-networks`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "x-auth-token": "00000000-0000-4000-8000-000000000000",
        },
        body: JSON.stringify({ name: "test-pn", subnets }),
      });
      const text = await response.text();
      if (!response.ok) throw new Error(`create private network -> ${response.status}: ${text}`);
      return Id.parse(JSON.parse(text)).id;
    },
    close: () => emulator.close(),
  };
}
