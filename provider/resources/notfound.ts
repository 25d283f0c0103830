/** Reads and deletes treat "already gone" as an answer, not an error; a failed create reads once more. */
// A value from its own module, not the client's index: the index loads the HTTP client, which
// runtime.ts loads only when an API call is due (check, diff and previews never need it).
import { isNotFoundError } from "../client/errors";

/** The result, or undefined when the object does not exist (404). */
export async function unlessGone<T>(call: () => Promise<T>): Promise<T | undefined> {
  try {
    return await call();
  } catch (error) {
    if (isNotFoundError(error)) return undefined;
    throw error;
  }
}

/**
 * The object as one more read finds it, for the state of a create that failed half-way; undefined
 * when that read fails too (the create's own error is the one to report).
 */
export async function lastSeen<T>(call: () => Promise<T>): Promise<T | undefined> {
  try {
    return await call();
  } catch {
    return undefined;
  }
}
