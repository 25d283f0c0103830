/**
 * Recorded ids and addresses -> the emulator's. Learned by walking a recorded answer and the
 * emulator's side by side; applied to later request paths and bodies.
 */

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
const UUID_EXACT = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

export function isUuid(value: unknown): value is string {
  return typeof value === "string" && UUID_EXACT.test(value);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

export class IdMap {
  private readonly ids = new Map<string, string>();
  private readonly targets = new Set<string>();
  private readonly addresses = new Map<string, string>();

  has(recorded: string): boolean {
    return this.ids.has(recorded.toLowerCase());
  }

  get(recorded: string): string | undefined {
    return this.ids.get(recorded.toLowerCase());
  }

  isTarget(actual: string): boolean {
    return this.targets.has(actual.toLowerCase());
  }

  learnId(recorded: string, actual: string): void {
    const rec = recorded.toLowerCase();
    const act = actual.toLowerCase();
    if (this.ids.has(rec) || this.targets.has(act)) return;
    this.ids.set(rec, act);
    this.targets.add(act);
  }

  learnAddress(recorded: string, actual: string): void {
    if (!this.addresses.has(recorded)) this.addresses.set(recorded, actual);
  }

  /** Rewrites recorded ids, addresses and their dashed DNS forms (`51-15-1-2.lb…`). */
  rewrite(text: string): string {
    let out = text.replace(UUID, (id) => this.ids.get(id.toLowerCase()) ?? id);
    for (const [recorded, actual] of this.addresses) {
      if (!IPV4.test(recorded)) {
        out = out.split(recorded).join(actual);
        continue;
      }
      for (const [from, to] of [
        [recorded, actual],
        [recorded.replaceAll(".", "-"), actual.replaceAll(".", "-")],
      ] as const) {
        out = out.replace(new RegExp(`(?<!\\d)${escapeRegExp(from)}(?!\\d)`, "g"), to);
      }
    }
    return out;
  }
}
