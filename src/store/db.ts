import Database from 'better-sqlite3';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { assetPath } from '../paths.js';
import { TAXONOMY } from '../analyze/taxonomy.js';
import { ensureTaxonomy } from './topics.js';

export type Db = Database.Database;

/**
 * Opens (creating if needed) the SQLite store in WAL mode and applies pending migrations.
 * WAL lets the web app read while the pipeline writes; busy_timeout makes a writer wait
 * for another process's write instead of failing with SQLITE_BUSY.
 */
export function openDb(file: string): Db {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 10000');
  migrate(db);
  ensureTaxonomy(db, TAXONOMY, new Date().toISOString());
  return db;
}

/** Applies every migration file not yet recorded, each in its own transaction. */
export function migrate(db: Db, dir = assetPath('store', 'migrations')): string[] {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)');
  const done = new Set(db.prepare('SELECT name FROM schema_migrations').pluck().all() as string[]);
  const files = readdirSync(dir).filter((f) => f.endsWith('.sql')).sort();
  const applied: string[] = [];
  for (const f of files) {
    if (done.has(f)) continue;
    const sql = readFileSync(`${dir}/${f}`, 'utf8');
    db.transaction(() => {
      db.exec(sql);
      db.prepare('INSERT INTO schema_migrations (name, applied_at) VALUES (?, ?)').run(f, new Date().toISOString());
    }).immediate();
    applied.push(f);
  }
  return applied;
}

/** Runs PRAGMA integrity_check; returns 'ok' or the problems found. */
export function integrityCheck(db: Db): string {
  const rows = db.prepare('PRAGMA integrity_check').pluck().all() as string[];
  return rows.join('; ');
}
