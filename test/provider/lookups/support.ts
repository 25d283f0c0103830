/** A lookup context on an emulator, and seeding shortcuts that talk to the emulator directly. */
import { createLbClient } from "../../../provider/client/client";
import { createTokenBucket } from "../../../provider/client/rate-limit";
import type { Json } from "../../../provider/core/property";
import { isLookupError, type LookupErrorKind } from "../../../provider/lookups/errors";
import { invokeLookup, lookupFunction } from "../../../provider/lookups/index";
import type { LookupContext, LookupResult } from "../../../provider/lookups/spec";
import { TEST_PROJECT, TEST_SECRET_KEY } from "../../support/runtime-harness";

export const OTHER_PROJECT = "99999999-8888-4777-8666-555555555555";

export function lookupContext(
  url: string,
  overrides: { defaultZone?: string; defaultProjectId?: string | undefined; pageSize?: number } = {},
): LookupContext {
  const api = createLbClient({
    config: { secretKey: TEST_SECRET_KEY, apiUrl: url, projectId: TEST_PROJECT },
    rateLimiter: createTokenBucket({ ratePerSecond: 10_000 }),
  });
  return {
    api,
    env: {
      defaultZone: overrides.defaultZone ?? "fr-par-1",
      defaultProjectId: "defaultProjectId" in overrides ? overrides.defaultProjectId : TEST_PROJECT,
    },
    pageSize: overrides.pageSize,
  };
}

/**
 * Runs a lookup and checks its answer has only fields its result spec declares, and is plain JSON
 * (no undefined members: what an engine invoke can carry unchanged).
 */
export async function lookup(ctx: LookupContext, name: string, args: unknown): Promise<LookupResult> {
  const result = await invokeLookup(ctx, name, args);
  const declared = Object.keys(lookupFunction(name).result);
  expect(Object.keys(result).filter((key) => !declared.includes(key))).toEqual([]);
  expect(JSON.parse(JSON.stringify(result))).toStrictEqual(result);
  return result;
}

/** The lookup's error: its kind and message. */
export async function failure(
  ctx: LookupContext,
  name: string,
  args: unknown,
): Promise<{ kind: LookupErrorKind; message: string }> {
  try {
    await invokeLookup(ctx, name, args);
  } catch (error) {
    if (isLookupError(error)) return { kind: error.kind, message: error.message };
    throw error;
  }
  throw new Error(`${name} succeeded`);
}

export function items(result: LookupResult, key: string): { [key: string]: Json }[] {
  const list = result[key];
  if (!Array.isArray(list)) throw new Error(`${key} is not a list`);
  return list.filter(
    (x): x is { [key: string]: Json } => typeof x === "object" && x !== null && !Array.isArray(x),
  );
}

/** Flexible IPs made with one POST each (no reconciliation listing), for volume. */
export async function postIp(
  url: string,
  zone: string,
  project: string,
  body: Record<string, unknown> = {},
): Promise<void> {
  const response = await fetch(`${url}/lb/v1/zones/${zone}/ips`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-auth-token": TEST_SECRET_KEY },
    body: JSON.stringify({ project_id: project, ...body }),
  });
  if (!response.ok) throw new Error(`POST ips -> ${response.status}: ${await response.text()}`);
}
