import { mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { assetPath } from '../paths.js';
import { migrate } from './db.js';

/**
 * For a migration's test: an in-memory SQLite store as the migrations before `number` (e.g.
 * '021') left it, with foreign keys on; `migrate(db, assetPath('store', 'migrations'))` then
 * applies that one and those after it.
 */
export function storeBefore(number: string): Database.Database {
  const all = assetPath('store', 'migrations');
  const before = mkdtempSync(join(tmpdir(), `almanac-mig${number}-`));
  try {
    for (const f of readdirSync(all).filter((f) => f.endsWith('.sql') && f < number))
      symlinkSync(join(all, f), join(before, f));
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, before);
    return db;
  } finally {
    rmSync(before, { recursive: true, force: true });
  }
}
