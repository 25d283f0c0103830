/**
 * Keeps the data file in step with the store, one request at a time. Rows are mutated in place,
 * so each table records the keys it handed out during the request; at commit those rows are
 * compared with their last saved form (kept as JSON text) and only the changed ones are
 * journaled. If the change cannot be made durable, the touched rows are put back as saved and
 * the caller answers 5xx: memory never holds an unsaved change that was acknowledged.
 */
import type { Lifecycle } from "./lifecycle";
import { DataFile, type JournalOp, loadDataFile } from "./persistence";
import type { Store, StoreSnapshot, TableName } from "./store";

export class NotDurableError extends Error {}

export class Durability {
  /** Saved form of every row, per table: the durable image of the store. */
  private readonly saved = new Map<TableName, Map<string, string>>();
  private savedSeq = 0;
  private readonly data: DataFile;

  constructor(
    private readonly store: Store,
    private readonly lifecycle: Lifecycle,
    file: string,
    log: (line: string) => void,
  ) {
    const loaded = loadDataFile(file);
    if (loaded) {
      store.restore(loaded.snapshot);
      lifecycle.rebuild();
      if (loaded.droppedTornTail)
        log(`${file}: dropped a torn last entry (a write that was never acknowledged)`);
      log(`restored ${store.lbs.size} load balancers from ${file}`);
    }
    this.data = new DataFile(file, loaded);
    this.remember();
    for (const [, table] of store.named()) table.trackTouched();
  }

  /**
   * Saves what the request changed (`mutation`: compare every touched row; otherwise only when a
   * lifecycle step advanced). Throws NotDurableError after rolling the store back.
   */
  commit(mutation: boolean): void {
    const changed = mutation || this.lifecycle.changed;
    this.lifecycle.changed = false;
    const ops: JournalOp[] = [];
    for (const [name, table] of this.store.named()) {
      const touched = table.takeTouched();
      if (!changed) continue;
      const saved = this.savedTable(name);
      for (const key of touched) {
        const row = table.get(key);
        const text = row === undefined ? null : JSON.stringify(row);
        if (text !== (saved.get(key) ?? null)) ops.push({ table: name, key, row: text });
      }
      table.takeTouched();
    }
    const seq = this.store.currentSeq;
    if (ops.length === 0 && seq === this.savedSeq) return;
    try {
      if (this.data.needsCompaction) this.data.compact(this.store.snapshot());
      else this.data.append(seq, ops);
    } catch (error) {
      this.rollback(ops);
      throw new NotDurableError(
        `could not save to ${this.data.file}: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    for (const op of ops) {
      const saved = this.savedTable(op.table);
      if (op.row === null) saved.delete(op.key);
      else saved.set(op.key, op.row);
    }
    this.savedSeq = seq;
  }

  /** Makes `snapshot` the whole content of the file (reset); throws NotDurableError, changing nothing. */
  replaceAll(snapshot: StoreSnapshot): void {
    try {
      this.data.compact(snapshot);
    } catch (error) {
      throw new NotDurableError(
        `could not save to ${this.data.file}: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }

  /** After the store was replaced wholesale (reset): its current content is the saved one. */
  remember(): void {
    this.saved.clear();
    for (const [name, table] of this.store.named()) {
      const saved = this.savedTable(name);
      for (const row of table.all()) saved.set(keyOf(name, row), JSON.stringify(row));
      table.takeTouched();
    }
    this.savedSeq = this.store.currentSeq;
    this.lifecycle.changed = false;
  }

  close(): void {
    this.data.close();
  }

  private rollback(ops: readonly JournalOp[]): void {
    const tables = new Map(this.store.named());
    const readded = new Set<TableName>();
    for (const op of ops) {
      const table = tables.get(op.table);
      const saved = this.saved.get(op.table)?.get(op.key);
      if (saved === undefined) table?.delete(op.key);
      else {
        if (op.row === null) readded.add(op.table);
        table?.restore(JSON.parse(saved));
      }
    }
    // Rows deleted by the refused change come back at their place in creation order.
    for (const name of readded) tables.get(name)?.reorder((a, b) => a.seq - b.seq);
    this.store.currentSeq = this.savedSeq;
    // Pending transitions may have been settled or started by the rolled-back change.
    this.lifecycle.rebuild();
    this.lifecycle.changed = false;
    for (const [, table] of this.store.named()) table.takeTouched();
  }

  private savedTable(name: TableName): Map<string, string> {
    let saved = this.saved.get(name);
    if (!saved) {
      saved = new Map();
      this.saved.set(name, saved);
    }
    return saved;
  }
}

function keyOf(name: TableName, row: object): string {
  const record = row as { id?: string; key?: string };
  return String(name === "privateNetworks" ? record.key : record.id);
}
