import type { SqlClient, SqlValue } from './client.js';

/**
 * Small helpers over SqlClient for the shapes store code asks for most: one value (a
 * count, an id), one column, and a list passed as one parameter.
 */

/** A row's first column (rows keep their columns in the query's order on both engines). */
const firstColumn = <T>(row: Record<string, unknown>): T => row[Object.keys(row)[0]!] as T;

/** The first column of the first row, or undefined when there is no row. */
export async function value<T>(db: SqlClient, sql: string, params: readonly SqlValue[] = []): Promise<T | undefined> {
  const row = await db.get<Record<string, unknown>>(sql, params);
  return row && firstColumn<T>(row);
}

/** The first column of the first row of a query that always answers one (a COUNT, an aggregate). */
export async function one<T>(db: SqlClient, sql: string, params: readonly SqlValue[] = []): Promise<T> {
  const row = await db.get<Record<string, unknown>>(sql, params);
  if (!row) throw new Error(`expected a row from: ${sql.slice(0, 80)}`);
  return firstColumn<T>(row);
}

/** The first column of every row. */
export async function column<T>(db: SqlClient, sql: string, params: readonly SqlValue[] = []): Promise<T[]> {
  return (await db.all<Record<string, unknown>>(sql, params)).map((row) => firstColumn<T>(row));
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

/**
 * A subquery of the rows of one JSON parameter (an array of objects), one column per named
 * field: bind JSON.stringify(rows) to its one `?`. Many rows written in one statement
 * instead of one statement each, which on PostgreSQL saves a round trip per row.
 */
export function rowsParam(
  db: SqlClient,
  columns: ReadonlyArray<readonly [name: string, type: 'text' | 'int' | 'real']>,
): string {
  if (db.dialect === 'sqlite')
    return `SELECT ${columns.map(([c]) => `json_extract(value, '$.${c}') AS ${c}`).join(', ')} FROM json_each(?)`;
  const pgType = { text: 'text', int: 'bigint', real: 'double precision' } as const;
  return `SELECT * FROM jsonb_to_recordset(?::jsonb) AS r(${columns.map(([c, t]) => `${c} ${pgType[t]}`).join(', ')})`;
}
