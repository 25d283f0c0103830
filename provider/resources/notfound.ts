/** Reads and deletes treat "already gone" as an answer, not an error. */
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
