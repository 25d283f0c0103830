/**
 * The data file (`--data FILE`): a snapshot line followed by an append-only journal.
 *
 *   line 1      the whole store (`{"version":1,"seq":…,"lbs":[…],…}`)
 *   line 2…     one committed change each: `{"seq":N,"ops":[["lbs","<key>",<row or null>],…]}`
 *
 * A commit appends one line and fdatasyncs it, so its cost follows the size of the change, not of
 * the store. Once the journal outgrows the snapshot (and at least COMPACT_MIN_BYTES), the file is
 * compacted: the whole store goes to `FILE.<pid>.tmp`, fsynced, renamed over FILE, directory
 * fsynced; the amortized cost per write stays constant. A crash leaves either a complete file or
 * one whose last journal line is torn: that line was never acknowledged and is dropped at start.
 */
import {
  closeSync,
  fdatasyncSync,
  fstatSync,
  fsyncSync,
  ftruncateSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  unlinkSync,
  writeSync,
} from "node:fs";
import { basename, dirname, join } from "node:path";
import { OPTIONAL_TABLES, type StoreSnapshot, TABLE_NAMES, type TableName } from "./store";

/** The journal is compacted once it is larger than the snapshot and than this. */
export const COMPACT_MIN_BYTES = 1024 * 1024;

/** One change: the row's new saved form (JSON text), or null when it was deleted. */
export interface JournalOp {
  table: TableName;
  key: string;
  row: string | null;
}

export class DataFileError extends Error {}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

type FieldCheck = "string" | "string?" | "array" | "number";

/** Fields every row of a table must carry: enough to index, render and order it. */
const ROW_FIELDS: Record<TableName, Record<string, FieldCheck>> = {
  lbs: {
    id: "string",
    zone: "string",
    seq: "number",
    name: "string",
    status: "string",
    ipIds: "array",
    tags: "array",
  },
  ips: { id: "string", zone: "string", seq: "number", address: "string", tags: "array", lbId: "string?" },
  backends: { id: "string", zone: "string", seq: "number", lbId: "string", name: "string" },
  frontends: {
    id: "string",
    zone: "string",
    seq: "number",
    lbId: "string",
    name: "string",
    backendId: "string",
    certificateIds: "array",
  },
  routes: {
    id: "string",
    zone: "string",
    seq: "number",
    lbId: "string",
    frontendId: "string",
    backendId: "string",
  },
  acls: { id: "string", zone: "string", seq: "number", lbId: "string", frontendId: "string", name: "string" },
  certificates: { id: "string", zone: "string", seq: "number", lbId: "string", name: "string" },
  privateNetworks: {
    key: "string",
    zone: "string",
    seq: "number",
    lbId: "string",
    privateNetworkId: "string",
    ipamIds: "array",
  },
  subscribers: { id: "string", zone: "string", seq: "number", name: "string" },
  vpcs: { id: "string", region: "string", seq: "number", name: "string", tags: "array" },
  vpcPrivateNetworks: {
    id: "string",
    region: "string",
    seq: "number",
    name: "string",
    vpcId: "string",
    subnets: "array",
  },
  ipamIps: { id: "string", region: "string", seq: "number", address: "string", privateNetworkId: "string" },
};

function keyField(table: TableName): string {
  return table === "privateNetworks" ? "key" : "id";
}

/** Why `row` is not a valid row of `table`, or null. */
function rowProblem(table: TableName, row: unknown): string | null {
  if (!isObject(row)) return "not a JSON object";
  for (const [field, check] of Object.entries(ROW_FIELDS[table])) {
    const value = row[field];
    const ok =
      check === "string"
        ? typeof value === "string" && value !== ""
        : check === "string?"
          ? value === null || typeof value === "string"
          : check === "array"
            ? Array.isArray(value)
            : typeof value === "number" && Number.isInteger(value) && value >= 0;
    if (!ok)
      return `field "${field}" must be ${check === "string?" ? "a string or null" : `a ${check}`}, got ${JSON.stringify(value) ?? "nothing"}`;
  }
  return null;
}

