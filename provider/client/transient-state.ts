/**
 * A 409 `transient_state` means "not now": the load balancer the call touches is being created,
 * migrated, updated or deleted (by this program or anyone else), and the API refuses changes
 * until it settles. The call was certainly not applied, so it is waited out and sent again:
 * poll the load balancer the error names until its status is no longer transient, within the
 * operation's deadline.
 */
import { z } from "zod";
import type { ScalewayError } from "./errors";

/** Statuses in which an LB accepts no change of itself or its children (reference §7.3). */
export const TRANSIENT_LB_STATUSES: ReadonlySet<string> = new Set([
  "to_create",
  "creating",
  "migrating",
  "to_delete",
  "deleting",
  "pending",
]);

/** The part of an LB a wait needs. */
export const LbStatusWire = z.looseObject({ status: z.string() });

export function isTransientState(error: ScalewayError): boolean {
  return error.status === 409 && error.apiType === "transient_state";
}

/** The zone of a zoned API path (`/lb/v1/zones/<zone>/…`), or null. */
export function zoneOfPath(path: string): string | null {
  return /^\/lb\/v1\/zones\/([a-z0-9-]+)\//.exec(path)?.[1] ?? null;
}

/**
 * The load balancer to wait for: the one the error names (`resource: "lb"`), or null when the
 * error names another kind of object or none (the caller then simply backs off and retries).
 */
export function transientLb(error: ScalewayError, path: string): { zone: string; lbId: string } | null {
  const zone = zoneOfPath(path);
  if (zone === null || error.resource !== "lb" || !error.resourceId) return null;
  return { zone, lbId: error.resourceId };
}
