/** Real API answers recorded in the Terraform cassettes (see fixtures/README.md). */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";

const Entry = z.object({
  source: z.string(),
  method: z.string(),
  path: z.string(),
  status: z.number(),
  response: z.unknown(),
});
const File = z.record(z.string(), Entry);

let cache: z.infer<typeof File> | undefined;

function all(): z.infer<typeof File> {
  cache ??= File.parse(
    JSON.parse(readFileSync(join(__dirname, "..", "fixtures", "recorded-responses.json"), "utf8")),
  );
  return cache;
}

/** The recorded response body of one scenario (a fresh deep copy each call). */
export function recorded(name: string): unknown {
  const entry = all()[name];
  if (!entry) throw new Error(`no recorded response named ${name}`);
  return structuredClone(entry.response);
}

/** A recorded body as a mutable JSON object, for deriving variants. */
export function recordedObject(name: string): Record<string, unknown> {
  const value = recorded(name);
  const parsed = z.record(z.string(), z.unknown()).safeParse(value);
  if (!parsed.success) throw new Error(`recorded response ${name} is not an object`);
  return parsed.data;
}

export function recordedNames(): string[] {
  return Object.keys(all());
}
