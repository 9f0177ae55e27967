import type { SqlClient, SqlValue } from './client.js';

/**
 * Small helpers over SqlClient for the shapes store code asks for most: one value (a
 * count, an id), one column, and a list passed as one parameter.
 */

/** The first column of the first row, or undefined when there is no row. */
export async function value<T>(db: SqlClient, sql: string, params: readonly SqlValue[] = []): Promise<T | undefined> {
  const row = await db.get<Record<string, unknown>>(sql, params);
  if (!row) return undefined;
  for (const k in row) return row[k] as T;
  return undefined;
}

/** The first column of every row. */
export async function column<T>(db: SqlClient, sql: string, params: readonly SqlValue[] = []): Promise<T[]> {
  const rows = await db.all<Record<string, unknown>>(sql, params);
  const out: T[] = [];
  for (const row of rows) {
    for (const k in row) {
      out.push(row[k] as T);
      break;
    }
  }
  return out;
}

/**
 * A subquery of the values of one JSON-array parameter, as a column named `value`: bind
 * JSON.stringify(list) to its one `?`. Lets a statement take a list of any length without
 * building its SQL from the list (so its text, and its cached plan, stay the same).
 */
export function listParam(db: SqlClient, type: 'text' | 'int'): string {
  if (db.dialect === 'sqlite') return 'SELECT value FROM json_each(?)';
  return type === 'int'
    ? 'SELECT value::bigint AS value FROM jsonb_array_elements_text(?::jsonb) AS j(value)'
    : 'SELECT value FROM jsonb_array_elements_text(?::jsonb) AS j(value)';
}

/** The larger of two values in one row (SQLite's two-argument max; GREATEST on PostgreSQL). */
export function greatest(db: SqlClient, a: string, b: string): string {
  return db.dialect === 'sqlite' ? `max(${a}, ${b})` : `GREATEST(${a}, ${b})`;
}

/** The first column of the first row of a query that always answers one (a COUNT, an aggregate). */
export async function one<T>(db: SqlClient, sql: string, params: readonly SqlValue[] = []): Promise<T> {
  const row = await db.get<Record<string, unknown>>(sql, params);
  if (!row) throw new Error(`expected a row from: ${sql.slice(0, 80)}`);
  for (const k in row) return row[k] as T;
  throw new Error(`expected a column from: ${sql.slice(0, 80)}`);
}
