import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BACKENDS, testDeps, testDepsOn } from '../../test/helpers.js';
import type { Db } from './db.js';
import { eventChangesSince, pruneEventChanges } from './event-changes.js';

const at = '2026-11-16T10:00:00.000Z';
const later = '2026-11-17T10:00:00.000Z';

async function event(db: Db, id: string) {
  await db.run(
    `INSERT INTO events (id, title, first_seen, last_updated, topics, entities) VALUES (?, ?, ?, ?, '["chips"]', '[]')`,
    [id, `Event ${id}`, at, at],
  );
}

const logged = async (db: Db) =>
  (await db.all<{ event_id: string }>('SELECT event_id FROM event_changes ORDER BY seq')).map((r) => r.event_id);

describe('the feed of event changes', () => {
  it('logs every change to what relating reads of an event, and nothing else', async () => {
    const { db } = testDeps();
    try {
      await event(db, 'e1');
      await event(db, 'e2');
      assert.deepEqual(await logged(db), [], 'a new event: no one can hold a row of it');
      await db.run(
        "UPDATE events SET significance = 7, summary = 'x', factors = '{}', relate_pending = 1 WHERE id = 'e1'",
      );
      await db.run("UPDATE events SET title = 'Another title' WHERE id = 'e1'");
      await db.run("UPDATE events SET last_updated = last_updated, topics = topics WHERE id = 'e1'");
      assert.deepEqual(
        await logged(db),
        [],
        'significance, summary, a title that stays a title, values written unchanged',
      );
      const changes: Array<[string, string]> = [
        ["title = ''", 'e1'],
        [`last_updated = '${later}'`, 'e1'],
        [`first_seen = '${later}'`, 'e2'],
        [`topics = '["chips","export"]'`, 'e2'],
        [`entities = '[{"name":"TSMC","type":"org","weight":1}]'`, 'e1'],
        // Relating weighs an opinion beside opinions (migration 027).
        ["kind = 'op-ed'", 'e2'],
      ];
      for (const [set, id] of changes) await db.run(`UPDATE events SET ${set} WHERE id = ?`, [id]);
      assert.deepEqual(
        await logged(db),
        changes.map(([, id]) => id),
      );
      await db.run('DELETE FROM event_changes');

      await db.run(
        `INSERT INTO event_vectors (event_id, size, norm2, last_seen, centroid) VALUES ('e2', 1, 1, ?, '{}')`,
        [at],
      );
      await db.run(`UPDATE event_vectors SET size = 2, centroid = '{"a":1}' WHERE event_id = 'e2'`);
      await db.run(`DELETE FROM event_vectors WHERE event_id = 'e2'`);
      await db.run(
        `INSERT INTO event_vectors (event_id, size, norm2, last_seen, centroid) VALUES ('e1', 1, 1, ?, '{}')`,
        [at],
      );
      await db.run(`DELETE FROM events WHERE id = 'e1'`);
      assert.deepEqual(
        await logged(db),
        ['e2', 'e2', 'e2', 'e1', 'e1', 'e1'],
        "a centroid written, rewritten, deleted; an event deleted (its centroid's row with it)",
      );
    } finally {
      await db.close();
    }
  });

  it('tells a reader what changed after its mark, or that it cannot know once the rows after it are pruned', async () => {
    const { db } = testDeps();
    try {
      for (const id of ['e1', 'e2', 'e3']) await event(db, id);
      const first = await eventChangesSince(db, undefined);
      assert.deepEqual(first, { mark: 0, changed: undefined }, 'no mark yet: anything may have changed');
      assert.deepEqual(
        await eventChangesSince(db, 0),
        { mark: 0, changed: new Set() },
        'an empty feed, read from its start',
      );
      const touch = (id: string, when: string) => db.run('UPDATE events SET last_updated = ? WHERE id = ?', [when, id]);
      await touch('e1', later);
      await touch('e2', later);
      await touch('e1', '2026-11-18T10:00:00.000Z');
      const second = await eventChangesSince(db, 0);
      assert.deepEqual(second, { mark: 3, changed: new Set(['e1', 'e2']) });
      assert.deepEqual(await eventChangesSince(db, 3), { mark: 3, changed: new Set() });
      await touch('e3', later);
      assert.deepEqual(await eventChangesSince(db, 3), { mark: 4, changed: new Set(['e3']) });

      await pruneEventChanges(db, 2);
      assert.deepEqual(
        (await db.all<{ seq: number }>('SELECT seq FROM event_changes ORDER BY seq')).map((r) => r.seq),
        [3, 4],
        'the newest two kept',
      );
      assert.deepEqual(
        await eventChangesSince(db, 2),
        { mark: 4, changed: new Set(['e1', 'e3']) },
        'a reader at 2 has missed nothing',
      );
      assert.deepEqual(
        await eventChangesSince(db, 1),
        { mark: 4, changed: undefined },
        'a reader at 1 missed change 2',
      );
      assert.deepEqual(await eventChangesSince(db, 9), { mark: 4, changed: undefined }, 'a mark this store never gave');

      // Emptied, the numbering goes on from where it was: a reader from the start learns it missed some.
      await db.run('DELETE FROM event_changes');
      assert.deepEqual(await eventChangesSince(db, 4), { mark: 0, changed: undefined });
      await touch('e2', at);
      assert.deepEqual(await eventChangesSince(db, 0), { mark: 5, changed: undefined });
      assert.deepEqual(await eventChangesSince(db, 4), { mark: 5, changed: new Set(['e2']) });
    } finally {
      await db.close();
    }
  });

  it('reads the feed from the ends of its key, never a scan of it (a reader asks once a job, and the feed holds 100,000 rows)', async () => {
    const { db } = testDeps();
    try {
      await event(db, 'e1');
      await db.run("UPDATE events SET topics = '[]' WHERE id = 'e1'");
      // Every statement the reader sends, through a client that notes them.
      const sent: Array<[string, readonly unknown[] | undefined]> = [];
      const noting = new Proxy(db, {
        get(target, key, receiver) {
          const v = Reflect.get(target, key, receiver) as unknown;
          if ((key === 'get' || key === 'all') && typeof v === 'function') {
            return (sql: string, params?: readonly unknown[]) => {
              sent.push([sql, params]);
              return (v as (s: string, p?: readonly unknown[]) => unknown).call(target, sql, params);
            };
          }
          return v;
        },
      });
      assert.deepEqual(await eventChangesSince(noting, 0), { mark: 1, changed: new Set(['e1']) });
      assert.ok(sent.length >= 2);
      for (const [sql, params] of sent) {
        const plan = (await db.all<{ detail: string }>(`EXPLAIN QUERY PLAN ${sql}`, params as never)).map(
          (r) => r.detail,
        );
        assert.ok(!plan.some((d) => /^SCAN event_changes\b/.test(d)), `${sql}: ${plan.join('; ')}`);
      }
    } finally {
      await db.close();
    }
  });

  for (const backend of BACKENDS)
    it(`exists on every engine and prunes there; only SQLite's can be read as a feed (${backend})`, async () => {
      const { db } = await testDepsOn(backend);
      try {
        await event(db, 'e1');
        await db.run("UPDATE events SET topics = '[]' WHERE id = 'e1'");
        await pruneEventChanges(db, 1);
        const read = await eventChangesSince(db, 0);
        if (backend === 'sqlite') assert.deepEqual(read, { mark: 1, changed: new Set(['e1']) });
        else {
          assert.deepEqual(await logged(db), [], 'PostgreSQL keeps no feed');
          assert.equal(read.changed, undefined, 'so a reader there holds nothing');
        }
      } finally {
        await db.close();
      }
    });
});
