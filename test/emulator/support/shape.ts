/**
 * "Same shape" between a recorded answer and the emulator's: the same keys at every level and
 * the same JSON types, arrays element by element. Ids, timestamps and addresses may differ; ids
 * and addresses met on the way are learned into the IdMap.
 *
 * Arrays of objects with an `id` are aligned by (mapped) id. In the top-level array of a list
 * answer, recorded objects the cassette never created (other resources of the recording account)
 * have no counterpart in a fresh emulator: they are counted as `foreign` and not compared.
 */
import { type IdMap, isUuid } from "./id-map";

export interface Mismatch {
  path: string;
  problem: string;
}

export interface ShapeReport {
  mismatches: Mismatch[];
  /** Recorded list entries that belonged to the recording account, not to the cassette. */
  foreign: number;
  /** Different values of `status` fields: informative only. */
  statusNotes: string[];
}

type JsonKind = "null" | "array" | "object" | "string" | "number" | "boolean" | "undefined";

function kindOf(value: unknown): JsonKind {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  switch (typeof value) {
    case "object":
      return "object";
    case "string":
      return "string";
    case "number":
      return "number";
    case "boolean":
      return "boolean";
    default:
      return "undefined";
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return kindOf(value) === "object";
}

function idOf(value: unknown): string | undefined {
  return isRecord(value) && isUuid(value.id) ? value.id : undefined;
}

class Walker {
  readonly report: ShapeReport = { mismatches: [], foreign: 0, statusNotes: [] };

  constructor(private readonly ids: IdMap) {}

  walk(recorded: unknown, actual: unknown, path: string, key: string, listRoot: boolean): void {
    const rk = kindOf(recorded);
    const ak = kindOf(actual);
    if (rk !== ak) {
      this.report.mismatches.push({ path, problem: `recorded ${rk}, emulator ${ak}` });
      return;
    }
    if (typeof recorded === "string" && typeof actual === "string") {
      if (isUuid(recorded) && isUuid(actual)) this.ids.learnId(recorded, actual);
      if (key === "ip_address") this.ids.learnAddress(recorded, actual);
      if (key === "status" && recorded !== actual)
        this.report.statusNotes.push(`${path}: ${recorded} vs ${actual}`);
      return;
    }
    if (Array.isArray(recorded) && Array.isArray(actual)) {
      this.walkArray(recorded, actual, path, listRoot);
      return;
    }
    if (isRecord(recorded) && isRecord(actual)) {
      const keys = new Set([...Object.keys(recorded), ...Object.keys(actual)]);
      const isList = "total_count" in recorded;
      // `id` first, so nested arrays can align on ids learned from their parent.
      for (const k of [...keys].sort((a, b) => (a === "id" ? -1 : b === "id" ? 1 : a.localeCompare(b)))) {
        const sub = `${path}.${k}`;
        if (!(k in actual)) this.report.mismatches.push({ path: sub, problem: "missing in emulator answer" });
        else if (!(k in recorded))
          this.report.mismatches.push({ path: sub, problem: "not in recorded answer" });
        else this.walk(recorded[k], actual[k], sub, k, isList && path === "");
      }
    }
  }

  private walkArray(recorded: unknown[], actual: unknown[], path: string, listRoot: boolean): void {
    const byId = [...recorded, ...actual].every((e) => idOf(e) !== undefined);
    if (!byId) {
      if (recorded.length !== actual.length) {
        this.report.mismatches.push({
          path,
          problem: `recorded ${recorded.length} elements, emulator ${actual.length}`,
        });
      }
      const n = Math.min(recorded.length, actual.length);
      for (let i = 0; i < n; i += 1) this.walk(recorded[i], actual[i], `${path}[${i}]`, "", false);
      return;
    }
    const pairs: Array<[unknown, unknown]> = [];
    const used = new Set<unknown>();
    const unknownRecorded: unknown[] = [];
    for (const rec of recorded) {
      const recId = idOf(rec) ?? "";
      const mapped = this.ids.get(recId);
      if (mapped === undefined) {
        unknownRecorded.push(rec);
        continue;
      }
      const act = actual.find((a) => idOf(a) === mapped);
      if (act === undefined) {
        this.report.mismatches.push({ path, problem: `recorded element ${recId} has no counterpart` });
        continue;
      }
      pairs.push([rec, act]);
      used.add(act);
    }
    const free = actual.filter((a) => !used.has(a) && !this.ids.isTarget(idOf(a) ?? ""));
    unknownRecorded.forEach((rec, i) => {
      const act = free[i];
      if (act !== undefined) {
        pairs.push([rec, act]);
        used.add(act);
      } else if (listRoot) {
        this.report.foreign += 1;
      } else {
        this.report.mismatches.push({ path, problem: `recorded element ${idOf(rec)} has no counterpart` });
      }
    });
    for (const act of actual) {
      if (used.has(act)) continue;
      // A known object pushed off the recorded page by the account's other objects.
      if (listRoot && this.report.foreign > 0 && this.ids.isTarget(idOf(act) ?? "")) continue;
      this.report.mismatches.push({
        path,
        problem: `emulator element ${idOf(act)} is not in the recorded answer`,
      });
    }
    for (const [i, [rec, act]] of pairs.entries()) this.walk(rec, act, `${path}[${i}]`, "", false);
  }
}

export function compareShapes(recorded: unknown, actual: unknown, ids: IdMap): ShapeReport {
  const walker = new Walker(ids);
  walker.walk(recorded, actual, "", "", false);
  return walker.report;
}
