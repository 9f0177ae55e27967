import { readdirSync, readFileSync } from 'node:fs';
import { assetPath } from '../../paths.js';
import type { SqlClient } from './client.js';
import { type Dialect, migrationFor } from './dialect.js';

/**
 * Told of each migration about to be applied to a store that already had some (an upgrade:
 * a migration may rewrite a large table and take a while), never of a new store's.
 */
export type OnMigration = (name: string) => void;

/**
 * Applies every migration not yet recorded, in one transaction, on either engine,
 * from the same files. On PostgreSQL an advisory lock makes concurrent starters (several
 * workers booting at once) apply them one at a time; SQLite's write lock does the same there.
 */
export async function migrateStore(
  client: SqlClient,
  now: () => string,
  dir = assetPath('store', 'migrations'),
  onMigration?: OnMigration,
): Promise<string[]> {
  await client.exec('CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)');
  const applied: string[] = [];
  await client.transaction(async (tx) => {
    if (tx.dialect === 'postgres') await tx.exec('SELECT pg_advisory_xact_lock(4242001)');
    const done = new Set((await tx.all<{ name: string }>('SELECT name FROM schema_migrations')).map((r) => r.name));
    for (const m of pendingMigrations(tx.dialect, done, dir)) {
      if (done.size) onMigration?.(m.name);
      await tx.exec(m.sql);
      await tx.run('INSERT INTO schema_migrations (name, applied_at) VALUES (?, ?)', [m.name, now()]);
      applied.push(m.name);
    }
  });
  return applied;
}

/** The migrations not in `done`, in order, each as the given engine must run it. */
export function pendingMigrations(
  dialect: Dialect,
  done: ReadonlySet<string>,
  dir = assetPath('store', 'migrations'),
): Array<{ name: string; sql: string }> {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.sql') && !done.has(f))
    .sort()
    .map((name) => ({ name, sql: migrationFor(dialect, readFileSync(`${dir}/${name}`, 'utf8')) }));
}
