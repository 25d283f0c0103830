/** A client wired for fast, deterministic tests: fake clock, tiny backoff, no rate limit. */
import { createLbClient, type LbClient, type LbClientOptions, unlimited } from "../../../provider/client";
import { type FakeClock, fakeClock } from "./fake-clock";

export const TEST_SECRET = "5e3c2d1a-9b8f-4e7d-a6c5-b4a3f2e1d0c9";
export const TEST_PROJECT = "105bdce1-64c0-48ab-899d-868455867ecf";

export interface TestClient {
  client: LbClient;
  clock: FakeClock;
  logs: string[];
}

export function testClient(url: string, overrides: Partial<LbClientOptions> = {}): TestClient {
  const clock = fakeClock();
  const logs: string[] = [];
  const client = createLbClient({
    config: { secretKey: TEST_SECRET, apiUrl: url, zone: "fr-par-1", projectId: TEST_PROJECT },
    clock,
    random: () => 0.5,
    rateLimiter: unlimited,
    retry: { baseDelayMs: 10, maxDelayMs: 100, maxAttempts: 8 },
    deadlineMs: 60_000,
    requestTimeoutMs: 5_000,
    logger: (line) => logs.push(line),
    ...overrides,
  });
  return { client, clock, logs };
}
