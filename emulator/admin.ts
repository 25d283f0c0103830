/**
 * The admin API under `/__emulator/`: reset, request log, state dump, configuration. Never
 * logged, never authenticated, never delayed or faulted.
 */
import { configPatchSchema } from "./config";
import { routeNotFound } from "./errors";
import type { EmulatorRuntime } from "./runtime";
import { parseWith } from "./validation";

export interface AdminAnswer {
  status: number;
  body?: unknown;
  /** Already serialized JSON (the request log keeps its entries serialized). */
  raw?: string;
}

export function handleAdmin(
  runtime: EmulatorRuntime,
  method: string,
  path: string,
  body: unknown,
): AdminAnswer {
  const route = `${method} ${path.replace(/\/+$/, "")}`;
  switch (route) {
    case "POST /__emulator/reset":
      runtime.reset();
      return { status: 204 };
    case "GET /__emulator/requests":
      return { status: 200, raw: runtime.log.toJson() };
    case "GET /__emulator/state":
      return { status: 200, body: runtime.state() };
    case "GET /__emulator/config":
      return { status: 200, body: runtime.config };
    case "PUT /__emulator/config":
      return { status: 200, body: runtime.updateConfig(parseWith(configPatchSchema, body ?? {})) };
    default:
      throw routeNotFound();
  }
}
