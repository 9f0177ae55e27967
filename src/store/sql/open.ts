import { openDb } from '../db.js';
import type { SqlClient } from './client.js';
import { migrateStore } from './migrate.js';
import { PgClient } from './pg-client.js';
import { SqliteClient } from './sqlite-client.js';
import { isPostgresUrl, redact } from './url.js';

/**
 * Opens a store by URL with its migrations applied: `postgres://…` (or `postgresql://…`)
 * for PostgreSQL, else a SQLite file (`sqlite:` prefix optional).
 */
export async function openStore(url: string, opts: { poolSize?: number; now?: () => string } = {}): Promise<SqlClient> {
  const now = opts.now ?? (() => new Date().toISOString());
  if (isPostgresUrl(url)) {
    const client = PgClient.connect(url, { max: opts.poolSize });
    try {
      await migrateStore(client, now);
    } catch (err) {
      await client.close().catch(() => undefined);
      throw new Error(`cannot open the PostgreSQL store at ${redact(url)}: ${(err as Error).message}`);
    }
    return client;
  }
  return new SqliteClient(openDb(url.replace(/^sqlite:/i, '')), true);
}

