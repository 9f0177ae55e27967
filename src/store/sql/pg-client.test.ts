import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { SqlClient } from './client.js';
import { PgClient } from './pg-client.js';

/** Needs ALMANAC_TEST_DATABASE_URL (scripts/pg-test-server.sh); skipped without it. */
const serverUrl = process.env['ALMANAC_TEST_DATABASE_URL'];

const parallelWorkers = async (c: SqlClient) =>
  (await c.get<{ v: string }>('SELECT current_setting(?) AS v', ['max_parallel_workers_per_gather']))?.v;

describe('PgClient', { skip: !serverUrl && 'needs ALMANAC_TEST_DATABASE_URL' }, () => {
  it('opens connections that plan no parallel workers, in a transaction too', async () => {
    const db = PgClient.connect(serverUrl!, { max: 2 });
    try {
      assert.equal(await parallelWorkers(db), '0');
      await db.transaction(async (tx) => assert.equal(await parallelWorkers(tx), '0'));
    } finally {
      await db.close();
    }
  });
});
