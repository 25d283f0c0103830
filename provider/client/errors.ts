/**
 * The client's closed error taxonomy. Every failure the client surfaces is a `ScalewayError`
 * with one of these kinds; check it with `isScalewayError(e) && e.kind === "not_found"`
 * (a brand, not `instanceof`, so that errors survive duplicated module copies and
 * serialization boundaries).
 */

export const SCALEWAY_ERROR_KINDS = [
  /** 404, API type `not_found`/`unknown_resource`/`resource_expired`. */
  "not_found",
  /** 400, API types `invalid_arguments`, `invalid_field`, `invalid_request_error`. */
  "invalid_arguments",
  /** 409/412/423: `transient_state`, `conflict`, `already_exists`, `precondition_failed`, `locked`. */
  "conflict",
  /** `quotas_exceeded` (403) and `out_of_stock`. */
  "quota",
  /** 403 `permissions_denied`. */
  "permission",
  /** 401 `denied_authentication`. */
  "authentication",
  /** 429 `too_many_requests`, after the client's own retries. */
  "rate_limited",
  /** 5xx answers, after the client's own retries. */
  "server",
  /** The connection failed (refused, reset, DNS), after the client's own retries. */
  "network",
  /** The operation's deadline, a per-request timeout or a waiter's timeout ran out. */
  "timeout",
  /** A waiter saw the object reach a failed state (LB `error`/`locked`, certificate `error`). */
  "resource_error",
  /** A create may or may not have happened and the client could not find out (see README). */
  "outcome_unknown",
  /** A 2xx answer whose body does not match the expected schema. */
  "invalid_response",
  /** The client configuration is missing or invalid (e.g. no secret key anywhere). */
  "configuration",
] as const;

export type ScalewayErrorKind = (typeof SCALEWAY_ERROR_KINDS)[number];

/** One detail of an error answer, normalized from the API's several shapes. */
export interface ScalewayErrorDetail {
  /** Argument path (`invalid_arguments.argument_name`, `invalid_field.field`). */
  argument?: string;
  /** `required`, `format`, `constraint`, … */
  reason?: string;
  /** Human text (`help_message` or `message`). */
  message?: string;
  /** Quota or permission details. */
  resource?: string;
  quota?: number;
  current?: number;
  action?: string;
}

export interface ScalewayErrorInit {
  kind: ScalewayErrorKind;
  /** The full, already redacted message. */
  message: string;
  operation?: string;
  method?: string;
  path?: string;
  status?: number;
  apiType?: string;
  apiMessage?: string;
  details?: readonly ScalewayErrorDetail[];
  resource?: string;
  resourceId?: string;
  currentState?: string;
  requestId?: string;
  attempts?: number;
  /** Candidate ids when an `outcome_unknown` create found several look-alikes. */
  candidates?: readonly string[];
  cause?: unknown;
}

const BRAND: unique symbol = Symbol.for("pulumi-scaleway-lb/ScalewayError");

export class ScalewayError extends Error {
  readonly [BRAND] = true;
  readonly kind: ScalewayErrorKind;
  readonly operation: string | undefined;
  readonly method: string | undefined;
  readonly path: string | undefined;
  readonly status: number | undefined;
  readonly apiType: string | undefined;
  readonly apiMessage: string | undefined;
  readonly details: readonly ScalewayErrorDetail[];
  readonly resource: string | undefined;
  readonly resourceId: string | undefined;
  readonly currentState: string | undefined;
  readonly requestId: string | undefined;
  readonly attempts: number | undefined;
  readonly candidates: readonly string[];

  constructor(init: ScalewayErrorInit) {
    const { message, cause, details = [], candidates = [], ...facts } = init;
    super(message, cause === undefined ? undefined : { cause });
    this.name = "ScalewayError";
    this.kind = init.kind;
    this.details = details;
    this.candidates = candidates;
    Object.assign(this, facts);
  }
}

/** True for any error produced by this client, whatever copy of the module produced it. */
export function isScalewayError(error: unknown): error is ScalewayError {
  return typeof error === "object" && error !== null && BRAND in error && Reflect.get(error, BRAND) === true;
}

/** Shorthand for `isScalewayError(e) && e.kind === "not_found"`. */
export function isNotFoundError(error: unknown): error is ScalewayError {
  return isScalewayError(error) && error.kind === "not_found";
}

/** "health_check.port: required, must be set" for one detail. */
export function describeDetail(detail: ScalewayErrorDetail): string {
  const parts: string[] = [];
  if (detail.reason) parts.push(detail.reason);
  if (detail.message) parts.push(detail.message);
  if (detail.quota !== undefined) parts.push(`quota ${detail.quota}, current ${detail.current ?? "?"}`);
  if (detail.action) parts.push(`action ${detail.action}`);
  const head = detail.argument ?? detail.resource;
  const body = parts.join(", ");
  return head ? `${head}: ${body}` : body;
}