/** Parent ids must point at stored rows, or rendering the child would fail on every read. */
function referenceProblems(tables: Map<TableName, Map<string, Record<string, unknown>>>): string[] {
  const has = (table: TableName, id: unknown) => typeof id === "string" && tables.get(table)?.has(id);
  const problems: string[] = [];
  const check = (table: TableName, field: string, target: TableName) => {
    for (const [key, row] of tables.get(table) ?? []) {
      const id = row[field];
      if (id !== null && !has(target, id))
        problems.push(`${table} row "${key}": ${field} "${String(id)}" is not in ${target}`);
    }
  };
  for (const table of [
    "backends",
    "frontends",
    "routes",
    "acls",
    "certificates",
    "privateNetworks",
  ] as const) {
    check(table, "lbId", "lbs");
  }
  check("frontends", "backendId", "backends");
  check("routes", "frontendId", "frontends");
  check("routes", "backendId", "backends");
  check("acls", "frontendId", "frontends");
  return problems;
}

function isTableName(value: unknown): value is TableName {
  return typeof value === "string" && (TABLE_NAMES as readonly string[]).includes(value);
}

/** Removes `FILE.<pid>.tmp` files left by crashes mid-compaction; returns their names. */
export function removeStaleTemporaries(file: string): string[] {
  const dir = dirname(file);
  const prefix = `${basename(file)}.`;
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const stale = names.filter((n) => n.startsWith(prefix) && /^\d+\.tmp$/.test(n.slice(prefix.length)));
  for (const name of stale) unlinkSync(join(dir, name));
  return stale;
}

export interface LoadedData {
  snapshot: StoreSnapshot;
  /** Bytes of the snapshot line and of the journal after it. */
  snapshotBytes: number;
  journalBytes: number;
  /** A torn last line (an unacknowledged write) was cut off. */
  droppedTornTail: boolean;
  /** The file ends with a newline, so a journal line can be appended as is. */
  appendable: boolean;
}

/** Reads and validates FILE; `undefined` when it does not exist. Errors name the file and the line/row. */
export function loadDataFile(file: string): LoadedData | undefined {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    if (isObject(error) && error.code === "ENOENT") return undefined;
    throw error;
  }
  const lines = text.split("\n");
  const header = lines[0] ?? "";
  let parsed: unknown;
  try {
    parsed = JSON.parse(header);
  } catch {
    throw new DataFileError(
      `${file}: line 1 is not valid JSON (a truncated file, or not an emulator data file)`,
    );
  }
  if (!isObject(parsed) || parsed.version !== 1 || typeof parsed.seq !== "number") {
    throw new DataFileError(`${file} is not an emulator data file (version 1)`);
  }
  const tables = new Map<TableName, Map<string, Record<string, unknown>>>();
  for (const table of TABLE_NAMES) {
    const rows = parsed[table] ?? (OPTIONAL_TABLES.has(table) ? [] : undefined);
    if (!Array.isArray(rows))
      throw new DataFileError(`${file} is not an emulator data file: no "${table}" table`);
    const byKey = new Map<string, Record<string, unknown>>();
    rows.forEach((row: unknown, index) => {
      const problem = rowProblem(table, row);
      if (problem) throw new DataFileError(`${file}: line 1, ${table}[${index}]: ${problem}`);
      const record = row as Record<string, unknown>;
      byKey.set(String(record[keyField(table)]), record);
    });
    tables.set(table, byKey);
  }
  let seq = parsed.seq;
  let offset = header.length + 1;
  let droppedTornTail = false;
  for (let i = 1; i < lines.length; i += 1) {
    const line = lines[i] ?? "";
    const last = i === lines.length - 1;
    if (line === "" && last) break;
    let entry: unknown;
    try {
      entry = JSON.parse(line);
    } catch {
      if (last) {
        // No newline yet: the append was cut by a crash before it was acknowledged.
        truncate(file, offset);
        droppedTornTail = true;
        break;
      }
      throw new DataFileError(`${file}: line ${i + 1} is not valid JSON`);
    }
    if (!isObject(entry) || typeof entry.seq !== "number" || !Array.isArray(entry.ops)) {
      throw new DataFileError(`${file}: line ${i + 1} is not a journal entry ({"seq":N,"ops":[…]})`);
    }
    seq = entry.seq;
    entry.ops.forEach((op: unknown, index) => {
      const where = `${file}: line ${i + 1}, op ${index}`;
      if (!Array.isArray(op) || op.length !== 3 || !isTableName(op[0]) || typeof op[1] !== "string") {
        throw new DataFileError(`${where}: not a [table, key, row] triple`);
      }
      const [table, key, row] = op as [TableName, string, unknown];
      const rows = tables.get(table);
      if (row === null) {
        rows?.delete(key);
        return;
      }
      const problem = rowProblem(table, row);
      if (problem) throw new DataFileError(`${where} (${table} row "${key}"): ${problem}`);
      if ((row as Record<string, unknown>)[keyField(table)] !== key) {
        throw new DataFileError(`${where}: the row's ${keyField(table)} is not "${key}"`);
      }
      rows?.set(key, row as Record<string, unknown>);
    });
    offset += line.length + 1;
  }
  const references = referenceProblems(tables);
  if (references.length > 0) throw new DataFileError(`${file}: ${references.slice(0, 5).join("; ")}`);
  const snapshot: Record<string, unknown> = { version: 1, seq };
  for (const [table, rows] of tables) {
    // Creation order; the journal upserts rows in place, so sort rather than trust Map order.
    snapshot[table] = [...rows.values()].sort((a, b) => Number(a.seq) - Number(b.seq));
  }
  return {
    snapshot: snapshot as unknown as StoreSnapshot,
    snapshotBytes: Buffer.byteLength(header) + 1,
    journalBytes: Buffer.byteLength(text) - Buffer.byteLength(header) - 1,
    droppedTornTail,
    appendable: droppedTornTail || text.endsWith("\n"),
  };
}

