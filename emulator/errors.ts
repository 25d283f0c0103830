/**
 * Scaleway-format error answers (§7). The LB API's 404s are bare `{"message":"<x> not Found"}`
 * bodies without a `type` (§7.1); everything else follows the standard catalogue (§7.2).
 */

export type ErrorBody = Record<string, unknown>;

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ErrorBody,
    readonly headers: Record<string, string> = {},
  ) {
    super(typeof body.message === "string" ? body.message : `HTTP ${status}`);
    this.name = "ApiError";
  }
}

/** Resource words exactly as the real 404 messages spell them (§7.1). */
export type NotFoundResource =
  | "lbs"
  | "ips"
  | "backend"
  | "frontend"
  | "certificate"
  | "route"
  | "acl"
  | "subscriber"
  | "privateNetwork";

export function notFound(resource: NotFoundResource): ApiError {
  // GET /routes/{id} really answers "privateNetwork not Found" (server bug kept on purpose, §7.1).
  const word = resource === "route" ? "privateNetwork" : resource;
  return new ApiError(404, { message: `${word} not Found` });
}

/** Unknown path under the API prefix: the gateway's generic answer. */
export function routeNotFound(): ApiError {
  return new ApiError(404, { message: "Not Found" });
}

export function methodNotAllowed(): ApiError {
  return new ApiError(405, { message: "Method Not Allowed" });
}

export type ArgumentReason = "unknown" | "required" | "format" | "constraint";

export interface ArgumentProblem {
  argumentName: string;
  reason: ArgumentReason;
  helpMessage: string;
}

export function invalidArguments(problems: readonly ArgumentProblem[]): ApiError {
  return new ApiError(400, {
    details: problems.map((p) => ({
      argument_name: p.argumentName,
      reason: p.reason,
      help_message: p.helpMessage,
    })),
    message: "invalid argument(s)",
    type: "invalid_arguments",
  });
}

export function invalidArgument(argumentName: string, reason: ArgumentReason, helpMessage: string): ApiError {
  return invalidArguments([{ argumentName, reason, helpMessage }]);
}

/** LB-specific 400 seen on Let's Encrypt names that do not resolve to the LB (§7.1). */
export function invalidField(field: string, message: string): ApiError {
  return new ApiError(400, {
    details: [{ field, message, reason: "constraint" }],
    message: "Invalid parameters",
    type: "invalid_field",
  });
}

export function transientState(resource: string, resourceId: string, currentState: string): ApiError {
  return new ApiError(409, {
    current_state: currentState,
    message: "resource is in a transient state",
    resource,
    resource_id: resourceId,
    type: "transient_state",
  });
}

export function resourceStillInUse(helpMessage: string): ApiError {
  return new ApiError(412, {
    help_message: helpMessage,
    message: "precondition is not respected",
    precondition: "resource_still_in_use",
    type: "precondition_failed",
  });
}

export type AuthFailure = "invalid_argument" | "not_found";

export function deniedAuthentication(reason: AuthFailure): ApiError {
  return new ApiError(401, {
    message: "authentication is denied",
    method: "api_key",
    reason,
    type: "denied_authentication",
  });
}

export function tooManyRequests(retryAfterSeconds?: number): ApiError {
  const headers: Record<string, string> =
    retryAfterSeconds === undefined ? {} : { "Retry-After": String(retryAfterSeconds) };
  return new ApiError(429, { message: "rate limit exceeded", type: "too_many_requests" }, headers);
}

export function internalError(): ApiError {
  return new ApiError(500, { message: "internal error", type: "internal_error" });
}

export function serviceUnavailable(retryAfterSeconds?: number): ApiError {
  const headers: Record<string, string> =
    retryAfterSeconds === undefined ? {} : { "Retry-After": String(retryAfterSeconds) };
  return new ApiError(503, { message: "service unavailable", type: "service_unavailable" }, headers);
}
