/**
 * Per-method answer latency of the realistic preset (`--timing realistic`), in milliseconds.
 * Derived by `node scripts/derive-emulator-latency.js --write` from the recorded cassettes in
 * test/fixtures/tf-cassettes: the median of go-vcr's `response.duration` (the time the real API
 * took to answer) over every LB API call of each HTTP method. Do not edit by hand.
 */
export const REALISTIC_LATENCY_MS = {
  GET: 74, // median of 1648 recorded calls
  POST: 328, // median of 155 recorded calls
  PUT: 358, // median of 47 recorded calls
  PATCH: 90, // median of 2 recorded calls
  DELETE: 341, // median of 143 recorded calls
} as const;
