import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { testDeps } from '../../test/helpers.js';
import { upsertArticle } from '../store/articles.js';
import { addToEvent } from '../store/events.js';
import { saveExtraction } from '../store/extractions.js';
import { upsertSource } from '../store/sources.js';
import { syncEventSubjects } from '../guides/membership.js';
import { refreshEvent, relateSizeClass } from './refresh.js';

type Db = ReturnType<typeof testDeps>['db'];

/** An article about chips in event `eventId`, published `hour` hours after the first. */
async function addArticle(db: Db, sourceId: string, eventId: string, n: number, hour: number): Promise<void> {
  const at = new Date(Date.parse('2026-11-16T08:00:00.000Z') + hour * 3_600_000).toISOString();
  const text = `Chip makers report record wafer orders for the quarter, story ${n}.`;
  const { id } = await upsertArticle(db, {
    sourceId, guid: `a${n}`, url: `https://example.org/a${n}`, canonicalUrl: null, title: `Record wafer orders ${n}`, author: null, publishedAt: at,
    fetchedAt: at, html: `<p>${text}</p>`, text, lang: 'en', image: null, wordCount: 12, truncated: false,
  }, []);
  await saveExtraction(db, id, { summary: text, keyphrases: [], topics: ['chips'], kind: 'news', claims: [], quotes: [], entities: [] }, { extractor: 'test', version: '1' }, at);
  await addToEvent(db, eventId, id, at);
}

/** Another event about chips, as relating finds it (an index row and a title). */
async function otherEvent(db: Db, id: string, at: string): Promise<void> {
  await db.run(`INSERT INTO events (id, title, first_seen, last_updated, topics, entities) VALUES (?, ?, ?, ?, '["chips"]', '[]')`, [id, `Event ${id}`, at, at]);
  await syncEventSubjects(db, id, { topics: ['chips'], entities: [], lastUpdated: at });
}

const related = async (db: Db, id: string) => (await db.all<{ related_id: string }>('SELECT related_id FROM event_relations WHERE event_id = ? ORDER BY related_id', [id])).map((r) => r.related_id);

describe('relating a growing event', () => {
  it('size classes change at 1, 4, 16, 64… members by default, at every power of the growth given, and at every refresh with a growth of 1', () => {
    assert.deepEqual([1, 2, 3, 4, 5, 15, 16, 63, 64, 255, 256].map((n) => relateSizeClass(n)), [0, 0, 0, 1, 1, 1, 2, 2, 3, 3, 4]);
    assert.deepEqual([1, 2, 3, 4, 7, 8].map((n) => relateSizeClass(n, 2)), [0, 1, 1, 2, 2, 3]);
    assert.deepEqual([1, 2, 3].map((n) => relateSizeClass(n, 1)), [1, 2, 3]);
  });

  it('relates a new event, keeps its relations while it grows within its class, and relates it anew at 4 members', async () => {
    const { db } = testDeps();
    try {
      const source = await upsertSource(db, { name: 'Wire', feedUrl: 'https://example.org/feed' }, new Date('2026-11-16T00:00:00Z'));
      await otherEvent(db, 'e900', '2026-11-15T08:00:00.000Z');
      const passes: boolean[] = [];
      for (let n = 1; n <= 5; n++) {
        await addArticle(db, source.id, 'e1', n, n);
        passes.push((await refreshEvent(db, 'e1')).related);
        // An event that appears after the first pass: seen only when e1 is related anew.
        if (n === 1) await otherEvent(db, 'e901', '2026-11-16T09:30:00.000Z');
        if (n === 3) assert.deepEqual(await related(db, 'e1'), ['e900'], 'still the relations of its first pass');
      }
      assert.deepEqual(passes, [true, false, false, true, false]);
      assert.deepEqual(await related(db, 'e1'), ['e900', 'e901'], 'the pass at 4 members found the newer event');
    } finally {
      await db.close();
    }
  });

  it('relates at every doubling with a growth of 2', async () => {
    const { db } = testDeps();
    try {
      const source = await upsertSource(db, { name: 'Wire', feedUrl: 'https://example.org/feed' }, new Date('2026-11-16T00:00:00Z'));
      const passes: boolean[] = [];
      for (let n = 1; n <= 5; n++) {
        await addArticle(db, source.id, 'e1', n, n);
        passes.push((await refreshEvent(db, 'e1', { relateGrowth: 2 })).related);
      }
      assert.deepEqual(passes, [true, true, false, true, false]);
    } finally {
      await db.close();
    }
  });
});
