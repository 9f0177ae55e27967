import type { SqlClient } from './client.js';
import { SqliteClient } from './sqlite-client.js';

/**
 * Several reads that make one answer (a page), in one read transaction where the engine
 * makes that cheaper (SQLite: SqliteClient.readTogether); elsewhere, and inside a
 * transaction already, as they are.
 */
export function readTogether<T>(db: SqlClient, fn: (q: SqlClient) => Promise<T>): Promise<T> {
  return db instanceof SqliteClient ? db.readTogether(fn) : fn(db);
}
