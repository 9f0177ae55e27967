import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BACKENDS, testDeps, testDepsOn } from '../../test/helpers.js';
import { syncEventSubjects } from '../guides/membership.js';
import type { Db } from '../store/db.js';
import { pruneEventChanges } from '../store/event-changes.js';
import { eventCentroid, eventsSharing, heldCandidates, RelateCaches, SnapshotReads } from './reads.js';
import { SparseVector } from '../events/vector.js';
import { relateSubjects } from './score.js';

// One set of caches per store, as a pipeline holds it (PipelineState.relateCaches).
const caches = new WeakMap<Db, RelateCaches>();
function cachesOf(db: Db): RelateCaches {
  let c = caches.get(db);
  if (!c) caches.set(db, (c = new RelateCaches()));
  return c;
}

/** eventsSharing in the order the cases read best: subjects, window, who is left out, how many, and the job's reads. */
const sharing = (
  db: Db,
  topics: string[],
  entities: string[],
  since: string,
  exclude: string,
  limit: number,
  known?: undefined,
  reads?: SnapshotReads,
) => eventsSharing(db, cachesOf(db), { topics, entities, since, exclude, limit, known, reads });

/** An event with these topics, updated at `at`. */
async function event(db: Db, id: string, topics: string[], at: string, title = `Event ${id}`) {
  await db.run(
    `INSERT INTO events (id, title, first_seen, last_updated, topics, entities) VALUES (?, ?, ?, ?, ?, '[]')`,
    [id, title, at, at, JSON.stringify(topics)],
  );
  await syncEventSubjects(db, id, { topics, entities: [], lastUpdated: at });
}

