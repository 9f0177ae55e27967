import { TAXONOMY } from '../analyze/taxonomy.js';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { openDb } from '../store/db.js';
import { LiveClusterer } from './live.js';
import type { ClusterInput } from './cluster.js';

const DAY = 86_400_000;

/** Stores one article's assignment with only the event row its state refers to. */
async function place(db: ReturnType<typeof openDb>, live: LiveClusterer, doc: ClusterInput) {
  return live.assign(
    db,
    doc,
    async (a, tx) => {
      await tx.run(
        `INSERT INTO events (id, title, first_seen, last_updated) VALUES (?, 'x', ?, ?) ON CONFLICT(id) DO NOTHING`,
        [a.event, doc.published.toISOString(), doc.published.toISOString()],
      );
    },
    async () => {},
  );
}

/** Runs `fn` on a new in-memory store, closed afterwards. */
async function withDb(fn: (db: ReturnType<typeof openDb>) => Promise<void>) {
  const db = openDb(':memory:', { seed: TAXONOMY });
  try {
    await fn(db);
  } finally {
    await db.close();
  }
}

const story = (id: string, at: number, title: string): ClusterInput => ({
  id,
  title,
  text: `${title}. The report gives the details of it.`,
  published: new Date(at),
});

describe('LiveClusterer.load', () => {
  it('restores the events of the month before the newest stored article, however long ago that was', () =>
    withDb(async (db) => {
      // News from a year before the clock (an archive being backfilled).
      const t0 = Date.UTC(2025, 0, 10);
      const first = await LiveClusterer.load(db, {}, new Date(t0));
      const old = await place(
        db,
        first,
        story('1', t0 - 40 * DAY, 'Harbour authority closes the northern pier for repairs'),
      );
      const idle = await place(db, first, story('4', t0 - 10 * DAY, 'Museum reopens its east wing after the flood'));
      const fresh = await place(db, first, story('2', t0, 'Orchestra names violinist Mara Quill its new conductor'));
      assert.notEqual(old.event, fresh.event);

      const restarted = await LiveClusterer.load(db, {}, new Date(t0 + 365 * DAY));
      // The event of the newest article is held again; the one idle for 40 days behind it is not.
      assert.ok(restarted.centroidOf(fresh.event), 'the recent event was not loaded');
      assert.equal(restarted.centroidOf(old.event), undefined);
      // One idle for ten days (past two clustering windows: out of the candidate index) is held for relating.
      assert.ok(restarted.centroidOf(idle.event), 'an event idle for ten days was not loaded');
      // So the story's next article joins its event instead of starting another.
      const next = await place(
        db,
        restarted,
        story('3', t0 + 3_600_000, 'Orchestra names violinist Mara Quill its new conductor'),
      );
      assert.equal(next.event, fresh.event);
      assert.equal(next.created, false);
    }));

  it('measures from the clock when the store holds an article dated after it', () =>
    withDb(async (db) => {
      const now = Date.UTC(2026, 10, 22);
      const live = await LiveClusterer.load(db, {}, new Date(now));
      const early = await place(
        db,
        live,
        story('1', now - 29.5 * DAY, 'Harbour authority closes the northern pier for repairs'),
      );
      // A day ahead of the clock (ingest allows that much; beyond, it takes the fetch time).
      await place(db, live, story('2', now + DAY, 'Orchestra names violinist Mara Quill its new conductor'));
      const restarted = await LiveClusterer.load(db, {}, new Date(now));
      assert.ok(restarted.centroidOf(early.event), 'an event within the month before the clock was dropped');
    }));
});
