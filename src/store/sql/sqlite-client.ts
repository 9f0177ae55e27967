import type Database from 'better-sqlite3';
import type { RunResult, SqlClient, SqlValue } from './client.js';
import { rowsAsObjects, rowAsObject } from './sqlite-rows.js';

/** The connection as seen from inside a transaction: statements run at once. */
class SqliteStatements implements SqlClient {
  readonly dialect = 'sqlite' as const;
  private savepoints = 0;
  constructor(
    readonly db: Database.Database,
    readonly inTransaction: boolean,
    private readonly rootClient?: SqlClient,
  ) {}
  get root(): SqlClient {
    return this.rootClient ?? this;
  }
  async all<T>(sql: string, params: readonly SqlValue[] = []): Promise<T[]> {
    return rowsAsObjects(this.db.prepare(sql), params) as T[];
  }
  async get<T>(sql: string, params: readonly SqlValue[] = []): Promise<T | undefined> {
    return rowAsObject(this.db.prepare(sql), params) as T | undefined;
  }
  async run(sql: string, params: readonly SqlValue[] = []): Promise<RunResult> {
    return { changes: this.db.prepare(sql).run(...params).changes };
  }
  async exec(sql: string): Promise<void> {
    this.db.exec(sql);
  }
  /** Already inside one: nested work runs in a savepoint. */
  async transaction<T>(fn: (tx: SqlClient) => Promise<T>): Promise<T> {
    const name = `sp${++this.savepoints}`;
    this.db.exec(`SAVEPOINT ${name}`);
    try {
      const out = await fn(this);
      this.db.exec(`RELEASE ${name}`);
      return out;
    } catch (err) {
      if (this.db.inTransaction) this.db.exec(`ROLLBACK TO ${name}; RELEASE ${name}`);
      throw err;
    } finally {
      this.savepoints--;
    }
  }
  async close(): Promise<void> {}
}

/**
 * SqlClient over a better-sqlite3 connection. better-sqlite3 is synchronous, so every call
 * resolves at once; what needs care is a transaction whose body awaits: other callers of
 * the same connection must wait for it to end instead of slipping their statements into it.
 * A queue of transactions (and of statements issued while one is open) keeps them apart.
 */
export class SqliteClient extends SqliteStatements {
  private tail: Promise<unknown> = Promise.resolve();
  private inTx = false;
  private readonly inside: SqliteStatements;

  constructor(
    db: Database.Database,
    private readonly closeDb = false,
  ) {
    super(db, false);
    this.inside = new SqliteStatements(db, true, this);
  }

  override async all<T>(sql: string, params?: readonly SqlValue[]): Promise<T[]> {
    if (this.inTx) await this.outsideTx();
    return super.all<T>(sql, params);
  }

  override async get<T>(sql: string, params?: readonly SqlValue[]): Promise<T | undefined> {
    if (this.inTx) await this.outsideTx();
    return super.get<T>(sql, params);
  }

  override async run(sql: string, params?: readonly SqlValue[]): Promise<RunResult> {
    if (this.inTx) await this.outsideTx();
    return super.run(sql, params);
  }

  override async exec(sql: string): Promise<void> {
    if (this.inTx) await this.outsideTx();
    return super.exec(sql);
  }

  override transaction<T>(fn: (tx: SqlClient) => Promise<T>): Promise<T> {
    const run = async (): Promise<T> => {
      this.inTx = true;
      this.db.exec('BEGIN IMMEDIATE');
      try {
        const out = await fn(this.inside);
        this.db.exec('COMMIT');
        return out;
      } catch (err) {
        if (this.db.inTransaction) this.db.exec('ROLLBACK');
        throw err;
      } finally {
        this.inTx = false;
      }
    };
    const result = this.tail.then(run, run);
    this.tail = result.catch(() => undefined);
    return result;
  }

  /**
   * Runs `fn`'s reads in one read transaction (BEGIN, which takes no write lock): every
   * statement outside one opens and closes its own, and each costs SQLite three system calls
   * (a lock, a size check, an unlock), a third of an indexed lookup's time. A page's several
   * reads thus also see one state of the store. Queued like `transaction`, for the same reason.
   */
  readTogether<T>(fn: (q: SqlClient) => Promise<T>): Promise<T> {
    const run = async (): Promise<T> => {
      this.db.prepare('BEGIN').run();
      this.inTx = true;
      try {
        return await fn(this.inside);
      } finally {
        this.inTx = false;
        if (this.db.inTransaction) this.db.prepare('COMMIT').run();
      }
    };
    const result = this.tail.then(run, run);
    this.tail = result.catch(() => undefined);
    return result;
  }

  override async close(): Promise<void> {
    await this.tail;
    if (this.closeDb && this.db.open) this.db.close();
  }

  /** Statements issued from outside a running transaction wait for it to end. */
  private async outsideTx(): Promise<void> {
    while (this.inTx) await this.tail;
  }
}
