/**
 * Optional persistence of the store to one JSON file. Each save writes a temporary file, fsyncs
 * it, renames it over the previous one and fsyncs the directory: a crash at any point leaves
 * either the old or the new complete file, never a torn one.
 */
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from "node:fs";
import { dirname } from "node:path";
import type { StoreSnapshot } from "./store";

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

const TABLES = [
  "lbs",
  "ips",
  "backends",
  "frontends",
  "routes",
  "acls",
  "certificates",
  "privateNetworks",
  "subscribers",
] as const;

function isSnapshot(value: unknown): value is StoreSnapshot {
  return (
    isObject(value) &&
    value.version === 1 &&
    typeof value.seq === "number" &&
    TABLES.every((key) => {
      const rows = value[key];
      return Array.isArray(rows) && rows.every(isObject);
    })
  );
}

/** The saved store, `undefined` when the file does not exist yet; throws on an unreadable file. */
export function loadSnapshot(file: string): StoreSnapshot | undefined {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    if (isObject(error) && error.code === "ENOENT") return undefined;
    throw error;
  }
  const parsed: unknown = JSON.parse(text);
  if (!isSnapshot(parsed)) throw new Error(`${file} is not an emulator data file (version 1)`);
  return parsed;
}

export function saveSnapshot(file: string, snapshot: StoreSnapshot): void {
  const temp = `${file}.${process.pid}.tmp`;
  const fd = openSync(temp, "w", 0o600);
  try {
    writeSync(fd, JSON.stringify(snapshot));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temp, file);
  try {
    const dir = openSync(dirname(file), "r");
    try {
      fsyncSync(dir);
    } finally {
      closeSync(dir);
    }
  } catch {
    // Some platforms cannot fsync a directory; the rename itself is still atomic.
  }
}
