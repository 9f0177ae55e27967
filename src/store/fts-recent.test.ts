import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { upsertArticle } from './articles.js';
import { openDb } from './db.js';
import { estimatedRows, type RankSpec, rankRecent, SEARCH_CANDIDATES } from './fts-recent.js';
import { upsertSource } from './sources.js';

/** Articles 1…n all say "chip"; those in `zeppelin` also say "zeppelin", as often as given; titles as given. */
async function store(n: number, zeppelin: Map<number, number>, titles: Map<number, string>) {
  const db = openDb(':memory:');
  const now = new Date('2026-01-01T00:00:00Z').toISOString();
  await upsertSource(db, { id: 's', name: 'S', feedUrl: 'https://s.example/feed' }, new Date(now));
  for (let i = 1; i <= n; i++) {
    const text = `A chip report, number ${i}.${' A zeppelin.'.repeat(zeppelin.get(i) ?? 0)}`;
    await upsertArticle(
      db,
      {
        sourceId: 's',
        guid: `g${i}`,
        url: `https://s.example/${i}`,
        canonicalUrl: null,
        title: titles.get(i) ?? `Report ${i}`,
        author: null,
        publishedAt: now,
        fetchedAt: now,
        html: `<p>${text}</p>`,
        text,
        lang: 'en',
        image: null,
        wordCount: 6,
        truncated: false,
      },
      [],
    );
  }
  return db;
}

const SPEC: RankSpec = {
  table: 'articles_fts',
  rank: 'bm25(articles_fts, 3.0, 1.0)',
  titleColumn: 'title',
  shown: 'rowid AS n',
};

describe('rankRecent', () => {
  it('ranks by bm25 while every word is rare, by title then time once one word is common', async () => {
    // Article 5 says "zeppelin" most often (bm25's first), 7 has both words in its title, 9 is the newest match.
    const db = await store(
      50,
      new Map([
        [5, 4],
        [7, 1],
        [9, 1],
      ]),
      new Map([[7, 'Chip zeppelin']]),
    );
    const ids = async (bm25MaxRows: number) =>
      (await rankRecent(db, SPEC, ['chip', 'zeppelin'], 10, bm25MaxRows)).rows.map((r) => r.id);
    assert.deepEqual(await ids(1_000), [7, 5, 9], 'bm25: the title weighs most, then how often the word is said');
    // "chip" is in 50 rows, more than 10: bm25 would count all 50, so it is not run.
    assert.deepEqual(await ids(10), [7, 9, 5]);
    await db.close();
  });

  it('estimates how many rows match from the newest matches', () => {
    assert.equal(estimatedRows([9, 5, 2]), 3, 'all there is');
    // SEARCH_CANDIDATES + 1 matches, one row in ten of the newest 3,001 of 10,000 rows: a tenth of the store.
    const newest = Array.from({ length: SEARCH_CANDIDATES + 1 }, (_, i) => 10_000 - i * 10);
    assert.equal(estimatedRows(newest), Math.round((301 * 10_000) / 3_001));
  });
});
