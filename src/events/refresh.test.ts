import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { testDeps } from '../../test/helpers.js';
import { upsertArticle } from '../store/articles.js';
import { addToEvent } from '../store/event-writes.js';
import { saveExtraction } from '../store/extractions.js';
import { upsertSource } from '../store/sources.js';
import { syncEventSubjects } from '../guides/membership.js';
import { refreshEvent, relateSizeClass } from './refresh.js';
import { applyRelated } from '../relate/apply-related.js';
import { relatePending } from '../relate/relate.js';
import { RelateCaches } from '../relate/reads.js';

type Db = ReturnType<typeof testDeps>['db'];

/** An article about chips in event `eventId`, published `hour` hours after the first. */
async function addArticle(db: Db, sourceId: string, eventId: string, n: number, hour: number): Promise<void> {
  const at = new Date(Date.parse('2026-11-16T08:00:00.000Z') + hour * 3_600_000).toISOString();
  const text = `Chip makers report record wafer orders for the quarter, story ${n}.`;
  const { id } = await upsertArticle(
    db,
    {
      sourceId,
      guid: `a${n}`,
      url: `https://example.org/a${n}`,
      canonicalUrl: null,
      title: `Record wafer orders ${n}`,
      author: null,
      publishedAt: at,
      fetchedAt: at,
      html: `<p>${text}</p>`,
      text,
      lang: 'en',
      image: null,
      wordCount: 12,
      truncated: false,
    },
    [],
  );
  await saveExtraction(
    db,
    id,
    { summary: text, keyphrases: [], topics: ['ai-chips'], kind: 'news', claims: [], quotes: [], entities: [] },
    { extractor: 'test', version: '1' },
    at,
  );
  await addToEvent(db, eventId, id, at);
}

/** Another event about chips, as relating finds it (an index row and a title). */
async function otherEvent(db: Db, id: string, at: string): Promise<void> {
  await db.run(
    `INSERT INTO events (id, title, first_seen, last_updated, topics, entities) VALUES (?, ?, ?, ?, '["ai-chips"]', '[]')`,
    [id, `Event ${id}`, at, at],
  );
  await syncEventSubjects(db, id, { topics: ['ai-chips'], entities: [], lastUpdated: at });
}

const related = async (db: Db, id: string) =>
  (
    await db.all<{ related_id: string }>(
      'SELECT related_id FROM event_relations WHERE event_id = ? ORDER BY related_id',
      [id],
    )
  ).map((r) => r.related_id);

describe('relating a growing event', () => {
  it('size classes change at 1, 4, 16, 64… members by default, at every power of the growth given, and at every refresh with a growth of 1', () => {
    assert.deepEqual(
      [1, 2, 3, 4, 5, 15, 16, 63, 64, 255, 256].map((n) => relateSizeClass(n)),
      [0, 0, 0, 1, 1, 1, 2, 2, 3, 3, 4],
    );
    assert.deepEqual(
      [1, 2, 3, 4, 7, 8].map((n) => relateSizeClass(n, 2)),
      [0, 1, 1, 2, 2, 3],
    );
    assert.deepEqual(
      [1, 2, 3].map((n) => relateSizeClass(n, 1)),
      [1, 2, 3],
    );
  });

  it('relates a new event, keeps its relations while it grows within its class, and relates it anew at 4 members', async () => {
    const { db } = testDeps();
    try {
      const source = await upsertSource(
        db,
        { name: 'Wire', feedUrl: 'https://example.org/feed' },
        new Date('2026-11-16T00:00:00Z'),
      );
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
      const source = await upsertSource(
        db,
        { name: 'Wire', feedUrl: 'https://example.org/feed' },
        new Date('2026-11-16T00:00:00Z'),
      );
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

describe('relating left to later (deferRelating)', () => {
  const stateOf = async (db: Db, id: string) => ({
    event: await db.get('SELECT significance, factors, relate_key, relate_pending FROM events WHERE id = ?', [id]),
    relations: await db.all(
      'SELECT event_id, related_id, similarity FROM event_relations ORDER BY event_id, related_id',
    ),
  });

  it('marks the event, then writes what relating finds: the same as relating at once', async () => {
    const later = testDeps().db;
    const now = testDeps().db;
    try {
      for (const db of [later, now]) {
        const source = await upsertSource(
          db,
          { name: 'Wire', feedUrl: 'https://example.org/feed' },
          new Date('2026-11-16T00:00:00Z'),
        );
        await otherEvent(db, 'e900', '2026-11-15T08:00:00.000Z');
        await addArticle(db, source.id, 'e1', 1, 1);
      }
      assert.equal((await refreshEvent(later, 'e1', { deferRelating: true })).related, true);
      assert.deepEqual(await later.get('SELECT relate_pending FROM events WHERE id = ?', ['e1']), {
        relate_pending: 1,
      });
      assert.deepEqual(await related(later, 'e1'), [], 'nothing related yet');
      const found = await relatePending(later, new RelateCaches());
      assert.deepEqual(
        found.map((r) => [r.id, r.relations.map((x) => x.id)]),
        [['e1', ['e900']]],
      );
      assert.equal(await applyRelated(later, found), 1);

      await refreshEvent(now, 'e1');
      assert.deepEqual(await stateOf(later, 'e1'), await stateOf(now, 'e1'));
      assert.deepEqual(await relatePending(later, new RelateCaches()), [], 'nothing left marked');
    } finally {
      await later.close();
      await now.close();
    }
  });

  it('passes over an event marked again for another size class, and drops relations to events gone since', async () => {
    const { db } = testDeps();
    try {
      const source = await upsertSource(
        db,
        { name: 'Wire', feedUrl: 'https://example.org/feed' },
        new Date('2026-11-16T00:00:00Z'),
      );
      await otherEvent(db, 'e900', '2026-11-15T08:00:00.000Z');
      await otherEvent(db, 'e901', '2026-11-15T09:00:00.000Z');
      for (let n = 1; n <= 3; n++) await addArticle(db, source.id, 'e1', n, n);
      await refreshEvent(db, 'e1', { deferRelating: true });
      const found = await relatePending(db, new RelateCaches());
      assert.deepEqual(
        found[0]!.relations.map((x) => x.id),
        ['e900', 'e901'],
      );
      // A fourth article moves it to the next size class before the results are written.
      await addArticle(db, source.id, 'e1', 4, 4);
      await refreshEvent(db, 'e1', { deferRelating: true });
      assert.equal(await applyRelated(db, found), 0);
      assert.deepEqual(await db.get('SELECT relate_pending FROM events WHERE id = ?', ['e1']), { relate_pending: 1 });
      // Related as it is now; e901 is merged away before the results are written.
      const again = await relatePending(db, new RelateCaches());
      await db.run(`DELETE FROM events WHERE id = 'e901'`);
      assert.equal(await applyRelated(db, again), 1);
      assert.deepEqual(await related(db, 'e1'), ['e900']);
    } finally {
      await db.close();
    }
  });
});
