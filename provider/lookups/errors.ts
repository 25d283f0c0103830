/**
 * Why a lookup failed, as a closed set of kinds: the arguments are wrong, nothing matched, more than
 * one object matched, or there is no configuration to call the API with. Messages name the function
 * and what was searched (filters, zone, project) so the fix is evident from the message alone.
 */

export const LOOKUP_ERROR_KINDS = ["invalid_arguments", "not_found", "ambiguous", "configuration"] as const;
export type LookupErrorKind = (typeof LOOKUP_ERROR_KINDS)[number];

export class LookupError extends Error {
  readonly kind: LookupErrorKind;
  /** The lookup function, e.g. `getLoadBalancer`. */
  readonly function: string;

  constructor(kind: LookupErrorKind, fn: string, message: string, options?: { cause?: unknown }) {
    super(`${fn}: ${message}`, options);
    this.name = "LookupError";
    this.kind = kind;
    this.function = fn;
  }
}

export function isLookupError(error: unknown): error is LookupError {
  return error instanceof LookupError;
}
