import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { assetPath } from '../paths.js';
import { taxonomySeed, type SeedTopic } from './taxonomy-seed.js';
import { LruMap } from './lru.js';
import type { SqlClient } from './sql/client.js';
import { pendingMigrations, type OnMigration } from './sql/migrate.js';
import { SqliteClient } from './sql/sqlite-client.js';

/** The store as every stage, page and command sees it, whichever engine holds it (see sql/client.ts). */
export type Db = SqlClient;

/** How a store is opened: `seed`, the topics to seed (the domain's taxonomy, which the caller passes: the store knows only rows). */
export interface OpenOptions {
  onMigration?: OnMigration;
  seed?: readonly SeedTopic[];
}

/**
 * Opens (creating if needed) a SQLite store with migrations applied and the given topics
 * seeded. Synchronous, because SQLite is: opening the embedded store needs no await.
 * PostgreSQL stores are opened by openStore (sql/open.ts).
 */
export function openDb(file: string, opts: OpenOptions = {}): SqliteClient {
  return new SqliteClient(openSqliteFile(file, opts), true);
}

/**
 * The SQLite connection itself, in WAL mode, migrated and seeded (with `opts.seed`). WAL lets the web app read
 * while the pipeline writes; busy_timeout makes a writer wait for another process's write
 * instead of failing with SQLITE_BUSY.
 */
export function openSqliteFile(file: string, opts: OpenOptions = {}): Database.Database {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 10000');
  // 64 MB of page cache instead of SQLite's 2 MB: the pipeline's index reads stay in memory (measured: +15% ingest rate).
  db.pragma('cache_size = -65536');
  // Copy the log back into the database (a checkpoint, with its fsync) once it holds 100,000
  // pages (about 400 MB), not SQLite's 1,000: a clustering batch's commit writes thousands of
  // pages, so every commit paid a checkpoint, and the pages every batch writes again (index
  // roots, counters, the newest rows) were copied back each time. Readers are not held up (a
  // page is found in the log through its index). One round on copies of a 300k store, alternating
  // without and with: 210/228 and 208/233 articles/s (and 4 of 4 pairs with a preload setting it).
  db.pragma('wal_autocheckpoint = 100000');
  // The log file keeps its largest size while the store is open (it is written over from the
  // start after each checkpoint, and removed when the last connection closes): cutting it back
  // to 64 MB after each checkpoint (journal_size_limit) lost the gain in two pairs of rounds.
  cacheStatements(db);
  migrate(db, undefined, opts.onMigration);
  // Savepoints (each event's refresh has its own) keep the pages they change in a statement
  // journal, which SQLite writes to a temporary file once it passes 64 KB: much of the
  // main thread's writing (system calls and copies, if never the disk; bench/tools/thread-io.ts
  // shows it). In memory, each is freed when its savepoint is released. Set after the migrations, whose
  // table copies sort more than memory should hold.
  db.pragma('temp_store = MEMORY');
  if (opts.seed?.length) {
    const seed = taxonomySeed(opts.seed, new Date().toISOString());
    const seeded = db.prepare(seed.count).pluck().get() as number;
    if (seeded < opts.seed.length)
      db.transaction(() => seed.inserts.forEach(([sql, params]) => db.prepare(sql).run(...params))).immediate();
  }
  return db;
}

/**
 * A second connection to a SQLite store, for reading only (query_only), from another thread:
 * no migrations or seeding (the store's owner did those). WAL lets it read the last commit
 * while the owner writes the next. A small page cache: SQLite drops a connection's whole
 * cache when another connection has written since its last read, as the writer has before
 * every job of the relating thread, so only what one job reads again is ever found there
 * (8 MB against 32 MB: one round on a 200k store at the same rate, 32 MB less peak RSS).
 */
export function openSqliteReader(file: string): Database.Database {
  const db = new Database(file, { fileMustExist: true });
  db.pragma('busy_timeout = 10000');
  db.pragma('cache_size = -8192');
  db.pragma('query_only = ON');
  cacheStatements(db);
  return db;
}

/**
 * Reuse prepared statements: compiling SQL costs more than running most of our indexed
 * queries, and pages call the same store functions many times. A cached statement is handed
 * out in its default state (callers set pluck/raw/expand per call), and the cache is
 * bounded because filtered lists build their SQL from the filters in use.
 */
function cacheStatements(db: Database.Database, max = 1000): void {
  const prepare = db.prepare.bind(db);
  const cache = new LruMap<string, Database.Statement>(max);
  db.prepare = ((sql: string) => {
    const held = cache.get(sql);
    if (held?.busy) return prepare(sql); // iterating elsewhere: give this caller its own
    const s = held ?? prepare(sql);
    if (!held) cache.set(sql, s);
    if (s.reader) s.pluck(false).raw(false).expand(false);
    return s;
  }) as Database.Database['prepare'];
}

/** Applies every migration file not yet recorded, each in its own transaction. */
export function migrate(
  db: Database.Database,
  dir = assetPath('store', 'migrations'),
  onMigration?: OnMigration,
): string[] {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)');
  const done = new Set(db.prepare('SELECT name FROM schema_migrations').pluck().all() as string[]);
  const applied: string[] = [];
  for (const m of pendingMigrations('sqlite', done, dir)) {
    if (done.size) onMigration?.(m.name);
    db.transaction(() => {
      db.exec(m.sql);
      db.prepare('INSERT INTO schema_migrations (name, applied_at) VALUES (?, ?)').run(
        m.name,
        new Date().toISOString(),
      );
    }).immediate();
    applied.push(m.name);
  }
  return applied;
}

/** SQLite's integrity check: 'ok' or the problems found. PostgreSQL keeps no such check, and answers 'ok'. */
export async function integrityCheck(db: Db): Promise<string> {
  if (db.dialect !== 'sqlite') return 'ok';
  const rows = await db.all<{ integrity_check: string }>('PRAGMA integrity_check');
  return rows.map((r) => r.integrity_check).join('; ');
}
