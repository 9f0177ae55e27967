import { openDb, type OpenOptions } from '../db.js';
import { taxonomySeed } from '../taxonomy-seed.js';
import type { SqlClient } from './client.js';
import { migrateStore } from './migrate.js';
import { PgClient } from './pg-client.js';
import { value } from './query.js';
import { isPostgresUrl, redact } from './url.js';

/**
 * Opens a store by URL with its migrations applied and `opts.seed`'s topics seeded:
 * `postgres://…` (or `postgresql://…`) for PostgreSQL, else a SQLite file (`sqlite:` prefix optional).
 */
export async function openStore(
  url: string,
  opts: OpenOptions & { poolSize?: number; now?: () => string } = {},
): Promise<SqlClient> {
  const now = opts.now ?? (() => new Date().toISOString());
  if (isPostgresUrl(url)) {
    const client = PgClient.connect(url, { max: opts.poolSize });
    try {
      await migrateStore(client, now, undefined, opts.onMigration);
      const seed = taxonomySeed(opts.seed ?? [], now());
      if (((await value<number>(client, seed.count)) ?? 0) < (opts.seed?.length ?? 0)) {
        await client.transaction(async (tx) => {
          for (const [sql, params] of seed.inserts) await tx.run(sql, params);
        });
      }
    } catch (err) {
      await client.close().catch(() => undefined);
      throw new StoreError(`cannot open the PostgreSQL store at ${redact(url)}: ${(err as Error).message}`);
    }
    return client;
  }
  return openDb(url.replace(/^sqlite:/i, ''), { onMigration: opts.onMigration, seed: opts.seed });
}

/** A store that cannot be opened (server unreachable, refused, bad credentials). */
export class StoreError extends Error {
  override name = 'StoreError';
}
