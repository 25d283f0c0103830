/**
 * Drives the provider runtime the way the engine does (configure, then check → diff → create/update
 * → read → delete), against an emulator, with a known secret key and project.
 */
import * as runtime from "../../provider/runtime";

export const TEST_SECRET_KEY = "4f9b1c2e-test-secret-key-value-0000";
export const TEST_PROJECT = "11111111-2222-4333-8444-555555555555";

export async function configureRuntime(apiUrl: string, extra: Record<string, string> = {}): Promise<void> {
  runtime.reset();
  // Tests count calls, not seconds: lift the client-side rate limit.
  process.env.SCW_LB_RATE_LIMIT = "10000";
  const values: Record<string, string> = {
    "scaleway:apiUrl": apiUrl,
    "scaleway:secretKey": TEST_SECRET_KEY,
    "scaleway:projectId": TEST_PROJECT,
    "scaleway:zone": "fr-par-1",
    ...extra,
  };
  await runtime.configure({ config: { get: (key) => values[key] } });
}

export interface Managed {
  id: string;
  inputs: Record<string, unknown>;
  outputs: Record<string, unknown>;
}

/** check + create, failing on check failures. */
export async function create(kind: string, args: Record<string, unknown>): Promise<Managed> {
  const provider = runtime.provider(kind);
  const checked = await provider.check({}, args);
  if (checked.failures.length) throw new Error(`check failed: ${JSON.stringify(checked.failures)}`);
  const created = await provider.create(checked.inputs);
  return { id: created.id, inputs: checked.inputs, outputs: created.outs };
}

/** check + diff + (if changed) update, as `pulumi up` does for an existing resource. */
export async function update(kind: string, managed: Managed, args: Record<string, unknown>) {
  const provider = runtime.provider(kind);
  const checked = await provider.check(managed.inputs, args);
  if (checked.failures.length) throw new Error(`check failed: ${JSON.stringify(checked.failures)}`);
  const diff = await provider.diff(managed.id, managed.outputs, checked.inputs);
  if (diff.replaces.length) throw new Error(`unexpected replacement of ${diff.replaces.join(", ")}`);
  if (!diff.changes) return { diff, managed };
  const updated = await provider.update(managed.id, managed.outputs, checked.inputs);
  return { diff, managed: { id: managed.id, inputs: checked.inputs, outputs: updated.outs } };
}

export async function read(kind: string, managed: Managed) {
  return runtime.provider(kind).read(managed.id, managed.outputs);
}

export async function destroy(kind: string, managed: Managed) {
  await runtime.provider(kind).delete(managed.id, managed.outputs);
}
