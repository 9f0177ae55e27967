import type { Dialect } from './dialect.js';

/** A value a query may bind: what both engines store the same way. */
export type SqlValue = string | number | bigint | null | Buffer | Uint8Array;

export interface RunResult {
  /** Rows inserted, updated or deleted. */
  changes: number;
}

/**
 * The one way storage code talks to a database, whichever engine holds it. SQL is written
 * with `?` placeholders in the dialect both engines share; `dialect` says which engine
 * answers where a query must differ (full-text search, JSON functions). Integers come back
 * as numbers on both (BIGINT is parsed; our ids and counts stay far below 2^53).
 */
export interface SqlClient {
  readonly dialect: Dialect;
  /** True for the client a transaction hands its body: statements run inside it. */
  readonly inTransaction: boolean;
  /**
   * The client this one came from (itself outside a transaction): what in-memory state
   * kept beside a store (the clusterer, caches) is keyed by, so a transaction's client
   * finds the same state as the store's.
   */
  readonly root: SqlClient;
  all<T = Record<string, unknown>>(sql: string, params?: readonly SqlValue[]): Promise<T[]>;
  get<T = Record<string, unknown>>(sql: string, params?: readonly SqlValue[]): Promise<T | undefined>;
  run(sql: string, params?: readonly SqlValue[]): Promise<RunResult>;
  /** Several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
  /**
   * Runs `fn` in one write transaction on one connection, committed when it resolves and
   * rolled back when it throws. On SQLite it takes the write lock at once (BEGIN
   * IMMEDIATE), so two processes never deadlock upgrading a read to a write. Called on a
   * transaction's client, it opens a savepoint: a nested failure undoes only its own work.
   * Inside a transaction, use the client it hands you: on SQLite a statement sent through
   * the outer client waits for the transaction to end.
   */
  transaction<T>(fn: (tx: SqlClient) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
