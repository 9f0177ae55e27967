import type Database from 'better-sqlite3';
import type { SqlValue } from './client.js';

/**
 * Rows as objects keyed by column name, as better-sqlite3 gives them, but built here from its
 * arrays (raw mode): its own objects are made one property at a time in C++, which cost a
 * filtered feed's 50 rows a sixth of its read (bench/tools/page-render.ts); built in
 * JavaScript, each statement's rows share one shape. A later column of the same name wins,
 * as in better-sqlite3. The names are read once per statement, so a statement whose columns
 * come from a `*` is left to better-sqlite3: should the schema change under it (a migration by
 * another process), SQLite recompiles it, and the columns a `*` stands for change with it.
 */
const columnNames = new WeakMap<Database.Statement, string[]>();

function namesOf(s: Database.Statement): string[] {
  let names = columnNames.get(s);
  if (!names) columnNames.set(s, (names = s.columns().map((c) => c.name)));
  return names;
}

function toObject(names: string[], row: unknown[]): Record<string, unknown> {
  const o: Record<string, unknown> = {};
  for (let i = 0; i < names.length; i++) o[names[i]!] = row[i];
  return o;
}

/** Every row of a statement that returns data, as objects; one that returns none, or names its columns by `*`, runs as better-sqlite3 runs it. */
export function rowsAsObjects(s: Database.Statement, params: readonly SqlValue[]): unknown[] {
  if (!s.reader || s.source.includes('*')) return s.all(...params);
  const names = namesOf(s);
  let rows: unknown[][];
  try {
    rows = s.raw(true).all(...params) as unknown[][];
  } finally {
    s.raw(false);
  }
  const out = new Array<Record<string, unknown>>(rows.length);
  for (let i = 0; i < rows.length; i++) out[i] = toObject(names, rows[i]!);
  return out;
}

/** The first row as an object, or undefined. */
export function rowAsObject(s: Database.Statement, params: readonly SqlValue[]): unknown {
  if (!s.reader || s.source.includes('*')) return s.get(...params);
  const names = namesOf(s);
  let row: unknown[] | undefined;
  try {
    row = s.raw(true).get(...params) as unknown[] | undefined;
  } finally {
    s.raw(false);
  }
  return row && toObject(names, row);
}
