import { TAXONOMY } from '../analyze/taxonomy.js';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { after, describe, it } from 'node:test';
import { testDeps } from '../../test/helpers.js';
import { loadCorpus } from '../demo/corpus.js';
import { DEMO_SOURCES } from '../demo/sources.js';
import { processPending } from '../pipeline/process.js';
import type { Deps } from '../pipeline/deps.js';
import { openDb } from '../store/db.js';
import { upsertArticle } from '../store/articles.js';
import { upsertSource } from '../store/sources.js';
import { STAGE_NAMES } from '../pipeline/stages.js';
import type { Significance } from '../store/event-rows.js';
import { createThreadRelater, type Relater } from './relater.js';
import { relatePending } from './relate.js';
import { RelateCaches } from './reads.js';
import { withNovelty } from '../events/significance.js';

const dirs: string[] = [];
after(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/**
 * A SQLite file store holding the demo corpus six times over (each copy from its own
 * sources, five days after the one before, its text marked with the copy): 606 articles,
 * four clustering batches.
 */
async function storeOfCopies(relater?: (file: string) => Relater): Promise<Deps & { file: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'almanac-relater-'));
  dirs.push(dir);
  const file = join(dir, 'store.db');
  const base = testDeps();
  await base.db.close();
  const db = openDb(file, { seed: TAXONOMY });
  const corpus = loadCorpus();
  const newest = Date.parse('2026-11-01T12:00:00Z');
  const at = new Date(newest).toISOString();
  for (let copy = 0; copy < 6; copy++) {
    for (const s of DEMO_SOURCES)
      await upsertSource(
        db,
        {
          id: `${s.id}-${copy}`,
          name: `${s.name} ${copy}`,
          tier: s.tier,
          kind: s.kind,
          feedUrl: `https://example.org/${s.id}/${copy}.xml`,
        },
        new Date(at),
      );
    for (const a of corpus) {
      const published = new Date(newest + copy * 5 * 86_400_000 - a.hoursBeforeNewest * 3_600_000).toISOString();
      const text = [...a.paragraphs, `Edition ${copy}.`].join('\n\n');
      await upsertArticle(
        db,
        {
          sourceId: `${a.sourceId}-${copy}`,
          guid: `${a.slug}-${copy}`,
          url: `https://example.org/${a.slug}/${copy}`,
          canonicalUrl: null,
          title: a.title,
          author: a.author,
          publishedAt: published,
          fetchedAt: published,
          html: a.paragraphs.map((p) => `<p>${p}</p>`).join(''),
          text,
          lang: 'en',
          image: null,
          wordCount: text.split(/\s+/).length,
          truncated: false,
        },
        STAGE_NAMES,
      );
    }
  }
  return { ...base, db, file, relater: relater?.(file) };
}

/** What relating decides, as stored: every event's significance and factors, every relation, every guide membership. */
async function relatingState(db: Deps['db']) {
  return {
    events: await db.all('SELECT id, significance, factors, relate_key, relate_pending FROM events ORDER BY id'),
    relations: await db.all(
      'SELECT event_id, related_id, similarity FROM event_relations ORDER BY event_id, related_id',
    ),
    guides: await db.all(
      'SELECT guide_slug, event_id, relevance, significance FROM guide_events ORDER BY guide_slug, event_id',
    ),
  };
}

