/**
 * The benchmark's table: one row per measured step, with its wall time, what it is compared with
 * (the engine floor for steps that wait for nothing, the critical-path bound for steps that wait
 * for the API), the ratio, and the API calls by method. Pure: rows in, text out.
 */

export interface StepResult {
  readonly stack: string;
  readonly step: string;
  /** Resources of the package in the stack (0 for the floor). */
  readonly resources: number;
  readonly wallMs: number;
  /** The same engine command on the empty program (median), when there is one. */
  readonly floorMs: number | null;
  /** The API's critical-path bound of the step (0 when it waits for nothing). */
  readonly pathMs: number;
  /** API calls by HTTP method. */
  readonly calls: Readonly<Record<string, number>>;
  /** Fewest API calls the step needs, when known. */
  readonly minCalls?: number;
  /** What decided the bound: the dependency path (default), the rate limit, the engine's parallelism. */
  readonly boundBy?: string;
}

/** Steps whose critical path is shorter than this are compared with the floor. */
export const WAITS_THRESHOLD_MS = 1000;

export type Comparison =
  | { readonly against: "floor"; readonly ms: number; readonly ratio: number }
  | { readonly against: "path"; readonly ms: number; readonly ratio: number }
  | { readonly against: "none" };

/** What a step is judged against: its critical path when it waits for the API, else the floor. */
export function comparison(row: StepResult): Comparison {
  if (row.pathMs >= WAITS_THRESHOLD_MS)
    return { against: "path", ms: row.pathMs, ratio: row.wallMs / row.pathMs };
  if (row.floorMs !== null && row.floorMs > 0 && row.resources > 0)
    return { against: "floor", ms: row.floorMs, ratio: row.wallMs / row.floorMs };
  return { against: "none" };
}

/** `GET 9 POST 4`, methods in a fixed order, zero counts left out; `-` for none. */
export function formatCalls(calls: Readonly<Record<string, number>>): string {
  const order = ["GET", "POST", "PUT", "PATCH", "DELETE"];
  const methods = [
    ...order,
    ...Object.keys(calls)
      .filter((m) => !order.includes(m))
      .sort(),
  ];
  const parts = methods.filter((m) => (calls[m] ?? 0) > 0).map((m) => `${m} ${calls[m]}`);
  return parts.length > 0 ? parts.join(" ") : "-";
}

export function totalCalls(calls: Readonly<Record<string, number>>): number {
  return Object.values(calls).reduce((sum, n) => sum + n, 0);
}

/** Seconds with two decimals: `12.34s`. */
export function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(2)}s`;
}

function pad(text: string, width: number, right = false): string {
  return right ? text.padStart(width) : text.padEnd(width);
}

const COLUMNS = [
  { title: "stack", width: 12 },
  { title: "step", width: 15 },
  { title: "wall", width: 8, right: true },
  { title: "compared with", width: 16 },
  { title: "ratio", width: 7, right: true },
  { title: "floor+path", width: 10, right: true },
  { title: "over floor/res", width: 14, right: true },
  { title: "calls", width: 0 },
] as const;

/**
 * One line per step. `floor+path` is the wall time over what the engine and the API together
 * allow (the floor of the same command plus the critical path); `over floor/res` is the time
 * above the floor per resource of the stack, for steps that wait for nothing.
 */
export function formatReport(rows: readonly StepResult[]): string {
  const lines = [
    COLUMNS.map((c) => pad(c.title, c.width, "right" in c))
      .join("  ")
      .trimEnd(),
  ];
  for (const row of rows) {
    const c = comparison(row);
    const compared =
      c.against === "none"
        ? "-"
        : `${c.against === "floor" ? "floor" : (row.boundBy ?? "path")} ${seconds(c.ms)}`;
    const ratio = c.against === "none" ? "-" : `${c.ratio.toFixed(2)}x`;
    const both =
      row.floorMs !== null && row.resources > 0
        ? `${(row.wallMs / (row.floorMs + row.pathMs)).toFixed(2)}x`
        : "-";
    const perResource =
      c.against === "floor" && row.floorMs !== null
        ? `${((row.wallMs - row.floorMs) / row.resources).toFixed(1)}ms`
        : "-";
    const min = row.minCalls !== undefined ? ` (min ${row.minCalls})` : "";
    const calls = `${totalCalls(row.calls)}: ${formatCalls(row.calls)}${min}`;
    const cells = [row.stack, row.step, seconds(row.wallMs), compared, ratio, both, perResource, calls];
    lines.push(
      cells
        .map((cell, i) => {
          const col = COLUMNS[i];
          return col ? pad(cell, col.width, "right" in col) : cell;
        })
        .join("  ")
        .trimEnd(),
    );
  }
  return `${lines.join("\n")}\n`;
}

/** The median of some measurements (the floor is measured a few times). */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error("median of no values");
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Counts log entries by method. */
export function countByMethod(entries: readonly { method: string }[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const e of entries) out[e.method] = (out[e.method] ?? 0) + 1;
  return out;
}
