/**
 * Imported first by runtime.ts: loading the provider on a Node.js older than 22 fails with a
 * message that names the version found and how to get 22, before undici (which needs 22) loads
 * and fails with a TypeError that says nothing of the cause. The engine shows the message as the
 * error of the resource's step; the module is not cached, so every later step says it again.
 */
import { nodeVersionProblem } from "../platform/node-version";

const problem = nodeVersionProblem("pulumi-scaleway-lb");
if (problem !== undefined) {
  const error = new Error(problem);
  // The dynamic provider prints `${error}: ${error.stack}` for some steps: no trace to read there.
  error.stack = "";
  throw error;
}
