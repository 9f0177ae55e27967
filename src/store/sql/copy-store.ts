import type { SqlClient, SqlValue } from './client.js';
import { storeTables } from './schema.js';

/**
 * Copies one store into another, whichever engines hold them (SQLite → PostgreSQL to move
 * up, or back): `almanac migrate-store --from … --to …`. Both are migrated to the same
 * schema first (openStore does that), so every table has the same columns on both sides.
 *
 * What is not copied, and why: full-text indexes (FTS5 tables on SQLite, tsvector columns on
 * PostgreSQL), subject_weeks, event_sources and guide_top are filled by the target's own triggers as rows arrive; the
 * guides' event counts are recounted once at the end for the same reason; the job queue and
 * host slots belong to the processes of one deployment (admin sign-ins to its users), and schema_migrations to the target;
 * event_changes is a feed of one store's changes (the target's triggers start its own).
 * The target must be new (no sources, articles, events or guides): copying into a store with
 * data would mix two histories. Rows its migrations seeded are replaced by the source's.
 */
export interface CopyProgress {
  table: string;
  rows: number;
  total: number;
}

export interface CopyReport {
  tables: Array<{ table: string; rows: number }>;
  rows: number;
}

const SKIPPED = new Set([
  'schema_migrations',
  'subject_weeks',
  'event_sources',
  'guide_top',
  'event_changes',
  'jobs',
  'host_slots',
  'admin_sessions',
]);
const BATCH = 500;
/** Bound parameters per INSERT, under both engines' limits (SQLite 32,766; PostgreSQL 65,535). */
const MAX_PARAMS = 30_000;

/** Foreign-key edges (child → parent) of the target, for an order that inserts parents first. */
async function parentsOf(c: SqlClient): Promise<Map<string, Set<string>>> {
  const rows =
    c.dialect === 'postgres'
      ? await c.all<{ child: string; parent: string }>(
          `SELECT tc.table_name AS child, ccu.table_name AS parent FROM information_schema.table_constraints tc
           JOIN information_schema.constraint_column_usage ccu ON ccu.constraint_name = tc.constraint_name AND ccu.table_schema = tc.table_schema
           WHERE tc.constraint_type = 'FOREIGN KEY' AND tc.table_schema = current_schema()`,
        )
      : await c.all<{ child: string; parent: string }>(
          `SELECT m.name AS child, f."table" AS parent FROM sqlite_master m, pragma_foreign_key_list(m.name) f WHERE m.type = 'table'`,
        );
  const out = new Map<string, Set<string>>();
  for (const r of rows)
    if (r.child !== r.parent) (out.get(r.child) ?? out.set(r.child, new Set()).get(r.child)!).add(r.parent);
  return out;
}

function insertionOrder(names: string[], parents: Map<string, Set<string>>): string[] {
  const order: string[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (t: string) => {
    if (state.get(t) === 'done' || state.get(t) === 'visiting') return;
    state.set(t, 'visiting');
    for (const p of [...(parents.get(t) ?? [])].sort()) if (names.includes(p)) visit(p);
    state.set(t, 'done');
    order.push(t);
  };
  for (const t of [...names].sort()) visit(t);
  return order;
}

const quote = (id: string) => `"${id.replace(/"/g, '""')}"`;

export async function copyStore(
  from: SqlClient,
  to: SqlClient,
  onProgress?: (p: CopyProgress) => void,
): Promise<CopyReport> {
  const [source, target, parents] = await Promise.all([storeTables(from), storeTables(to), parentsOf(to)]);
  const names = [...source.keys()].filter((t) => target.has(t) && !SKIPPED.has(t));
  // New means no user data yet; what the migrations seeded (the topic taxonomy) is replaced by the source's.
  for (const t of ['sources', 'articles', 'events', 'guides']) {
    if (!target.has(t)) continue;
    const has = await to.get(`SELECT 1 AS x FROM ${quote(t)} LIMIT 1`);
    if (has) throw new Error(`the target store is not empty (table ${t} has rows): copy into a new, empty store`);
  }
  const order = insertionOrder(names, parents);
  const report: CopyReport = { tables: [], rows: 0 };
  await to.transaction(async (tx) => {
    for (const t of [...order].reverse()) await tx.run(`DELETE FROM ${quote(t)}`);
    for (const t of order) {
      const s = source.get(t)!;
      const targetColumns = new Set(target.get(t)!.columns);
      const columns = s.columns.filter((col) => targetColumns.has(col));
      const key = s.primaryKey.length ? s.primaryKey : columns;
      const total = Number((await from.get<{ n: number }>(`SELECT COUNT(*) AS n FROM ${quote(t)}`))!.n);
      const select = `SELECT ${columns.map(quote).join(', ')} FROM ${quote(t)}`;
      const orderBy = ` ORDER BY ${key.map(quote).join(', ')}`;
      // Keyset pages on the primary key (row values compare the same way on both engines).
      const after =
        key.length === 1
          ? `${quote(key[0]!)} > ?`
          : `(${key.map(quote).join(', ')}) > (${key.map(() => '?').join(', ')})`;
      const batch = Math.max(1, Math.min(BATCH, Math.floor(MAX_PARAMS / columns.length)));
      const placeholders = `(${columns.map(() => '?').join(', ')})`;
      let copied = 0;
      let last: SqlValue[] | undefined;
      for (;;) {
        const rows = await from.all<Record<string, SqlValue>>(
          `${select}${last ? ` WHERE ${after}` : ''}${orderBy} LIMIT ${batch}`,
          last ?? [],
        );
        if (!rows.length) break;
        await tx.run(
          `INSERT INTO ${quote(t)} (${columns.map(quote).join(', ')}) VALUES ${rows.map(() => placeholders).join(', ')}`,
          rows.flatMap((r) => columns.map((col) => r[col] ?? null)),
        );
        copied += rows.length;
        onProgress?.({ table: t, rows: copied, total });
        if (rows.length < batch) break;
        last = key.map((col) => rows[rows.length - 1]![col] ?? null);
      }
      report.tables.push({ table: t, rows: copied });
      report.rows += copied;
    }
    // Counts kept by triggers: the copied guide rows came with their counts, and each copied
    // guide_events row counted once more; recount from the rows themselves.
    if (target.has('guides') && target.has('guide_events')) {
      await tx.run(`UPDATE guides SET event_count = (SELECT COUNT(*) FROM guide_events g WHERE g.guide_slug = guides.slug),
        last_event_at = (SELECT MAX(first_seen) FROM guide_events g WHERE g.guide_slug = guides.slug)`);
    }
    // Identity columns continue after the highest copied id.
    if (to.dialect === 'postgres') {
      const identities = await tx.all<{ t: string; col: string }>(
        `SELECT table_name AS t, column_name AS col FROM information_schema.columns WHERE table_schema = current_schema() AND is_identity = 'YES'`,
      );
      for (const { t, col } of identities) {
        if (!names.includes(t)) continue;
        await tx.run(
          `SELECT setval(pg_get_serial_sequence(?, ?), GREATEST(COALESCE((SELECT MAX(${quote(col)}) ` +
            `FROM ${quote(t)}), 0), 1), (SELECT COUNT(*) > 0 FROM ${quote(t)}))`,
          [t, col],
        );
      }
    }
  });
  return report;
}
