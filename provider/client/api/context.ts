/** What every API family needs from the client: defaults and a way to run an operation. */
import type { Clock } from "../clock";
import type { CallOptions, OperationSpec } from "../operation";
import type { ServerClock } from "../server-clock";

export interface ApiContext {
  /** Zone used when a request names none. */
  readonly zone: string;
  /** Project used by creates that name neither a project nor an organization. */
  readonly projectId: string | null;
  readonly organizationId: string | null;
  readonly clock: Clock;
  readonly serverClock: ServerClock;
  run<T>(spec: OperationSpec<T>, call?: CallOptions): Promise<T>;
  /**
   * Fixes the call's absolute deadline now, so that several requests made for one logical
   * operation (a snapshot list, the create, a reconciliation) share one deadline.
   */
  withDeadline(call?: CallOptions): CallOptions;
}

/** The request's zone, or the client's. */
export function zoneOf(ctx: ApiContext, request: { zone?: string }): string {
  return request.zone ?? ctx.zone;
}

/** The project (or organization) a create belongs to: the request's, else the client's. */
export function projectOf(
  ctx: ApiContext,
  request: { projectId?: string; organizationId?: string },
): { projectId?: string; organizationId?: string } {
  if (request.projectId !== undefined) return { projectId: request.projectId };
  if (request.organizationId !== undefined) return { organizationId: request.organizationId };
  if (ctx.projectId !== null) return { projectId: ctx.projectId };
  if (ctx.organizationId !== null) return { organizationId: ctx.organizationId };
  return {};
}