describe('relating a batch after it commits', () => {
  it('gives the same store on a thread of its own as inline, with nothing left marked', async () => {
    const inline = await storeOfCopies();
    const lines: string[] = [];
    const threaded = await storeOfCopies((file) => createThreadRelater(file, (l) => lines.push(l)));
    try {
      assert.deepEqual(
        await processPending(inline),
        ['fulltext', 'analyze', 'cluster'].map((stage) => ({ stage, done: 606, failed: 0 })),
      );
      assert.deepEqual(
        await processPending(threaded),
        ['fulltext', 'analyze', 'cluster'].map((stage) => ({ stage, done: 606, failed: 0 })),
      );
      const a = await relatingState(inline.db);
      const b = await relatingState(threaded.db);
      assert.ok(
        a.events.length > 150 && a.relations.length > 1000 && a.guides.length > 500,
        `a store worth comparing: ${a.events.length} events, ${a.relations.length} relations, ${a.guides.length} memberships`,
      );
      assert.deepEqual(
        a.events.filter((e) => (e as { relate_pending: number }).relate_pending),
        [],
        'every event related',
      );
      assert.deepEqual(b, a);
      assert.deepEqual(lines, [], 'the thread did every job');
    } finally {
      await threaded.relater?.close();
      await inline.db.close();
      await threaded.db.close();
    }
  });

  it('relates at the next run the events a crash left marked, with the novelty and significance relating finds', async () => {
    const deps = await storeOfCopies();
    try {
      await processPending(deps);
      // As a crash between a batch's commit and the writing of its relations leaves them.
      const marked = (
        await deps.db.all<{ id: string }>('SELECT id FROM events ORDER BY article_count DESC, id LIMIT 12')
      ).map((e) => e.id);
      await deps.db.run(
        `UPDATE events SET relate_pending = 1 WHERE id IN (${marked.map(() => '?').join(',')})`,
        marked,
      );
      await deps.db.run(`DELETE FROM event_relations WHERE event_id IN (${marked.map(() => '?').join(',')})`, marked);
      const expected = new Map((await relatePending(deps.db, new RelateCaches())).map((r) => [r.id, r]));
      assert.deepEqual([...expected.keys()].sort(), [...marked].sort());
      const before = new Map(
        (await deps.db.all<{ id: string; factors: string }>('SELECT id, factors FROM events')).map((e) => [
          e.id,
          JSON.parse(e.factors) as Significance,
        ]),
      );

      assert.deepEqual(
        await processPending(deps),
        ['fulltext', 'analyze', 'cluster'].map((stage) => ({ stage, done: 0, failed: 0 })),
      );
      const rows = await deps.db.all<{ id: string; significance: number; factors: string; relate_pending: number }>(
        `SELECT id, significance, factors, relate_pending FROM events WHERE id IN (${marked.map(() => '?').join(',')})`,
        marked,
      );
      assert.equal(rows.length, marked.length);
      for (const r of rows) {
        const want = withNovelty(before.get(r.id)!, expected.get(r.id)!.novelty);
        assert.equal(r.relate_pending, 0);
        assert.deepEqual(JSON.parse(r.factors), want);
        assert.equal(r.significance, want.score);
      }
      const relatedNow = await deps.db.all<{ event_id: string }>(
        `SELECT DISTINCT event_id FROM event_relations WHERE event_id IN (${marked.map(() => '?').join(',')})`,
        marked,
      );
      assert.equal(relatedNow.length, [...expected.values()].filter((r) => r.relations.length).length);
    } finally {
      await deps.db.close();
    }
  });

  it('relates inline from then on when its thread fails, and loses no relation', async () => {
    const lines: string[] = [];
    const deps = await storeOfCopies((file) =>
      createThreadRelater(
        file,
        (l) => lines.push(l),
        () => new Worker('process.exit(3)', { eval: true }),
      ),
    );
    const reference = await storeOfCopies();
    try {
      await processPending(deps);
      await processPending(reference);
      assert.ok(
        lines.some((l) => /relating thread: stopped \(exit code 3\); relating on the main thread from now on/.test(l)),
        lines.join('\n'),
      );
      const got = await relatingState(deps.db);
      assert.deepEqual(
        got.events.filter((e) => (e as { relate_pending: number }).relate_pending),
        [],
      );
      // The jobs lost were done again by the next ones, so some events met later candidates
      // than inline: the same events are related, the same guides kept.
      const want = await relatingState(reference.db);
      assert.equal(got.events.length, want.events.length);
      assert.ok(got.relations.length > 100);
    } finally {
      await deps.relater?.close();
      await deps.db.close();
      await reference.db.close();
    }
  });
});
