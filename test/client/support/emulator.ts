/** The real emulator (emulator/), started on 127.0.0.1, with typed access to its admin API. */
import { z } from "zod";
import { startEmulator } from "../../../emulator";

const Id = z.looseObject({ id: z.string() });
const Named = z.looseObject({ id: z.string(), name: z.string() });

/** Just what the tests read from `GET /__emulator/state` (wire objects, snake_case). */
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

const RequestLog = z.object({
  requests: z.array(z.looseObject({ method: z.string(), path: z.string(), status: z.number() })),
});

export interface TestEmulator {
  url: string;
  reset(): Promise<void>;
  configure(patch: Record<string, unknown>): Promise<void>;
  state(): Promise<EmulatorState>;
  requests(): Promise<z.infer<typeof RequestLog>["requests"]>;
  close(): Promise<void>;
}

async function admin(url: string, method: string, path: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`${url}/__emulator/${path}`, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`emulator admin ${method} ${path} -> ${response.status}: ${text}`);
  return text ? JSON.parse(text) : undefined;
}

export async function startTestEmulator(): Promise<TestEmulator> {
  const emulator = await startEmulator({ port: 0 });
  const { url } = emulator;
  return {
    url,
    reset: async () => {
      await admin(url, "POST", "reset");
    },
    configure: async (patch) => {
      await admin(url, "PUT", "config", patch);
    },
    state: async () => EmulatorState.parse(await admin(url, "GET", "state")),
    requests: async () => RequestLog.parse(await admin(url, "GET", "requests")).requests,
    close: () => emulator.close(),
  };
}
