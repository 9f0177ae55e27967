import type { SqlClient } from './client.js';
import { PgClient } from './pg-client.js';

/**
 * Readies a store for a server's first requests: on PostgreSQL every pooled connection is
 * opened and has run a text search (PgClient.warm); SQLite has nothing to open.
 */
export async function warmConnections(db: SqlClient): Promise<void> {
  if (db instanceof PgClient) await db.warm();
}
