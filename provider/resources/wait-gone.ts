/**
 * Waits until a deleted object answers 404. Deletes of load balancers are asynchronous
 * (`to_delete` first); waiting makes "destroyed" mean gone, so what depended on it can go next.
 */
import { isNotFoundError } from "../client/errors";

export interface GoneOptions {
  readonly timeoutMs?: number;
  readonly sleep?: (ms: number) => Promise<void>;
}

export async function waitUntilGone(
  read: () => Promise<unknown>,
  what: string,
  options: GoneOptions = {},
): Promise<void> {
  const timeoutMs = options.timeoutMs ?? 300_000;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const started = Date.now();
  let delay = 250;
  for (;;) {
    try {
      await read();
    } catch (error) {
      if (isNotFoundError(error)) return;
      throw error;
    }
    if (Date.now() - started + delay > timeoutMs) {
      throw new Error(`${what} was deleted but still exists after ${Math.round(timeoutMs / 1000)}s`);
    }
    await sleep(delay);
    delay = Math.min(Math.round(delay * 1.5), 3000);
  }
}
