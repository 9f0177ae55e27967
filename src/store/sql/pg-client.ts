import pg from 'pg';
import type { RunResult, SqlClient, SqlValue } from './client.js';
import { PgStatements } from './pg-statements.js';
import { PLANNED_ONCE } from './planned-once.js';

// BIGINT (int8) and NUMERIC counts come back as strings by default, to be safe past 2^53.
// Our ids, counts and sums stay far below that, and both backends must answer in numbers.
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1700, (v) => Number(v));

type Queryable = Pick<pg.Pool | pg.PoolClient, 'query'>;

/**
 * Settings of every connection we open. No parallel workers: our statements are many small
 * ones at once (a page is a few, each reading tens of rows), and a parallel plan starts worker
 * processes for each (a source-filtered feed's list took 120-200 ms that way at 1M articles,
 * 6-25 ms without) and takes the cores the other requests are waiting for. No JIT: it compiles
 * any statement the planner costs high (a search gathering a common word's matches) for tens
 * of milliseconds, which statements that read a few hundred rows never win back. Custom plans
 * only for prepared statements: a generic plan ignores the values, and one list's (a topic's
 * events from week 0) took 836 ms where its custom plan took 20 ms at 1M articles.
 */
const SESSION_OPTIONS = '-c max_parallel_workers_per_gather=0 -c jit=off';
const CUSTOM_PLANS = `${SESSION_OPTIONS} -c plan_cache_mode=force_custom_plan`;
/**
 * The connections that run statements marked PLANNED_ONCE: each is planned once per connection
 * for any values, where a custom plan costs more than running it (an event page's statement:
 * 1.2 ms planning, 0.3 ms running, at 100k articles).
 */
const GENERIC_PLANS = `${SESSION_OPTIONS} -c plan_cache_mode=force_generic_plan`;

/**
 * How long an idle connection is kept. A new backend's first text search loads the dictionaries
 * and its catalog caches (25-150 ms); a server whose requests pause for seconds should not pay
 * that again after each pause. Idle connections do not keep a process from exiting.
 */
const IDLE_MS = 10 * 60_000;

/**
 * What warm() runs on each connection: loads the text search dictionaries and parser, which
 * are most of a new backend's first search. It reads no table: a LIMIT 1 search of a word no row
 * holds may be planned as a scan of the whole table.
 */
const WARM = `SELECT ts_headline('english', 'warm', q), ts_rank(to_tsvector('english', 'warm'), q)
  FROM plainto_tsquery('english', 'warm') AS q`;

/** feature_not_supported: "cached plan must not change result type". */
const PLAN_CHANGED = '0A000';

/** Statements over a pool (each on any free connection) or over one held connection. */
class PgQueries implements SqlClient {
  readonly dialect = 'postgres' as const;
  private savepoints = 0;
  constructor(
    protected readonly q: Queryable,
    protected readonly statements: PgStatements,
    readonly inTransaction: boolean,
    private readonly rootClient?: SqlClient,
  ) {}
  get root(): SqlClient {
    return this.rootClient ?? this;
  }

  async all<T>(sql: string, params: readonly SqlValue[] = []): Promise<T[]> {
    return (await this.query(sql, params)).rows as T[];
  }
  async get<T>(sql: string, params: readonly SqlValue[] = []): Promise<T | undefined> {
    return (await this.all<T>(sql, params))[0];
  }
  async run(sql: string, params: readonly SqlValue[] = []): Promise<RunResult> {
    return { changes: (await this.query(sql, params)).rowCount ?? 0 };
  }
  /**
   * `sql` as a prepared statement. One whose result columns a schema change moved (a `SELECT *`
   * after a column was added by another process) fails once on each connection that prepared it:
   * outside a transaction it runs again unprepared.
   */
  private async query(sql: string, params: readonly SqlValue[]): Promise<pg.QueryResult> {
    const statement = this.statements.of(sql);
    const values = params as SqlValue[];
    const q = this.queryable(sql);
    try {
      return await q.query({ ...statement, values });
    } catch (err) {
      if (this.inTransaction || !statement.name || (err as { code?: string }).code !== PLAN_CHANGED) throw err;
      return q.query({ text: statement.text, values });
    }
  }
  /** Where `sql` runs: inside a transaction, on its connection. */
  protected queryable(_sql: string): Queryable {
    return this.q;
  }
  async exec(sql: string): Promise<void> {
    await this.q.query(sql);
  }
  /** Inside a transaction already: nested work runs in a savepoint. */
  async transaction<T>(fn: (tx: SqlClient) => Promise<T>): Promise<T> {
    const name = `sp${++this.savepoints}`;
    await this.q.query(`SAVEPOINT ${name}`);
    try {
      const out = await fn(this);
      await this.q.query(`RELEASE SAVEPOINT ${name}`);
      return out;
    } catch (err) {
      await this.q.query(`ROLLBACK TO SAVEPOINT ${name}`).catch(() => undefined);
      throw err;
    } finally {
      this.savepoints--;
    }
  }
  async close(): Promise<void> {}
}

/**
 * SqlClient over two node-postgres pools: statements marked PLANNED_ONCE run on connections
 * that plan them once, the others on the main pool; a transaction holds one pooled connection.
 */
export class PgClient extends PgQueries {
  private constructor(
    private readonly pool: pg.Pool,
    private readonly plannedOncePool: pg.Pool,
  ) {
    super(pool, new PgStatements(), false);
  }

  protected override queryable(sql: string): Queryable {
    return sql.startsWith(PLANNED_ONCE) ? this.plannedOncePool : this.pool;
  }

  /**
   * `max` connections at most (10 by default) for statements planned for their values, and half
   * as many (at least 2) for those planned once, which are short reads by key: a process opens up
   * to 1.5 × `max` connections in all.
   */
  static connect(url: string, opts: { max?: number; applicationName?: string } = {}): PgClient {
    const max = opts.max ?? 10;
    const pool = (options: string, size: number) => {
      const p = new pg.Pool({
        connectionString: url,
        max: size,
        application_name: opts.applicationName ?? 'almanac',
        options,
        idleTimeoutMillis: IDLE_MS,
        allowExitOnIdle: true,
      });
      // An idle connection that the server drops must not crash the process: the next query reconnects.
      p.on('error', () => undefined);
      return p;
    };
    return new PgClient(pool(CUSTOM_PLANS, max), pool(GENERIC_PLANS, Math.max(2, Math.ceil(max / 2))));
  }

  /**
   * Opens every connection of both pools at once and runs a text search on each (a server does
   * this before it listens): a new backend's first search costs 25-150 ms, which would otherwise
   * land on the first requests.
   */
  async warm(): Promise<void> {
    const each = async (pool: pg.Pool) => {
      const held = await Promise.all(Array.from({ length: pool.options.max }, () => pool.connect()));
      try {
        await Promise.all(held.map((c) => c.query(WARM)));
      } finally {
        for (const c of held) c.release();
      }
    };
    await Promise.all([each(this.pool), each(this.plannedOncePool)]);
  }

  override async transaction<T>(fn: (tx: SqlClient) => Promise<T>): Promise<T> {
    const conn = await this.pool.connect();
    try {
      await conn.query('BEGIN');
      const out = await fn(new PgQueries(conn, this.statements, true, this));
      await conn.query('COMMIT');
      return out;
    } catch (err) {
      await conn.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      conn.release();
    }
  }

  override async close(): Promise<void> {
    await Promise.all([this.pool.end(), this.plannedOncePool.end()]);
  }
}
