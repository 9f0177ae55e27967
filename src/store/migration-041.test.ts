import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createDatabase, dropDatabase } from './sql/fresh-database.js';
import { openStore } from './sql/open.js';

/** Needs ALMANAC_TEST_DATABASE_URL (scripts/pg-test-server.sh); skipped without it. */
const serverUrl = process.env['ALMANAC_TEST_DATABASE_URL'];

describe('migration 041 (search vectors kept in the row)', {
  skip: !serverUrl && 'needs ALMANAC_TEST_DATABASE_URL',
}, () => {
  it("stores an article's tsvector in its row, its text and HTML moved out first", async () => {
    const url = await createDatabase(serverUrl!, 'almanac_test_041');
    const db = await openStore(url);
    try {
      const storage = await db.all<{ attname: string; attstorage: string }>(
        `SELECT attname, attstorage FROM pg_attribute WHERE attrelid = 'articles'::regclass AND attname IN ('search', 'text', 'html')
        ORDER BY attname`,
      );
      assert.deepEqual(storage, [
        { attname: 'html', attstorage: 'x' },
        { attname: 'search', attstorage: 'm' },
        { attname: 'text', attstorage: 'x' },
      ]);
    } finally {
      await db.close();
      await dropDatabase(serverUrl!, url);
    }
  });
});
