/**
 * An emulator for one test file, plus the two things tests ask of it: the API calls made since the
 * last reset (from its request log) and its whole state.
 */
import { type RunningEmulator, startEmulator } from "../../emulator";

export interface LoggedCall {
  readonly method: string;
  readonly path: string;
  readonly status: number;
  readonly body: unknown;
}

export interface EmulatorHarness {
  readonly url: string;
  /** `METHOD /path` of every API call since the last reset, zone prefix removed. */
  calls(): Promise<string[]>;
  /** The full log entries since the last reset. */
  log(): Promise<LoggedCall[]>;
  reset(): Promise<void>;
  configure(config: Record<string, unknown>): Promise<void>;
  state(): Promise<Record<string, unknown[]>>;
  close(): Promise<void>;
}

export async function startHarness(config: Record<string, unknown> = {}): Promise<EmulatorHarness> {
  const emulator: RunningEmulator = await startEmulator({ port: 0, config });
  const admin = async (method: string, path: string, body?: unknown): Promise<unknown> => {
    const response = await fetch(`${emulator.url}/__emulator/${path}`, {
      method,
      headers: body === undefined ? {} : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`emulator admin ${method} ${path}: ${response.status}`);
    const text = await response.text();
    return text ? JSON.parse(text) : undefined;
  };
  const log = async (): Promise<LoggedCall[]> => {
    const answer = (await admin("GET", "requests")) as { requests: LoggedCall[] };
    return answer.requests;
  };
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
    state: async () => (await admin("GET", "state")) as Record<string, unknown[]>,
    close: () => emulator.close(),
  };
}
