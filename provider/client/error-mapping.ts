/**
 * Turns a non-2xx answer into a `ScalewayError`: the API's `type` decides the kind, the HTTP
 * status is the fallback (the LB API's 404s have no `type`: `{"message":"lbs not Found"}`).
 */
import { z } from "zod";
import { describeDetail, ScalewayError, type ScalewayErrorDetail, type ScalewayErrorKind } from "./errors";

const KIND_BY_TYPE: Readonly<Record<string, ScalewayErrorKind>> = {
  not_found: "not_found",
  unknown_resource: "not_found",
  resource_expired: "not_found",
  expired: "not_found",
  invalid_arguments: "invalid_arguments",
  invalid_field: "invalid_arguments",
  invalid_request_error: "invalid_arguments",
  transient_state: "conflict",
  conflict: "conflict",
  already_exists: "conflict",
  precondition_failed: "conflict",
  locked: "conflict",
  quotas_exceeded: "quota",
  out_of_stock: "quota",
  permissions_denied: "permission",
  denied_authentication: "authentication",
  authentication_error: "authentication",
  too_many_requests: "rate_limited",
};

export function kindForStatus(status: number): ScalewayErrorKind {
  if (status === 401) return "authentication";
  if (status === 403) return "permission";
  if (status === 404 || status === 410) return "not_found";
  if (status === 409 || status === 412 || status === 423) return "conflict";
  if (status === 429) return "rate_limited";
  if (status >= 400 && status < 500) return "invalid_arguments";
  return "server";
}

export function kindFor(apiType: string | undefined, status: number): ScalewayErrorKind {
  return (apiType !== undefined ? KIND_BY_TYPE[apiType] : undefined) ?? kindForStatus(status);
}

const optionalText = z.string().optional().catch(undefined);
const optionalNumber = z.number().optional().catch(undefined);

const DetailWire = z.looseObject({
  argument_name: optionalText,
  field: optionalText,
  reason: optionalText,
  help_message: optionalText,
  message: optionalText,
  resource: optionalText,
  quota: optionalNumber,
  current: optionalNumber,
  action: optionalText,
});

const ErrorBodyWire = z.looseObject({
  message: optionalText,
  type: optionalText,
  details: z.array(z.unknown()).optional().catch(undefined),
  resource: optionalText,
  resource_id: optionalText,
  current_state: optionalText,
  precondition: optionalText,
  help_message: optionalText,
  reason: optionalText,
});

function normalizeDetail(raw: unknown, redact: (text: string) => string): ScalewayErrorDetail | null {
  const parsed = DetailWire.safeParse(raw);
  if (!parsed.success) return null;
  const d = parsed.data;
  const detail: ScalewayErrorDetail = {};
  const argument = d.argument_name ?? d.field;
  if (argument !== undefined) detail.argument = redact(argument);
  if (d.reason !== undefined) detail.reason = redact(d.reason);
  const message = d.help_message ?? d.message;
  if (message !== undefined) detail.message = redact(message);
  if (d.resource !== undefined) detail.resource = redact(d.resource);
  if (d.quota !== undefined) detail.quota = d.quota;
  if (d.current !== undefined) detail.current = d.current;
  if (d.action !== undefined) detail.action = redact(d.action);
  return detail;
}

export interface ErrorResponseInput {
  operation: string;
  method: string;
  path: string;
  status: number;
  /** The parsed JSON body, or the raw text when it was not JSON. */
  body: unknown;
  requestId?: string;
  attempts?: number;
  redact: (text: string) => string;
  /** Appended on its own line to an authentication error (401): where the key came from, what to check. */
  authenticationHelp?: string;
}

export function errorFromResponse(input: ErrorResponseInput): ScalewayError {
  const parsed = ErrorBodyWire.safeParse(input.body);
  const body = parsed.success ? parsed.data : undefined;
  const apiType = body?.type;
  const kind = kindFor(apiType, input.status);
  const apiMessage =
    body?.message ??
    (typeof input.body === "string" && input.body.trim() ? input.body.trim().slice(0, 300) : undefined);
  const details = (body?.details ?? [])
    .map((raw) => normalizeDetail(raw, input.redact))
    .filter((d): d is ScalewayErrorDetail => d !== null);

  const facts: string[] = [];
  if (body?.resource)
    facts.push(`resource ${body.resource}${body.resource_id ? ` ${body.resource_id}` : ""}`);
  if (body?.current_state) facts.push(`current state ${body.current_state}`);
  if (body?.precondition) facts.push(`precondition ${body.precondition}`);
  if (body?.help_message) facts.push(body.help_message);
  if (kind === "authentication" && body?.reason) facts.push(`reason ${body.reason}`);
  for (const detail of details) facts.push(describeDetail(detail));
  if (input.attempts !== undefined && input.attempts > 1) facts.push(`after ${input.attempts} attempts`);

  const head = `${input.operation}: ${input.method} ${input.path} -> ${input.status}${apiType ? ` ${apiType}` : ""}`;
  const help = kind === "authentication" && input.authenticationHelp ? `\n${input.authenticationHelp}` : "";
  const text = `${head}: ${apiMessage ?? "no message"}${facts.length ? ` [${facts.join("; ")}]` : ""}${help}`;

  return new ScalewayError({
    kind,
    message: input.redact(text),
    operation: input.operation,
    method: input.method,
    path: input.redact(input.path),
    status: input.status,
    apiType,
    apiMessage: apiMessage === undefined ? undefined : input.redact(apiMessage),
    details,
    resource: body?.resource === undefined ? undefined : input.redact(body.resource),
    resourceId: body?.resource_id === undefined ? undefined : input.redact(body.resource_id),
    currentState: body?.current_state,
    requestId: input.requestId,
    attempts: input.attempts,
  });
}