function truncate(file: string, length: number): void {
  const fd = openSync(file, "r+");
  try {
    ftruncateSync(fd, length);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function writeAll(fd: number, text: string): void {
  const buffer = Buffer.from(text, "utf8");
  let written = 0;
  while (written < buffer.length) written += writeSync(fd, buffer, written, buffer.length - written);
}

function fsyncDirectory(dir: string): void {
  let fd: number;
  try {
    fd = openSync(dir, "r");
  } catch {
    return; // Some platforms cannot open a directory; the rename itself is still atomic.
  }
  try {
    fsyncSync(fd);
  } catch {
    // Same: not every platform can fsync a directory.
  } finally {
    closeSync(fd);
  }
}

/** The open data file: appends journal lines, compacts, and says when a write is not durable. */
export class DataFile {
  private fd: number | null = null;
  private snapshotBytes: number;
  private journalBytes: number;
  /** A failed append may have left a partial line: the next commit must compact first. */
  private broken = false;

  constructor(
    readonly file: string,
    loaded: LoadedData | undefined,
  ) {
    this.snapshotBytes = loaded?.snapshotBytes ?? 0;
    this.journalBytes = loaded?.journalBytes ?? 0;
    this.broken = !loaded?.appendable;
  }

  get needsCompaction(): boolean {
    return this.broken || this.journalBytes > Math.max(COMPACT_MIN_BYTES, this.snapshotBytes);
  }

  /** Appends one committed change and waits for it to be on disk; throws when it is not. */
  append(seq: number, ops: readonly JournalOp[]): void {
    const parts = ops.map(
      (op) => `[${JSON.stringify(op.table)},${JSON.stringify(op.key)},${op.row ?? "null"}]`,
    );
    const line = `{"seq":${seq},"ops":[${parts.join(",")}]}\n`;
    try {
      const fd = this.open();
      writeAll(fd, line);
      fdatasyncSync(fd);
      // Writing to an unlinked file (the directory was removed) succeeds but is not durable.
      if (fstatSync(fd).nlink === 0) throw new Error(`${this.file} was removed`);
    } catch (error) {
      this.broken = true;
      this.closeFd();
      throw error;
    }
    this.journalBytes += Buffer.byteLength(line);
  }

  /** Rewrites the file as one snapshot line (atomic: temporary file, fsync, rename, fsync dir). */
  compact(snapshot: StoreSnapshot): void {
    const text = `${JSON.stringify(snapshot)}\n`;
    const temp = `${this.file}.${process.pid}.tmp`;
    try {
      const fd = openSync(temp, "w", 0o600);
      try {
        writeAll(fd, text);
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
      renameSync(temp, this.file);
      fsyncDirectory(dirname(this.file));
    } catch (error) {
      this.broken = true;
      try {
        unlinkSync(temp);
      } catch {
        // Already gone, or its directory is.
      }
      throw error;
    }
    this.closeFd();
    this.broken = false;
    this.snapshotBytes = Buffer.byteLength(text);
    this.journalBytes = 0;
  }

  close(): void {
    this.closeFd();
  }

  private open(): number {
    this.fd ??= openSync(this.file, "a", 0o600);
    return this.fd;
  }

  private closeFd(): void {
    if (this.fd === null) return;
    try {
      closeSync(this.fd);
    } catch {
      // Closing a descriptor of a removed file can fail; it is dropped either way.
    }
    this.fd = null;
  }
}
