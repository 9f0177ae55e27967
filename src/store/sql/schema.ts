import type { SqlClient } from './client.js';

export interface StoreTable {
  name: string;
  columns: string[];
  primaryKey: string[];
}

/**
 * The tables of a store with their columns (in table order) and primary keys, as both
 * engines describe them: full-text machinery left out (FTS5 tables on SQLite, the
 * generated tsvector `search` columns on PostgreSQL), so both list the same data.
 */
export async function storeTables(c: SqlClient): Promise<Map<string, StoreTable>> {
  const rows =
    c.dialect === 'postgres'
      ? await c.all<{ t: string; col: string; pk: number }>(
          `SELECT c.table_name AS t, c.column_name AS col,
                  COALESCE((SELECT k.ordinal_position FROM information_schema.table_constraints tc
                    JOIN information_schema.key_column_usage k ON k.constraint_name = ` +
            `tc.constraint_name AND k.table_schema = tc.table_schema AND k.table_name = tc.table_name
                    WHERE tc.constraint_type = 'PRIMARY KEY' AND tc.table_schema = c.table_schema ` +
            `AND tc.table_name = c.table_name AND k.column_name = c.column_name), 0) AS pk
           FROM information_schema.columns c
           WHERE c.table_schema = current_schema() AND c.is_generated = 'NEVER'
           ORDER BY c.table_name, c.ordinal_position`,
        )
      : await c.all<{ t: string; col: string; pk: number }>(
          `SELECT m.name AS t, p.name AS col, p.pk AS pk FROM sqlite_master m, pragma_table_info(m.name) p
           WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name NOT LIKE '%_fts%' ORDER BY m.name, p.cid`,
        );
  const out = new Map<string, StoreTable>();
  const pks = new Map<string, Array<[number, string]>>();
  for (const r of rows) {
    if (r.col === 'search') continue;
    const t = out.get(r.t) ?? { name: r.t, columns: [], primaryKey: [] };
    t.columns.push(r.col);
    out.set(r.t, t);
    if (Number(r.pk) > 0) pks.set(r.t, [...(pks.get(r.t) ?? []), [Number(r.pk), r.col]]);
  }
  for (const [t, cols] of pks) out.get(t)!.primaryKey = cols.sort((a, b) => a[0] - b[0]).map(([, col]) => col);
  return out;
}

/** The tables and columns every backend must have after the migrations (columns sorted by name). */
export async function schemaOf(c: SqlClient): Promise<Map<string, string[]>> {
  const tables = await storeTables(c);
  return new Map([...tables.values()].map((t) => [t.name, [...t.columns].sort()]));
}
