import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { SEARCH_CANDIDATES } from './fts-recent.js';
import { newestMatches } from './search-postgres-candidates.js';
import type { SqlClient, SqlValue } from './sql/client.js';
import { createDatabase, dropDatabase } from './sql/fresh-database.js';
import { openStore } from './sql/open.js';
import { column } from './sql/query.js';

/**
 * The newest matches on PostgreSQL, whichever way they are found (a walk of the newest rows
 * for common words, the GIN index for rare ones), against every match sorted without an
 * index. Needs ALMANAC_TEST_DATABASE_URL (scripts/pg-test-server.sh); skipped without it.
 */
const serverUrl = process.env['ALMANAC_TEST_DATABASE_URL'];
const ROWS = 60_000;

describe('newest matches on PostgreSQL', { skip: !serverUrl && 'needs ALMANAC_TEST_DATABASE_URL' }, () => {
  let url = '';
  let db: SqlClient;
  before(async () => {
    url = await createDatabase(serverUrl!, 'almanac_test_candidates');
    db = await openStore(url);
    await db.run(
      `INSERT INTO sources (id, name, feed_url, created_at) VALUES ('s', 'S', 'https://s.example/feed', '2026-01-01')`,
    );
    // Every row says "common" and "widespread" (in one row in 50: a first walk sees 20, a second walk fills the
    // candidates); one in 400 says "scarce" (too few for a second walk: the GIN index answers); only the
    // oldest rows say "ancient"; "fading" is in one newest row in 100 and no older one (a second walk comes up
    // short); "sparse" and "widespread" are both in rows 100 apart, older rows only; "twin" and "pair" are said
    // together in one row in 20 (the planner, multiplying their shares, expects one in 400), "north" in others;
    // "bygone" is in one row in 10 of the older half only (the walk its share asks for finds none).
    await db.run(
      `INSERT INTO articles (id, source_id, guid, title, fetched_at, text, content_hash, updated_at)
      SELECT i, 's', 'g' || i, 'Report ' || i, '2026-01-01',
        'common' || CASE WHEN i % 50 = 0 THEN ' widespread' ELSE '' END || CASE WHEN i % 400 = 0 THEN ' scarce' ELSE '' END
          || CASE WHEN i <= 10 THEN ' ancient' ELSE '' END || CASE WHEN i > ${ROWS - 1000} AND i % 100 = 0 THEN ' fading' ELSE '' END
          || CASE WHEN i % 100 = 0 AND i < 20000 THEN ' sparse' ELSE '' END
          || CASE WHEN i % 20 = 0 THEN ' twin pair' WHEN i % 20 = 1 THEN ' north' ELSE '' END
          || CASE WHEN i % 10 = 0 AND i <= 30000 THEN ' bygone' ELSE '' END,
        'h' || i, '2026-01-01'
      FROM generate_series(1, ${ROWS}) AS i`,
    );
    await db.exec('ANALYZE');
  });
  after(async () => {
    await db?.close();
    if (url) await dropDatabase(serverUrl!, url);
  });

  const articles = { table: 'articles', key: 'id', order: 'id' } as const;
  // Without the GIN index or the walk: every row tested, then sorted.
  const expected = (words: string) =>
    column<number>(
      db,
      `SELECT id FROM articles WHERE ts_match_vq(search, plainto_tsquery('english', ?)) ORDER BY id DESC LIMIT ${SEARCH_CANDIDATES + 1}`,
      [words],
    );

  for (const words of [
    'common',
    'widespread',
    'scarce',
    'ancient',
    'fading',
    'bygone',
    'sparse widespread',
    'twin pair',
    'twin north',
    'zeppelin',
    'common scarce',
  ]) {
    it(`finds the newest matches of "${words}"`, async () => {
      assert.deepEqual(await newestMatches(db, [articles], words), [await expected(words)]);
    });
  }

  it('walks for a word in most rows and gathers one whose matches cost less to gather than the walk to test', async () => {
    const ways = async (words: string) => {
      const seen: string[] = [];
      const counted: SqlClient = Object.assign(Object.create(db) as SqlClient, {
        all: (sql: string, params?: readonly SqlValue[]) => {
          if (sql.includes('MATERIALIZED')) seen.push('gather');
          else if (/\) r\s+WHERE/.test(sql)) seen.push('walk');
          return db.all(sql, params);
        },
      });
      await newestMatches(counted, [articles], words);
      return seen;
    };
    assert.deepEqual(await ways('common'), ['walk']);
    // One row in 50: a walk would test 22,575 rows for the 1,200 matches the GIN index gathers.
    assert.deepEqual(await ways('widespread'), ['gather']);
  });

  it('answers each table in the order asked, an empty one with nothing, the GIN ones in one statement', async () => {
    const events = { table: 'events', key: 'id', textKey: true, order: 'last_updated' } as const;
    const statements = { table: 'extractions', key: 'article_id', order: 'article_id' } as const;
    for (const words of ['common', 'scarce'])
      assert.deepEqual(await newestMatches(db, [events, articles, statements], words), [[], await expected(words), []]);
  });
});