describe('eventsSharing', () => {
  it(
    'chooses by shared subjects, then the latest week shared, then the newest event; leaves out ' +
      'the untitled and the stale, and fills their places from further down',
    async () => {
      const { db } = testDeps();
      try {
        const monday = '2026-11-16T10:00:00.000Z';
        const lastWeek = '2026-11-10T10:00:00.000Z';
        await event(db, 'e7', ['chips', 'export'], monday); // two shared
        await event(db, 'e20', ['chips'], lastWeek); // one shared, an earlier week
        await event(db, 'e9', ['chips'], monday); // one shared, this week
        await event(db, 'e100', ['export'], monday); // one shared, this week, newer than e9
        await event(db, 'e12', ['chips'], monday, ''); // untitled: never chosen
        await event(db, 'e500', ['chips', 'export'], '2026-08-01T10:00:00.000Z'); // outside the window
        const since = '2026-11-01T00:00:00.000Z';
        const ids = async (limit: number) =>
          (await sharing(db, ['chips', 'export'], [], since, 'e1', limit)).map((c) => c.id);
        assert.deepEqual(await ids(10), ['e7', 'e100', 'e9', 'e20']);
        // e12 (untitled) ranks above e9 by id among this week's ties; its place goes to the next.
        assert.deepEqual(await ids(3), ['e7', 'e100', 'e9']);
        assert.deepEqual(await ids(1), ['e7']);
        const [first] = await sharing(db, ['chips', 'export'], [], since, 'e7', 1);
        assert.deepEqual(
          [first!.id, first!.subjects.topics, first!.firstSeen],
          ['e100', relateSubjects(['export'], []).topics, monday],
          'the excluded event is not its own candidate',
        );
      } finally {
        await db.close();
      }
    },
  );

  for (const backend of BACKENDS)
    it(`with one relating job's reads, a candidate row read for one event serves the next, the window and titles still applied (${backend})`, async () => {
      const { db } = await testDepsOn(backend);
      try {
        const monday = '2026-11-16T10:00:00.000Z';
        await event(db, 'e7', ['chips', 'export'], monday);
        await event(db, 'e9', ['chips'], '2026-11-10T10:00:00.000Z');
        await event(db, 'e12', ['chips'], monday, ''); // untitled: read, never chosen
        const since = '2026-11-01T00:00:00.000Z';
        const ids = async (s: string, reads?: SnapshotReads) =>
          (await sharing(db, ['chips', 'export'], [], s, 'e1', 10, undefined, reads)).map((c) => c.id);
        const reads = new SnapshotReads();
        assert.deepEqual(await ids(since, reads), await ids(since), "the same choice with the job's reads as without");
        assert.deepEqual([...reads.rows.keys()].sort(), ['e12', 'e7', 'e9']);
        // Within a job the store cannot change; changed here, the held row shows the job's reads are used.
        await db.run("UPDATE events SET title = '' WHERE id = 'e7'");
        assert.deepEqual(await ids(since), ['e9'], 'read anew: e7 is untitled now');
        assert.deepEqual(await ids(since, reads), ['e7', 'e9'], "from the job's reads: e7 as the job saw it");
        assert.deepEqual(
          await ids('2026-11-11T00:00:00.000Z', reads),
          ['e7'],
          "a later window (e9 still in its subject's list for that week) leaves it out of the held rows too",
        );

        // Each subject's list is read once a job and held under its own subject (and week): asked
        // for one of them alone, the held list gives what a read would.
        const one = async (topics: string[], s: string, r?: SnapshotReads) =>
          (await sharing(db, topics, [], s, 'e1', 10, undefined, r)).map((c) => c.id);
        const fresh = new SnapshotReads();
        assert.deepEqual(await one(['chips', 'export'], since, fresh), ['e9'], 'e7 untitled now');
        assert.equal(fresh.lists.size, 2);
        await event(db, 'e30', ['export'], monday);
        await event(db, 'e31', ['chips'], monday);
        assert.deepEqual(
          await one(['export'], since, fresh),
          [],
          "export's list as the job read it: e7 alone (untitled)",
        );
        assert.deepEqual(await one(['chips'], since, fresh), ['e9'], "chips's list as the job read it: e31 not in it");
        assert.deepEqual(await one(['export'], since), ['e30']);
        assert.deepEqual(
          await one(['chips', 'wafers'], since, fresh),
          ['e9'],
          'a subject not held yet is read alongside the held',
        );
        assert.equal(fresh.lists.size, 3);
      } finally {
        await db.close();
      }
    });

  it('holds the rows one job read for the jobs after it, and reads again those the store says changed', async () => {
    const { db } = testDeps();
    try {
      const monday = '2026-11-16T10:00:00.000Z';
      const since = '2026-11-01T00:00:00.000Z';
      await event(db, 'e7', ['chips', 'export'], monday);
      await event(db, 'e9', ['chips'], '2026-11-10T10:00:00.000Z');
      await event(db, 'e11', ['chips'], monday);
      const held = heldCandidates();
      // A job as the relating thread runs one: in a read transaction, the held rows synced first.
      const job = async () => {
        await db.exec('BEGIN');
        try {
          await held.sync(db);
          return (await sharing(db, ['chips', 'export'], [], since, 'e1', 10, undefined, new SnapshotReads(held))).map(
            (c) => [c.id, c.subjects.topics, c.firstSeen],
          );
        } finally {
          await db.exec('COMMIT');
        }
      };
      const fresh = async () =>
        (await sharing(db, ['chips', 'export'], [], since, 'e1', 10)).map((c) => [
          c.id,
          c.subjects.topics,
          c.firstSeen,
        ]);
      assert.deepEqual(await job(), await fresh());
      assert.equal(held.size, 3);

      // Changes the feed logs: read anew by the next job.
      await db.run("UPDATE events SET title = '' WHERE id = 'e7'");
      await db.run(`UPDATE events SET topics = '["chips","wafers"]' WHERE id = 'e9'`);
      assert.deepEqual(await job(), await fresh(), 'e7 untitled now, e9 with its new topics');
      assert.deepEqual(
        (await job()).map(([id]) => id),
        ['e11', 'e9'],
      );
      await db.run("UPDATE events SET title = 'Back' WHERE id = 'e7'");
      await db.run("DELETE FROM events WHERE id = 'e11'");
      assert.deepEqual(await job(), await fresh(), 'e7 titled again, e11 gone');

      // A change the feed did not see (its trigger taken away for the test): the held row is served, not read.
      const trigger = (await db.get<{ sql: string }>(
        "SELECT sql FROM sqlite_master WHERE name = 'event_changes_update'",
      ))!.sql;
      await db.exec('DROP TRIGGER event_changes_update');
      await db.run(`UPDATE events SET first_seen = '2026-11-02T00:00:00.000Z' WHERE id = 'e9'`);
      await db.exec(trigger);
      assert.deepEqual(
        (await job()).find(([id]) => id === 'e9')?.[2],
        '2026-11-10T10:00:00.000Z',
        'held: as the earlier job read it',
      );
      assert.deepEqual((await fresh()).find(([id]) => id === 'e9')?.[2], '2026-11-02T00:00:00.000Z');

      // The feed pruned past what the thread saw: it cannot know what changed, so it holds nothing.
      await db.run("UPDATE events SET last_updated = '2026-11-16T11:00:00.000Z' WHERE id = 'e7'");
      await db.run("UPDATE events SET last_updated = '2026-11-16T12:00:00.000Z' WHERE id = 'e7'");
      await pruneEventChanges(db, 1);
      assert.deepEqual(await job(), await fresh(), 'read anew, e9 included');
    } finally {
      await db.close();
    }
  });

  for (const backend of BACKENDS)
    it(`keeps a subject's 200 latest events, ties within a week cut by id in byte order, the same on every store (${backend})`, async () => {
      const { db } = await testDepsOn(backend);
      try {
        const monday = '2026-11-16T10:00:00.000Z';
        // 210 events of one week: e1000…e1199, and e990…e999 (ids of another length, so byte order is not number order),
        // stored in a scrambled order (so the order rows were written in cannot stand in for the rule).
        const ids = [
          ...Array.from({ length: 200 }, (_, i) => `e${1000 + i}`),
          ...Array.from({ length: 10 }, (_, i) => `e${990 + i}`),
        ];
        const scrambled = ids
          .map((id, i) => ({ id, at: (i * 7919) % ids.length }))
          .sort((a, b) => a.at - b.at)
          .map((x) => x.id);
        await db.transaction(async (tx) => {
          for (const id of scrambled) await event(tx, id, ['chips'], monday);
        });
        const chosen = (await sharing(db, ['chips'], [], '2026-11-01T00:00:00.000Z', 'e1', 500)).map((c) => c.id);
        const kept = [...ids].sort().reverse().slice(0, 200);
        assert.deepEqual(new Set(chosen), new Set(kept));
        assert.ok(
          chosen.includes('e999') && !chosen.includes('e1009') && !chosen.includes('e1000'),
          'byte order: e999 above e1199',
        );
      } finally {
        await db.close();
      }
    });

  for (const backend of BACKENDS)
    it(`reads a stored centroid anew after every write of it, and from its cache while it stays (${backend})`, async () => {
      const { db } = await testDepsOn(backend);
      try {
        const at = '2026-11-16T10:00:00.000Z';
        await event(db, 'e3', ['chips'], at);
        const store = async (terms: [string, number][], size: number, norm2: number) =>
          db.run(
            `INSERT INTO event_vectors (event_id, centroid, norm2, size, last_seen) VALUES ('e3', ?, ?, ?, ?)
          ON CONFLICT(event_id) DO UPDATE SET centroid = excluded.centroid, norm2 = excluded.norm2, size = excluded.size, last_seen = excluded.last_seen`,
            [JSON.stringify(SparseVector.fromEntries(terms)), norm2, size, at],
          );
        const centroid = async () => [
          ...(await sharing(db, ['chips'], [], '2026-11-01T00:00:00.000Z', 'e1', 5))[0]!.centroid!.entries(),
        ];
        await store([['wafer', 1]], 1, 1);
        assert.deepEqual(await centroid(), [['wafer', 1]]);
        const first = (await sharing(db, ['chips'], [], '2026-11-01T00:00:00.000Z', 'e1', 5))[0]!.centroid;
        assert.equal(
          (await sharing(db, ['chips'], [], '2026-11-01T00:00:00.000Z', 'e1', 5))[0]!.centroid,
          first,
          'unchanged: the parsed vector is reused',
        );
        await store(
          [
            ['wafer', 1],
            ['fab', 2],
          ],
          2,
          5,
        );
        assert.deepEqual(
          await centroid(),
          [
            ['wafer', 1],
            ['fab', 2],
          ],
          'the event grew: its new centroid is read',
        );
        // The event's own centroid (what relating compares the candidates with) goes through the same cache.
        const grown = (await sharing(db, ['chips'], [], '2026-11-01T00:00:00.000Z', 'e1', 5))[0]!.centroid;
        assert.equal(
          await eventCentroid(db, cachesOf(db), 'e3'),
          grown,
          'held at this version: the same parsed vector',
        );
        await store([['fab', 3]], 3, 9);
        assert.deepEqual(
          [...(await eventCentroid(db, cachesOf(db), 'e3'))!.entries()],
          [['fab', 3]],
          'written again: read anew',
        );
        assert.equal(await eventCentroid(db, cachesOf(db), 'e404'), undefined, 'an event without a centroid has none');
      } finally {
        await db.close();
      }
    });
});
