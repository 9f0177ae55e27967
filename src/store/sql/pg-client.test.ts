import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { SqlClient } from './client.js';
import { createDatabase, dropDatabase } from './fresh-database.js';
import { openStore } from './open.js';
import { PgClient } from './pg-client.js';
import { PLANNED_ONCE } from './planned-once.js';

/** Needs ALMANAC_TEST_DATABASE_URL (scripts/pg-test-server.sh); skipped without it. */
const serverUrl = process.env['ALMANAC_TEST_DATABASE_URL'];

const setting = async (c: SqlClient, name: string) =>
  (await c.get<{ v: string }>('SELECT current_setting(?) AS v', [name]))?.v;

describe('PgClient', { skip: !serverUrl && 'needs ALMANAC_TEST_DATABASE_URL' }, () => {
  it('opens connections that plan no parallel workers, compile nothing and plan for the values, in a transaction too', async () => {
    const db = PgClient.connect(serverUrl!, { max: 2 });
    const settings = async (c: SqlClient) => [
      await setting(c, 'max_parallel_workers_per_gather'),
      await setting(c, 'jit'),
      await setting(c, 'plan_cache_mode'),
    ];
    try {
      assert.deepEqual(await settings(db), ['0', 'off', 'force_custom_plan']);
      await db.transaction(async (tx) => assert.deepEqual(await settings(tx), ['0', 'off', 'force_custom_plan']));
    } finally {
      await db.close();
    }
  });

  it('plans a statement marked PLANNED_ONCE once per connection, outside a transaction; inside one, for its values', async () => {
    const db = PgClient.connect(serverUrl!, { max: 1 });
    const mode = (c: SqlClient, marked: boolean) =>
      c
        .get<{ v: string }>(`${marked ? PLANNED_ONCE : ''}SELECT current_setting('plan_cache_mode') AS v`)
        .then((r) => r?.v);
    try {
      assert.equal(await mode(db, true), 'force_generic_plan');
      assert.equal(await mode(db, false), 'force_custom_plan');
      await db.transaction(async (tx) => assert.equal(await mode(tx, true), 'force_custom_plan'));
    } finally {
      await db.close();
    }
  });

  it('warm opens every connection of both pools before the first request', async () => {
    const url = await createDatabase(serverUrl!, 'almanac_test_warm');
    const name = `warm_${process.pid}`;
    await (await openStore(url)).close();
    const db = PgClient.connect(url, { max: 4, applicationName: name });
    try {
      await db.warm();
      const open = await db.get<{ n: number }>(
        'SELECT COUNT(*) AS n FROM pg_stat_activity WHERE application_name = ?',
        [name],
      );
      assert.equal(open?.n, 4 + 2);
    } finally {
      await db.close();
      await dropDatabase(serverUrl!, url);
    }
  });

  it('prepares each statement once per connection and binds it after', async () => {
    const db = PgClient.connect(serverUrl!, { max: 1 });
    const sql = 'SELECT ? + 1 AS v';
    try {
      for (const n of [1, 2]) assert.equal((await db.get<{ v: number }>(sql, [n]))?.v, n + 1);
      const prepared = await db.all<{ statement: string }>(
        'SELECT statement FROM pg_prepared_statements WHERE statement = ?',
        ['SELECT $1 + 1 AS v'],
      );
      assert.equal(prepared.length, 1);
    } finally {
      await db.close();
    }
  });

  it('runs a prepared statement again after a schema change moved its columns', async () => {
    const db = PgClient.connect(serverUrl!, { max: 1 });
    const table = `prepared_${process.pid}`;
    try {
      await db.exec(`CREATE TABLE ${table} (a int); INSERT INTO ${table} VALUES (1)`);
      assert.deepEqual(await db.all(`SELECT * FROM ${table}`), [{ a: 1 }]);
      await db.exec(`ALTER TABLE ${table} ADD COLUMN b int`);
      assert.deepEqual(await db.all(`SELECT * FROM ${table}`), [{ a: 1, b: null }]);
    } finally {
      await db.exec(`DROP TABLE IF EXISTS ${table}`);
      await db.close();
    }
  });
});
