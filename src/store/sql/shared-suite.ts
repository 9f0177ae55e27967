import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { markStagesDone } from '../stages.js';
import {
  acquireHost,
  claimJobs,
  completeJob,
  enqueueJob,
  jobCounts,
  releaseHost,
  releaseJob,
  renewHost,
  renewJob,
} from '../jobs.js';
import type { SqlClient, SqlValue } from './client.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { copyStore } from './copy-store.js';
import { insertGuide, topGuideEvents } from '../guides.js';
import { type EventListOptions, listEventCards, listEvents } from '../events.js';
import { saveRelations } from '../relating.js';
import { weekFloorFor, weekOf } from '../recent-weeks.js';
import { MARK_CLOSE, MARK_OPEN, search } from '../search.js';
import { getArticle, updateArticleBody, upsertArticle } from '../articles.js';
import { saveCleanedArticle } from '../boilerplate.js';
import { saveExtraction } from '../extractions.js';
import { upsertSource } from '../sources.js';
import { schemaOf } from './schema.js';
import { migrateStore } from './migrate.js';
import { openStore } from './open.js';
import { column } from './query.js';
import { eventPageData } from '../event-page.js';

/** `inner` with its reads counted (`all` and `get`, which every read helper goes through). */
function countingStatements(inner: SqlClient): { client: SqlClient; statements: () => number } {
  let n = 0;
  const client: SqlClient = Object.assign(Object.create(inner) as SqlClient, {
    all: (sql: string, params?: readonly SqlValue[]) => (n++, inner.all(sql, params)),
    get: (sql: string, params?: readonly SqlValue[]) => (n++, inner.get(sql, params)),
  });
  return { client, statements: () => n };
}

/** What each backend's test file gives the suite: a fresh, empty store and its URL. */
export interface StoreFixture {
  url: string;
  /** Removes what the fixture made (a database, a file). */
  dispose(): Promise<void>;
}

const WORKER = fileURLToPath(new URL('./claim-worker.fixture.ts', import.meta.url));
const T0 = new Date('2026-03-01T12:00:00.000Z');
const at = (s: number): Date => new Date(T0.getTime() + s * 1000);
/** A topic seeded as openStore seeds the application's taxonomy (which the store does not import). */
const FIXTURE_SEED = [{ slug: 'fixture-topic', label: 'Fixture topic', aliases: [] }];

/**
 * The storage suite every backend runs (the router pattern: one interface, one suite,
 * several implementations). `make` opens a fresh empty store each time it is called.
 */
/**
 * `fillDemo` writes a SQLite store filled by the real pipeline from the demo feeds to a
 * file (the test files pass test/demo-store.ts's, which the built code must not import).
 */
export async function storageSuite(
  name: string,
  make: () => Promise<StoreFixture>,
  fillDemo: (file: string) => Promise<void>,
  reference?: () => Promise<Map<string, string[]>>,
): Promise<void> {
  describe(`storage suite: ${name}`, () => {
    let fx: StoreFixture;
    let c: SqlClient;
    before(async () => {
      fx = await make();
      c = await openStore(fx.url);
    });
    after(async () => {
      await c?.close();
      await fx?.dispose();
    });

    it('applies the migrations once; a second run applies nothing', async () => {
      assert.deepEqual(await migrateStore(c, () => T0.toISOString()), []);
      const names = await c.all<{ name: string }>('SELECT name FROM schema_migrations ORDER BY name');
      assert.ok(names.length >= 12, `only ${names.length} migrations recorded`);
      assert.equal(names[0]!.name, '001_initial.sql');
    });

    it('has the same tables and columns as the reference schema', async (t) => {
      if (!reference) return t.skip('this backend is the reference');
      const ours = await schemaOf(c);
      const ref = await reference();
      assert.deepEqual([...ours.keys()].sort(), [...ref.keys()].sort());
      for (const [table, cols] of ref) assert.deepEqual(ours.get(table), cols, `columns of ${table}`);
    });

    it('binds ? parameters (not inside literals), returns numbers for integers, and reports changes', async () => {
      await c.run(`INSERT INTO cluster_meta (key, value) VALUES (?, 'is it? yes'), (?, ?)`, ['a', 'b', 'two']);
      const rows = await c.all<{ key: string; value: string }>(
        'SELECT key, value FROM cluster_meta WHERE key IN (?, ?) ORDER BY key',
        ['a', 'b'],
      );
      assert.deepEqual(rows, [
        { key: 'a', value: 'is it? yes' },
        { key: 'b', value: 'two' },
      ]);
      const n = await c.get<{ n: number }>('SELECT COUNT(*) AS n FROM cluster_meta WHERE key LIKE ?', ['%']);
      assert.equal(n!.n, 2);
      assert.equal(typeof n!.n, 'number');
      assert.equal((await c.run('DELETE FROM cluster_meta WHERE key = ?', ['a'])).changes, 1);
      assert.equal(await c.get('SELECT key FROM cluster_meta WHERE key = ?', ['a']), undefined);
    });

    it('numbers INTEGER PRIMARY KEY rows itself and reads them back with RETURNING', async () => {
      await c.run(
        `INSERT INTO sources (id, name, feed_url, created_at) VALUES ('s', 'S', 'https://s.example/feed', ?)`,
        [T0.toISOString()],
      );
      const a = await c.all<{ id: number }>(
        `INSERT INTO articles (source_id, guid, title, fetched_at, content_hash, updated_at) VALUES ('s', 'g1', 'T', ?, 'h', ?) RETURNING id`,
        [T0.toISOString(), T0.toISOString()],
      );
      const b = await c.all<{ id: number }>(
        `INSERT INTO articles (source_id, guid, title, fetched_at, content_hash, updated_at) VALUES ('s', 'g2', 'T', ?, 'h', ?) RETURNING id`,
        [T0.toISOString(), T0.toISOString()],
      );
      assert.equal(typeof a[0]!.id, 'number');
      assert.ok(b[0]!.id > a[0]!.id);
    });

    it('commits a transaction that resolves and rolls back one that throws', async () => {
      await c.transaction(async (tx) => {
        await tx.run(`INSERT INTO cluster_meta (key, value) VALUES ('kept', '1')`);
      });
      await assert.rejects(
        c.transaction(async (tx) => {
          await tx.run(`INSERT INTO cluster_meta (key, value) VALUES ('gone', '1')`);
          throw new Error('boom');
        }),
        /boom/,
      );
      assert.ok(await c.get(`SELECT 1 AS x FROM cluster_meta WHERE key = 'kept'`));
      assert.equal(await c.get(`SELECT 1 AS x FROM cluster_meta WHERE key = 'gone'`), undefined);
    });

    it('keeps concurrent transactions apart: no lost update', async () => {
      await c.run(`INSERT INTO cluster_meta (key, value) VALUES ('counter', '0')`);
      const bump = () =>
        c.transaction(async (tx) => {
          const lock = tx.dialect === 'postgres' ? ' FOR UPDATE' : '';
          const r = await tx.get<{ value: string }>(`SELECT value FROM cluster_meta WHERE key = 'counter'${lock}`);
          await new Promise((res) => setTimeout(res, 1));
          await tx.run(`UPDATE cluster_meta SET value = ? WHERE key = 'counter'`, [String(Number(r!.value) + 1)]);
        });
      await Promise.all(Array.from({ length: 20 }, bump));
      assert.equal(
        (await c.get<{ value: string }>(`SELECT value FROM cluster_meta WHERE key = 'counter'`))!.value,
        '20',
      );
    });

    it('keeps guide counts and per-week subject counts by trigger, the same on every engine', async () => {
      const ts = T0.toISOString();
      await c.run(
        `INSERT INTO events (id, title, first_seen, last_updated) VALUES ('e1', 'E1', ?, ?), ('e2', 'E2', ?, ?)`,
        [ts, ts, ts, ts],
      );
      await c.run(
        `INSERT INTO guides (slug, title, subject_kind, subject, created_at, updated_at) VALUES ('g', 'G', 'topic', 'x', ?, ?)`,
        [ts, ts],
      );
      await c.run(
        `INSERT INTO guide_events (guide_slug, event_id, relevance, significance, first_seen, ` +
          `added_at) VALUES ('g', 'e1', 1, 5, '2026-03-01', ?), ('g', 'e2', 1, 5, '2026-03-02', ?)`,
        [ts, ts],
      );
      assert.deepEqual(await c.get(`SELECT event_count, last_event_at FROM guides WHERE slug = 'g'`), {
        event_count: 2,
        last_event_at: '2026-03-02',
      });
      await c.run(`DELETE FROM events WHERE id = 'e2'`);
      assert.deepEqual(await c.get(`SELECT event_count, last_event_at FROM guides WHERE slug = 'g'`), {
        event_count: 1,
        last_event_at: '2026-03-01',
      });

      await c.run(
        `INSERT INTO event_subjects (kind, subject, event_id, weight, week) VALUES ('topic', 'ai-chips', 'e1', 1, 2900)`,
      );
      await c.run(`INSERT INTO events (id, title, first_seen, last_updated) VALUES ('e3', 'E3', ?, ?)`, [ts, ts]);
      await c.run(
        `INSERT INTO event_subjects (kind, subject, event_id, weight, week) VALUES ('topic', 'ai-chips', 'e3', 1, 2900)`,
      );
      assert.deepEqual(await c.all(`SELECT week, events FROM subject_weeks WHERE subject = 'ai-chips'`), [
        { week: 2900, events: 2 },
      ]);
      await c.run(`UPDATE event_subjects SET week = 2901 WHERE event_id = 'e3'`);
      assert.deepEqual(await c.all(`SELECT week, events FROM subject_weeks WHERE subject = 'ai-chips' ORDER BY week`), [
        { week: 2900, events: 1 },
        { week: 2901, events: 1 },
      ]);
      await c.run(`DELETE FROM events WHERE id = 'e1'`);
      assert.deepEqual(await c.all(`SELECT week, events FROM subject_weeks WHERE subject = 'ai-chips'`), [
        { week: 2901, events: 1 },
      ]);
    });

    it("lists a subject's events newest first from its newest weeks only, widening while other filters leave the page short", async () => {
      // 60 events of one topic, two a day over 30 days (about five weeks); every third scores 9.
      const day = 86_400_000;
      const all: Array<{ id: string; at: string; significance: number }> = [];
      for (let i = 0; i < 60; i++) {
        const at = new Date(T0.getTime() + Math.floor(i / 2) * day + (i % 2) * 3_600_000).toISOString();
        all.push({ id: `wk${String(i).padStart(2, '0')}`, at, significance: i % 3 === 0 ? 9 : 2 });
      }
      for (const e of all) {
        await c.run(
          `INSERT INTO events (id, title, first_seen, last_updated, significance, topics) VALUES (?, ?, ?, ?, ?, '["suite-weeks"]')`,
          [e.id, `Event ${e.id}`, e.at, e.at, e.significance],
        );
        // The row guides/membership.ts writes for a topic (the store's suite stays out of the domain).
        await c.run(
          `INSERT INTO event_subjects (kind, subject, event_id, weight, week) VALUES ('topic', 'suite-weeks', ?, 1, ?)`,
          [e.id, weekOf(e.at)],
        );
      }
      const newest = [...all].sort((a, b) => b.at.localeCompare(a.at));
      const floor = await weekFloorFor(c, 'topic', 'suite-weeks', 0, 10);
      assert.equal(floor.all, false);
      const inWeeks = all.filter((e) => weekOf(e.at) >= floor.week).length;
      assert.ok(inWeeks >= 10 && inWeeks < 60, `the newest weeks hold enough and not all (${inWeeks})`);
      assert.deepEqual(await weekFloorFor(c, 'topic', 'suite-weeks', 0, 61), { week: 0, all: true });
      await assert.rejects(weekFloorFor(c, 'topic', 'suite-weeks', 0, 0), /positive integer/);

      const ids = (rows: Array<{ id: string }>) => rows.map((r) => r.id);
      assert.deepEqual(
        ids(await listEvents(c, { limit: 10, offset: 30, topic: 'suite-weeks' })),
        ids(newest.slice(30, 40)),
      );
      // Only a third score 9: the first weeks read cannot fill the page, so the read widens.
      assert.deepEqual(
        ids(await listEvents(c, { limit: 15, topic: 'suite-weeks', minSignificance: 9 })),
        ids(newest.filter((e) => e.significance === 9).slice(0, 15)),
      );
      assert.deepEqual(
        ids(await listEvents(c, { limit: 50, offset: 10, topic: 'suite-weeks', minSignificance: 9 })),
        ids(newest.filter((e) => e.significance === 9).slice(10)),
      );
    });

    it("pages a lone subject's events by its weeks' counts, and reads them all when one has no title", async () => {
      // 45 events of one topic over about nine weeks, from one to nine a week.
      const day = 86_400_000;
      const all: Array<{ id: string; at: string }> = [];
      for (let i = 0; i < 45; i++) {
        const at = new Date(T0.getTime() + Math.floor(Math.sqrt(i) * 9) * day + i * 60_000).toISOString();
        all.push({ id: `sp${String(i).padStart(2, '0')}`, at });
      }
      const add = async (id: string, title: string, at: string) => {
        await c.run(
          `INSERT INTO events (id, title, first_seen, last_updated, significance, topics) VALUES (?, ?, ?, ?, 5, '["suite-span"]')`,
          [id, title, at, at],
        );
        await c.run(
          `INSERT INTO event_subjects (kind, subject, event_id, weight, week) VALUES ('topic', 'suite-span', ?, 1, ?)`,
          [id, weekOf(at)],
        );
      };
      for (const e of all) await add(e.id, `Event ${e.id}`, e.at);
      const newest = [...all].sort((a, b) => b.at.localeCompare(a.at)).map((e) => e.id);
      const ids = (rows: Array<{ id: string }>) => rows.map((r) => r.id);
      const pages = async () => {
        for (const offset of [0, 3, 7, 20, 38, 44, 45, 60])
          assert.deepEqual(
            ids(await listEvents(c, { limit: 7, offset, topic: 'suite-span' })),
            newest.slice(offset, offset + 7),
            `offset ${offset}`,
          );
      };
      await pages();
      // An untitled event among the newest weeks is counted by them but not listed: the pages are still the titled ones.
      await add('sp-untitled', '', all[44]!.at);
      await pages();
    });

    it("keeps each event's sources by trigger, and lists a source's events newest first from its newest weeks", async () => {
      const day = 86_400_000;
      const ts = T0.toISOString();
      for (const src of ['es-a', 'es-b'])
        await c.run(`INSERT INTO sources (id, name, feed_url, created_at) VALUES (?, ?, ?, ?)`, [
          src,
          src,
          `https://${src}.example/feed`,
          ts,
        ]);
      // 30 events a day apart; each has an article from es-a, every third one from es-b too.
      const events: Array<{ id: string; at: string }> = [];
      for (let i = 0; i < 30; i++) {
        const at = new Date(T0.getTime() + i * day).toISOString();
        const id = `es${String(i).padStart(2, '0')}`;
        events.push({ id, at });
        await c.run(`INSERT INTO events (id, title, first_seen, last_updated) VALUES (?, ?, ?, ?)`, [
          id,
          `Event ${id}`,
          at,
          at,
        ]);
        for (const src of i % 3 === 0 ? ['es-a', 'es-b'] : ['es-a']) {
          const a = await c.get<{ id: number }>(
            `INSERT INTO articles (source_id, guid, title, fetched_at, content_hash, updated_at) VALUES (?, ?, 'T', ?, 'h', ?) RETURNING id`,
            [src, `${id}-${src}`, at, at],
          );
          await c.run(`INSERT INTO event_articles (event_id, article_id, role) VALUES (?, ?, 'coverage')`, [id, a!.id]);
        }
      }
      // What the table must hold: each event's sources, under the week of its last update.
      const kept = `SELECT source_id, event_id, week FROM event_sources WHERE event_id LIKE 'es%' ORDER BY event_id, source_id`;
      const derived = async () =>
        (
          await c.all<{ source_id: string; event_id: string; last_updated: string }>(
            `SELECT DISTINCT a.source_id, ea.event_id, e.last_updated FROM event_articles ea JOIN articles a ON a.id = ea.article_id
            JOIN events e ON e.id = ea.event_id WHERE ea.event_id LIKE 'es%' ORDER BY ea.event_id, a.source_id`,
          )
        ).map((r) => ({ source_id: r.source_id, event_id: r.event_id, week: weekOf(r.last_updated) }));
      assert.deepEqual(await c.all(kept), await derived());

      const ids = (rows: Array<{ id: string }>) => rows.map((r) => r.id);
      const newestB = events.filter((_, i) => i % 3 === 0).reverse();
      assert.deepEqual(ids(await listEvents(c, { limit: 4, source: 'es-b' })), ids(newestB.slice(0, 4)));
      assert.deepEqual(ids(await listEvents(c, { limit: 50, offset: 2, source: 'es-b' })), ids(newestB.slice(2)));
      assert.deepEqual(
        ids(await listEvents(c, { limit: 3, source: 'es-b', sort: 'significance' })).length,
        3,
        'sorted by score, the source is tested event by event',
      );

      // An event's last update moves its rows to its new week; an article moving to another event moves its source.
      await c.run(`UPDATE events SET last_updated = ? WHERE id = 'es00'`, [
        new Date(T0.getTime() + 40 * day).toISOString(),
      ]);
      await c.run(
        `UPDATE event_articles SET event_id = 'es01' WHERE article_id = (SELECT id FROM articles WHERE guid = 'es03-es-b')`,
      );
      // A merge moves every article, then deletes the event; a deleted article takes its source with it.
      await c.run(`UPDATE event_articles SET event_id = 'es04' WHERE event_id = 'es06'`);
      await c.run(`DELETE FROM events WHERE id = 'es06'`);
      await c.run(`DELETE FROM articles WHERE guid = 'es09-es-b'`);
      await c.run(`DELETE FROM events WHERE id = 'es12'`);
      assert.deepEqual(await c.all(kept), await derived());
      assert.deepEqual(ids(await listEvents(c, { limit: 3, source: 'es-b' })), ['es00', 'es27', 'es24']);
    });

    it('reads a feed under every mix of filters as the events filtered and sorted one by one', async () => {
      // 40 events over about five weeks under two topics, an entity and two sources; two pairs
      // share a last update (the order falls to the score, then the id) and one has no title.
      const day = 86_400_000;
      const ts = T0.toISOString();
      for (const src of ['fd-a', 'fd-b'])
        await c.run(`INSERT INTO sources (id, name, feed_url, created_at) VALUES (?, ?, ?, ?)`, [
          src,
          `Source ${src}`,
          `https://${src}.example/feed`,
          ts,
        ]);
      const events = Array.from({ length: 40 }, (_, i) => {
        const id = `fd${String(i).padStart(2, '0')}`;
        const offset = i === 21 ? 20 : i === 23 ? 22 : i;
        const at = new Date(T0.getTime() + offset * 0.9 * day).toISOString();
        const topics = [...(i % 2 === 0 ? ['suite-feed-a'] : []), ...(i % 3 === 0 ? ['suite-feed-b'] : [])];
        return {
          id,
          at,
          title: i === 13 ? '' : `Event ${id}`,
          significance: i === 23 ? 7 : (i * 7) % 11,
          kind: i % 4 === 0 ? 'launch' : 'research',
          topics,
          entity: i % 5 !== 0,
          sources: i % 4 === 1 ? ['fd-a', 'fd-b'] : ['fd-a'],
        };
      });
      for (const e of events) {
        await c.run(
          `INSERT INTO events (id, title, first_seen, last_updated, significance, kind, topics) VALUES (?, ?, ?, ?, ?, ?, ?)`,
          [e.id, e.title, e.at, e.at, e.significance, e.kind, JSON.stringify(e.topics)],
        );
        // The rows guides/membership.ts writes for a topic or entity (the store's suite stays out of the domain).
        for (const [kind, subject] of [
          ...e.topics.map((t) => ['topic', t]),
          ...(e.entity ? [['entity', 'Suite Feed Entity']] : []),
        ])
          await c.run(`INSERT INTO event_subjects (kind, subject, event_id, weight, week) VALUES (?, ?, ?, 1, ?)`, [
            kind!,
            subject!,
            e.id,
            weekOf(e.at),
          ]);
        for (const src of e.sources) {
          const a = await c.get<{ id: number }>(
            `INSERT INTO articles (source_id, guid, title, url, fetched_at, content_hash, updated_at) VALUES (?, ?, 'T', ?, ?, 'h', ?) RETURNING id`,
            [src, `${e.id}-${src}`, `https://${src}.example/${e.id}`, e.at, e.at],
          );
          await c.run(`INSERT INTO event_articles (event_id, article_id, role) VALUES (?, ?, 'coverage')`, [
            e.id,
            a!.id,
          ]);
          if (src === e.sources.at(-1))
            await c.run('UPDATE events SET primary_article_id = ? WHERE id = ?', [a!.id, e.id]);
        }
      }
      const expected = (o: EventListOptions) =>
        events
          .filter(
            (e) =>
              e.title !== '' &&
              (!o.minSignificance || e.significance >= o.minSignificance) &&
              (!o.kind || e.kind === o.kind) &&
              (!o.since || e.at >= o.since) &&
              (!o.until || e.at < o.until) &&
              (!o.topic || e.topics.includes(o.topic)) &&
              (!o.entity || e.entity) &&
              (!o.source || e.sources.includes(o.source)),
          )
          .sort((a, b) => b.at.localeCompare(a.at) || b.significance - a.significance || (a.id < b.id ? -1 : 1))
          .slice(o.offset ?? 0, (o.offset ?? 0) + o.limit)
          .map((e) => e.id);
      const since = new Date(T0.getTime() + 9 * day).toISOString();
      const until = new Date(T0.getTime() + 25 * day).toISOString();
      const cases: EventListOptions[] = [
        { limit: 7, topic: 'suite-feed-a' },
        { limit: 5, offset: 6, topic: 'suite-feed-a' },
        { limit: 50, topic: 'suite-feed-a', minSignificance: 6 },
        { limit: 4, topic: 'suite-feed-a', minSignificance: 10 },
        { limit: 50, topic: 'suite-feed-a', kind: 'launch' },
        { limit: 6, topic: 'suite-feed-b', source: 'fd-b' },
        { limit: 6, topic: 'suite-feed-a', entity: 'Suite Feed Entity', minSignificance: 3 },
        { limit: 50, topic: 'suite-feed-a', since, until },
        { limit: 3, source: 'fd-b', minSignificance: 3 },
        { limit: 10, offset: 35, source: 'fd-a' },
        { limit: 8, source: 'fd-a', since },
        { limit: 5, entity: 'Suite Feed Entity', minSignificance: 8 },
        { limit: 50, topic: 'no-such-topic' },
      ];
      for (const o of cases) {
        const cards = await listEventCards(c, o);
        assert.deepEqual(
          cards.map((e) => e.id),
          expected(o),
          JSON.stringify(o),
        );
        for (const card of cards) {
          const e = events.find((x) => x.id === card.id)!;
          assert.deepEqual(card.topics, e.topics);
          assert.equal(card.primary?.sourceId, e.sources.at(-1));
          assert.equal(card.primary?.url, `https://${e.sources.at(-1)}.example/${e.id}`);
        }
      }
    });

    it("keeps an article's cut sentence through cleaning again, and drops it when the full text arrives", async () => {
      await upsertSource(c, { id: 'suite-cut', name: 'Suite cut', feedUrl: 'https://suite-cut.example/feed' }, T0);
      const a = await upsertArticle(
        c,
        {
          sourceId: 'suite-cut',
          guid: 'cut-1',
          url: 'https://suite-cut.example/1',
          canonicalUrl: null,
          title: 'Chip prices fall',
          author: null,
          publishedAt: T0.toISOString(),
          fetchedAt: T0.toISOString(),
          html: '<p>Chip prices fell. The largest buyer has said it will […]</p>',
          text: 'Chip prices fell. The largest buyer has said it will […]',
          lang: 'en',
          image: null,
          wordCount: 10,
          truncated: false,
        },
        [],
      );
      const cleaned = {
        title: 'Chip prices fall',
        html: '<p>Chip prices fell.</p>',
        text: 'Chip prices fell.',
        wordCount: 3,
      };
      await saveCleanedArticle(c, a.id, { ...cleaned, cutTail: 'The largest buyer has said it will' });
      assert.equal((await getArticle(c, a.id))?.cutTail, 'The largest buyer has said it will');
      // Cleaning the cleaned text again finds no cut sentence: the one kept stays.
      await saveCleanedArticle(c, a.id, { ...cleaned, cutTail: '' });
      assert.equal((await getArticle(c, a.id))?.cutTail, 'The largest buyer has said it will');
      await updateArticleBody(c, a.id, {
        html: '<p>The whole story.</p>',
        text: 'The whole story.',
        wordCount: 3,
        at: T0.toISOString(),
      });
      assert.equal((await getArticle(c, a.id))?.cutTail, '');
    });

    it('searches the newest matches first and widens to find an old one, with marked snippets for the rows shown', async () => {
      await upsertSource(
        c,
        { id: 'suite-search', name: 'Suite search', feedUrl: 'https://suite-search.example/feed' },
        T0,
      );
      const add = async (guid: string, title: string, text: string, quote: string) => {
        const a = await upsertArticle(
          c,
          {
            sourceId: 'suite-search',
            guid,
            url: `https://suite-search.example/${guid}`,
            canonicalUrl: null,
            title,
            author: null,
            publishedAt: T0.toISOString(),
            fetchedAt: T0.toISOString(),
            html: `<p>${text}</p>`,
            text,
            lang: 'en',
            image: null,
            wordCount: 8,
            truncated: false,
          },
          [],
        );
        const extraction = { summary: text, keyphrases: [], topics: [], kind: 'news' as const, entities: [] };
        await saveExtraction(
          c,
          a.id,
          { ...extraction, claims: [{ text }], quotes: [{ text: quote, start: 0, end: 1 }] },
          { extractor: 'local', version: 't' },
          T0.toISOString(),
        );
        return a.id;
      };
      const old = await add(
        'old',
        'Zeppelin over the harbour',
        'A zeppelin flew over the harbour at dawn.',
        'quiet skies',
      );
      await add('mid', 'Harbour news', 'Ships came and went from the harbour.', 'a dirigible was seen');
      // The newest article is far above the others (ids 100,000 apart): the first windows of newest ids hold no zeppelin.
      const newest = (await c.get<{ id: number }>('SELECT MAX(id) AS id FROM articles'))!.id + 100_000;
      await c.run(
        `INSERT INTO articles (id, source_id, guid, url, title, fetched_at, html, text, word_count, truncated, updated_at, content_hash)
        VALUES (?, 'suite-search', 'newest', 'https://suite-search.example/newest', 'Harbour calm', ?,
          '<p>Calm harbour.</p>', 'Calm harbour.', 2, 0, ?, 'suite-newest')`,
        [newest, T0.toISOString(), T0.toISOString()],
      );
      const z = await search(c, 'zeppelin');
      assert.deepEqual(
        z.articles.map((a) => a.id),
        [old],
      );
      assert.ok(z.articles[0]!.snippet.includes(`${MARK_OPEN}zeppelin${MARK_CLOSE}`), z.articles[0]!.snippet);
      assert.deepEqual(
        z.statements.map((s) => [s.articleId, s.field]),
        [[old, 'claims']],
      );
      assert.equal(z.windowed, false);
      const harbour = await search(c, 'harbour');
      assert.equal(harbour.articles.length, 3);
      assert.ok(
        harbour.articles.every((a) => a.snippet.toLowerCase().includes(`${MARK_OPEN}harbour${MARK_CLOSE}`)),
        'each row shown has its own marked snippet',
      );
      assert.deepEqual(
        (await search(c, 'dirigible')).statements.map((s) => s.field),
        ['quotes'],
      );
    });

    it('recounts by trigger only when the counted column moved (a rewrite of the same value leaves the counts alone)', async () => {
      const ts = T0.toISOString();
      await c.run(`INSERT INTO events (id, title, first_seen, last_updated) VALUES ('q1', 'Q1', ?, ?)`, [ts, ts]);
      await c.run(
        `INSERT INTO guides (slug, title, subject_kind, subject, created_at, updated_at) VALUES ('gq', 'GQ', 'topic', 'q', ?, ?)`,
        [ts, ts],
      );
      await c.run(
        `INSERT INTO guide_events (guide_slug, event_id, relevance, significance, first_seen, added_at) VALUES ('gq', 'q1', 1, 5, '2026-03-01', ?)`,
        [ts],
      );
      // A marker no trigger would write: it survives only if no recount ran.
      await c.run(`UPDATE guides SET last_event_at = 'marker' WHERE slug = 'gq'`);
      await c.run(`UPDATE guide_events SET significance = 7, first_seen = '2026-03-01' WHERE guide_slug = 'gq'`);
      assert.equal(
        (await c.get<{ last_event_at: string }>(`SELECT last_event_at FROM guides WHERE slug = 'gq'`))!.last_event_at,
        'marker',
      );
      await c.run(`UPDATE guide_events SET first_seen = '2026-03-04' WHERE guide_slug = 'gq'`);
      assert.equal(
        (await c.get<{ last_event_at: string }>(`SELECT last_event_at FROM guides WHERE slug = 'gq'`))!.last_event_at,
        '2026-03-04',
      );

      await c.run(
        `INSERT INTO event_subjects (kind, subject, event_id, weight, week) VALUES ('topic', 'q-topic', 'q1', 1, 2900)`,
      );
      // With its week's row gone, a recount would bring it back (take one, then give one).
      await c.run(`DELETE FROM subject_weeks WHERE subject = 'q-topic'`);
      await c.run(`UPDATE event_subjects SET weight = 0.5, week = 2900 WHERE event_id = 'q1'`);
      assert.deepEqual(await c.all(`SELECT week, events FROM subject_weeks WHERE subject = 'q-topic'`), []);
      await c.run(`UPDATE event_subjects SET week = 2901 WHERE event_id = 'q1'`);
      assert.deepEqual(await c.all(`SELECT week, events FROM subject_weeks WHERE subject = 'q-topic'`), [
        { week: 2901, events: 1 },
      ]);
    });

    it("keeps each guide's most significant events by trigger, through every kind of change, read as ordering all its memberships would", async () => {
      // A seeded run of the changes the pipeline and the commands make: memberships added one
      // by one and many at once for one guide (as a rebuild does), significance and first
      // sighting moved, events deleted (their rows go by cascade), a guide emptied, renamed
      // and deleted. Significance and dates from small sets, so ties are many.
      let seed = 7;
      const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
      const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
      const ts = T0.toISOString();
      const day = (d: number) => `2026-03-${String(1 + d).padStart(2, '0')}`;
      let slugs = ['ga', 'gb', 'gc'];
      for (const slug of slugs)
        await insertGuide(c, { slug, title: slug, subjectKind: 'topic', subject: slug, origin: 'auto' }, ts);
      const live: string[] = [];
      let next = 0;
      const newEvent = async () => {
        const id = `t${String(next++).padStart(4, '0')}`;
        await c.run(`INSERT INTO events (id, title, first_seen, last_updated) VALUES (?, ?, ?, ?)`, [id, id, ts, ts]);
        live.push(id);
        return id;
      };
      const order = 'ORDER BY significance DESC, first_seen DESC, event_id DESC';
      const check = async (step: string) => {
        for (const slug of slugs) {
          const want = await c.all<{ eventId: string }>(
            `SELECT event_id AS "eventId" FROM guide_events WHERE guide_slug = ? ${order} LIMIT 20`,
            [slug],
          );
          assert.deepEqual(
            (await topGuideEvents(c, slug, 20)).map((r) => r.eventId),
            want.map((r) => r.eventId),
            `top of ${slug} after ${step}`,
          );
          // What the table holds is the guide's true best, as many as it holds.
          const held = await c.all<{ event_id: string }>(
            `SELECT event_id FROM guide_top WHERE guide_slug = ? ${order}`,
            [slug],
          );
          const best = await c.all<{ event_id: string }>(
            `SELECT event_id FROM guide_events WHERE guide_slug = ? ${order} LIMIT ?`,
            [slug, held.length],
          );
          assert.deepEqual(held, best, `held rows of ${slug} after ${step}`);
          assert.ok(held.length <= 40, `at most 40 held for ${slug}`);
        }
      };
      const heldOf = async (...slugs: string[]) =>
        Number(
          (await c.get<{ n: number }>(
            `SELECT COUNT(*) AS n FROM guide_top WHERE guide_slug IN (${slugs.map(() => '?').join(', ')})`,
            slugs,
          ))!.n,
        );
      const member = (slug: string, id: string) =>
        c.run(
          `INSERT INTO guide_events (guide_slug, event_id, relevance, significance, first_seen, added_at) VALUES (?, ?, 1, ?, ?, ?)`,
          [slug, id, 1 + Math.floor(rnd() * 6), day(Math.floor(rnd() * 5)), ts],
        );
      for (let i = 0; i < 150; i++) {
        const id = await newEvent();
        for (const slug of slugs) if (rnd() < 0.7) await member(slug, id);
      }
      await check('adding');
      // A guide about the size where its held best stops taking every row (41 events, the
      // guide's count deciding first): rows added past it one by one, each below all before it
      // (so only "the guide's other events are all held" brings it in), then taken away below it.
      await insertGuide(c, { slug: 'gs', title: 'gs', subjectKind: 'topic', subject: 'gs', origin: 'auto' }, ts);
      slugs.push('gs');
      for (const [i, id] of live.slice(0, 45).entries()) {
        await c.run(
          `INSERT INTO guide_events (guide_slug, event_id, relevance, significance, first_seen, added_at) VALUES ('gs', ?, 1, 1, ?, ?)`,
          [id, new Date(Date.UTC(2026, 1, 28) - i * 86_400_000).toISOString(), ts],
        );
        await check(`gs taking ${id}`);
        // Growing one row at a time, a guide holds all its rows up to 40.
        assert.equal(await heldOf('gs'), Math.min(i + 1, 40), `held of gs at ${i + 1}`);
      }
      for (const id of live.slice(0, 8)) {
        await c.run(`DELETE FROM guide_events WHERE guide_slug = 'gs' AND event_id = ?`, [id]);
        await check(`gs losing ${id}`);
      }
      for (const id of live.slice(0, 4)) {
        await member('gs', id);
        await check(`gs taking ${id} again`);
      }
      for (let step = 0; step < 60; step++) {
        const r = rnd();
        const id = pick(live);
        if (r < 0.3)
          await c.run('UPDATE guide_events SET significance = ? WHERE event_id = ?', [1 + Math.floor(rnd() * 6), id]);
        else if (r < 0.45)
          await c.run('UPDATE guide_events SET first_seen = ? WHERE event_id = ?', [day(Math.floor(rnd() * 6)), id]);
        else if (r < 0.8) {
          await c.run('DELETE FROM events WHERE id = ?', [id]);
          live.splice(live.indexOf(id), 1);
        } else {
          const fresh = await newEvent();
          for (const slug of slugs) if (rnd() < 0.5) await member(slug, fresh);
        }
        await check(`change ${step}`);
      }
      // Many of one guide's best taken at once: the read still answers right, and the next row it takes refills it.
      await c.run(
        `DELETE FROM guide_events WHERE guide_slug = 'ga' AND (significance, first_seen, event_id) ` +
          `IN (SELECT significance, first_seen, event_id FROM guide_events WHERE guide_slug = 'ga' ` +
          `${order} LIMIT 35)`,
      );
      await check('a guide losing its best');
      await member('ga', await newEvent());
      assert.ok((await heldOf('ga')) >= 20, 'refilled');
      await check('a row after');
      // Emptied and filled again in one statement, as a rebuild does.
      await c.run(`DELETE FROM guide_events WHERE guide_slug = 'gb'`);
      await check('emptying');
      await c.run(`INSERT INTO guide_events (guide_slug, event_id, relevance, significance, first_seen, added_at)
        SELECT 'gb', id, 1, CASE WHEN id < 't0050' THEN 3 ELSE 2 END, first_seen, first_seen FROM events`);
      await check('a rebuild');
      await c.run(`UPDATE guides SET slug = 'gz' WHERE slug = 'gc'`);
      slugs = ['ga', 'gb', 'gz'];
      await check('a rename');
      await c.run(`DELETE FROM guides WHERE slug = 'gz'`);
      assert.equal(await heldOf('gc', 'gz'), 0);
    });

    it("saves an event's related list: its own rows replaced, the other side kept in step and capped", async () => {
      const ts = T0.toISOString();
      const ids = ['ra', 'rb', 'rc', 'rd', ...Array.from({ length: 3 }, (_, i) => `rx${i}`)];
      for (const id of ids)
        await c.run(`INSERT INTO events (id, title, first_seen, last_updated) VALUES (?, ?, ?, ?)`, [
          id,
          id.toUpperCase(),
          ts,
          ts,
        ]);
      const rows = async () =>
        await c.all(
          `SELECT event_id, related_id, similarity FROM event_relations WHERE event_id IN (${ids.map(() => '?').join(', ')}) ORDER BY event_id, related_id`,
          ids,
        );
      // rd's list is full (cap 3 here) of closer events.
      await saveRelations(
        c,
        'rd',
        ids.slice(4).map((id) => ({ id, similarity: 0.75 })),
        3,
      );
      await saveRelations(
        c,
        'ra',
        [
          { id: 'rb', similarity: 0.5 },
          { id: 'rc', similarity: 0.25 },
        ],
        3,
      );
      await saveRelations(
        c,
        'ra',
        [
          { id: 'rc', similarity: 0.375 },
          { id: 'rd', similarity: 0.5 },
        ],
        3,
      );
      const row = (event_id: string, related_id: string, similarity: number) => ({ event_id, related_id, similarity });
      assert.deepEqual(await rows(), [
        // ra's own list is what it was given last; rb keeps ra (relating rb anew would drop it).
        row('ra', 'rc', 0.375),
        row('ra', 'rd', 0.5),
        row('rb', 'ra', 0.5),
        row('rc', 'ra', 0.375),
        // rd's list was full of closer events: ra was trimmed away.
        row('rd', 'rx0', 0.75),
        row('rd', 'rx1', 0.75),
        row('rd', 'rx2', 0.75),
        row('rx0', 'rd', 0.75),
        row('rx1', 'rd', 0.75),
        row('rx2', 'rd', 0.75),
      ]);
      await saveRelations(c, 'ra', [], 3);
      assert.deepEqual(
        (await rows()).filter((r) => (r as { event_id: string }).event_id === 'ra'),
        [],
      );
    });

    it('marks a batch of articles done for one stage in one statement, each with its own note, and leaves every other row alone', async () => {
      const ts = T0.toISOString();
      await c.run(
        `INSERT INTO sources (id, name, feed_url, created_at) VALUES ('sm', 'SM', 'http://sm.example/feed', ?)`,
        [ts],
      );
      const ids: number[] = [];
      for (let i = 0; i < 4; i++) {
        const r = await c.get<{ id: number }>(
          `INSERT INTO articles (source_id, guid, title, fetched_at, content_hash, updated_at) VALUES ('sm', ?, 'T', ?, ?, ?) RETURNING id`,
          [`g${i}`, ts, `h${i}`, ts],
        );
        ids.push(r!.id);
        for (const stage of ['one', 'two'])
          await c.run(
            `INSERT INTO article_stages (article_id, stage, status, attempts, updated_at, article_time) VALUES (?, ?, 'pending', 0, ?, ?)`,
            [r!.id, stage, ts, ts],
          );
      }
      const [a, b, d, left] = ids as [number, number, number, number];
      await c.run(
        `UPDATE article_stages SET status = 'failed', error = 'boom', attempts = 1 WHERE article_id = ? AND stage = 'one'`,
        [d],
      );
      await markStagesDone(
        c,
        'one',
        [
          { id: a, note: 'joined e1 (similarity 0.50)' },
          { id: b, note: null },
          { id: d, note: 'it said "yes"' },
        ],
        at(60).toISOString(),
      );
      const rows = await c.all<{
        article_id: number;
        stage: string;
        status: string;
        error: string | null;
        note: string | null;
        attempts: number;
        updated_at: string;
      }>(
        `SELECT article_id, stage, status, error, note, attempts, updated_at FROM article_stages ` +
          `WHERE article_id IN (${ids.join(',')}) ORDER BY article_id, stage`,
      );
      const of = (id: number, stage: string) => rows.find((r) => r.article_id === id && r.stage === stage)!;
      assert.deepEqual(
        [of(a, 'one').status, of(a, 'one').note, of(a, 'one').attempts, of(a, 'one').updated_at],
        ['done', 'joined e1 (similarity 0.50)', 1, at(60).toISOString()],
      );
      assert.deepEqual([of(b, 'one').status, of(b, 'one').note], ['done', null]);
      // A retried article: done now, its error cleared, the attempt counted.
      assert.deepEqual(
        [of(d, 'one').status, of(d, 'one').error, of(d, 'one').note, of(d, 'one').attempts],
        ['done', null, 'it said "yes"', 2],
      );
      assert.equal(of(left, 'one').status, 'pending');
      for (const id of ids)
        assert.deepEqual(
          [of(id, 'two').status, of(id, 'two').attempts],
          ['pending', 0],
          'another stage is not touched',
        );
      await markStagesDone(c, 'two', [], ts);
      assert.equal(of(a, 'two').status, 'pending');
    });

    it('jobs: enqueued once per key, leased to one owner, retried after failure, taken over after the lease expires', async () => {
      assert.equal(await enqueueJob(c, 'q', 'a', at(0), at(0)), true);
      assert.equal(await enqueueJob(c, 'q', 'a', at(0), at(0)), false);
      await enqueueJob(c, 'q', 'b', at(0), at(0));
      await enqueueJob(c, 'q', 'later', at(600), at(0));

      const w1 = await claimJobs(c, 'q', 'w1', 10, at(1), 30_000);
      assert.deepEqual(
        w1.map((j) => j.key),
        ['a', 'b'],
      );
      assert.deepEqual(await claimJobs(c, 'q', 'w2', 10, at(2), 30_000), [], 'leased jobs are not handed out twice');

      // w1 fails "a": it comes back after its retry time, with the error kept.
      assert.equal(await releaseJob(c, w1[0]!.id, 'w1', at(60), { error: 'HTTP 503' }), true);
      assert.deepEqual(await claimJobs(c, 'q', 'w2', 10, at(30), 30_000), []);
      // w1 stalls on "b" past its lease: w2 takes it over and w1 can no longer finish it.
      const w2 = await claimJobs(c, 'q', 'w2', 10, at(61), 30_000);
      assert.deepEqual(
        w2.map((j) => [j.key, j.attempts]),
        [
          ['a', 2],
          ['b', 2],
        ],
      );
      assert.equal(await renewJob(c, w1[1]!.id, 'w1', at(62), 30_000), false);
      assert.equal(await completeJob(c, w1[1]!.id, 'w1'), false);
      assert.equal(await renewJob(c, w2[1]!.id, 'w2', at(62), 30_000), true);
      assert.equal(await completeJob(c, w2[1]!.id, 'w2'), true);
      // A recurring job goes back with its next run time, attempts reset.
      assert.equal(await releaseJob(c, w2[0]!.id, 'w2', at(3600)), true);
      const counts = await jobCounts(c, at(100));
      assert.deepEqual(counts, [{ queue: 'q', ready: 0, leased: 0, waiting: 2 }]);
      const again = await claimJobs(c, 'q', 'w3', 10, at(3600), 30_000);
      assert.deepEqual(new Set(again.map((j) => j.key)), new Set(['a', 'later']));
      assert.equal(again.find((j) => j.key === 'a')!.attempts, 1);
    });

    it('host slots: one holder at a time, and the pause holds after release; a holder that renews keeps its slot', async () => {
      assert.equal(await acquireHost(c, 'example.org', 'w1', at(0), 30_000), true);
      assert.equal(await acquireHost(c, 'example.org', 'w2', at(1), 30_000), false);
      await releaseHost(c, 'example.org', 'w1', at(2), 1_000);
      assert.equal(
        await acquireHost(c, 'example.org', 'w2', at(2.5), 30_000),
        false,
        'the pause between requests holds',
      );
      assert.equal(await acquireHost(c, 'example.org', 'w2', at(3), 30_000), true);
      // A holder that died: its hold runs out and the host is free again.
      assert.equal(await acquireHost(c, 'example.org', 'w3', at(40), 30_000), true);
      // A long holder renews before its hold runs out (the cluster slot's heartbeat): nobody takes it; a lapsed hold cannot be renewed.
      assert.equal(await renewHost(c, 'example.org', 'w3', at(60), 30_000), true);
      assert.equal(await acquireHost(c, 'example.org', 'w4', at(80), 30_000), false, 'renewed until 90 s');
      assert.equal(await renewHost(c, 'example.org', 'w4', at(80), 30_000), false, 'only the holder renews');
      assert.equal(await acquireHost(c, 'example.org', 'w4', at(95), 30_000), true);
      assert.equal(await renewHost(c, 'example.org', 'w3', at(96), 30_000), false, 'a lost slot stays lost');
    });

    it('four worker processes drain one queue: every job claimed exactly once', async () => {
      const keys = Array.from({ length: 400 }, (_, i) => `job-${i}`);
      await c.transaction(async (tx) => {
        for (const k of keys) await enqueueJob(tx, 'test', k, new Date(0), new Date(0));
      });
      const outputs = await Promise.all(
        ['p1', 'p2', 'p3', 'p4'].map(
          (owner) =>
            new Promise<string>((resolve, reject) => {
              const child = spawn(process.execPath, ['--import', 'tsx', WORKER, fx.url, owner], {
                stdio: ['ignore', 'pipe', 'pipe'],
              });
              let out = '';
              let err = '';
              child.stdout.on('data', (d) => (out += d));
              child.stderr.on('data', (d) => (err += d));
              child.on('exit', (code) =>
                code === 0 ? resolve(out) : reject(new Error(`worker ${owner} exited ${code}: ${err}`)),
              );
            }),
        ),
      );
      const claimed = outputs.flatMap((o) => o.split('\n').filter(Boolean));
      assert.deepEqual(
        claimed.filter((l) => l.startsWith('LOST')),
        [],
      );
      assert.equal(claimed.length, keys.length, 'no job claimed twice, none missed');
      assert.deepEqual(new Set(claimed), new Set(keys));
      assert.ok(outputs.filter((o) => o.length > 0).length >= 2, 'the work was shared');
      assert.equal((await c.get<{ n: number }>(`SELECT COUNT(*) AS n FROM jobs WHERE queue = 'test'`))!.n, 0);
    });

    it('migrate-store copies a store filled by the real pipeline into this backend and back, row for row', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'almanac-copy-'));
      const file = join(dir, 'source.db');
      await fillDemo(file);
      const target = await make();
      const source = await openStore(`sqlite:${file}`);
      // New stores seeded as the application's are (a seed the copy replaces with the source's topics).
      const copy = await openStore(target.url, { seed: FIXTURE_SEED });
      const back = await openStore(`sqlite:${join(dir, 'back.db')}`, { seed: FIXTURE_SEED });
      try {
        const report = await copyStore(source, copy);
        const tables = report.tables.map((t) => t.table);
        for (const t of [
          'sources',
          'articles',
          'extractions',
          'events',
          'event_articles',
          'event_subjects',
          'guides',
          'guide_events',
        ])
          assert.ok(tables.includes(t), `${t} copied`);
        assert.ok(report.tables.find((t) => t.table === 'articles')!.rows >= 100);
        const counts = async (c: SqlClient, t: string) =>
          Number((await c.get<{ n: number }>(`SELECT COUNT(*) AS n FROM ${t}`))!.n);
        for (const t of [...tables, 'subject_weeks'])
          assert.equal(await counts(copy, t), await counts(source, t), `rows of ${t}`);
        // Derived counts and the search index are the target's own, and agree with the source.
        const guides = `SELECT slug, event_count, last_event_at FROM guides ORDER BY slug`;
        assert.deepEqual(await copy.all(guides), await source.all(guides));
        const weeks = `SELECT kind, subject, week, events FROM subject_weeks ORDER BY kind, subject, week`;
        assert.deepEqual(await copy.all(weeks), await source.all(weeks));
        const found =
          copy.dialect === 'postgres'
            ? await copy.get<{ n: number }>(
                `SELECT COUNT(*) AS n FROM articles WHERE search @@ plainto_tsquery('english', 'export controls')`,
              )
            : await copy.get<{ n: number }>(
                `SELECT COUNT(*) AS n FROM articles_fts WHERE articles_fts MATCH 'export controls'`,
              );
        assert.ok(Number(found!.n) > 0, 'the copied articles are searchable');
        // Every event page reads the same rows from the copy as from the source (PostgreSQL: in one statement).
        const pageIds = [
          ...(await column<string>(source, 'SELECT id FROM events ORDER BY id')),
          ...(await column<string>(source, 'SELECT from_id FROM event_redirects ORDER BY from_id')),
          'no-such-event',
        ];
        const counted = countingStatements(copy);
        for (const id of pageIds)
          assert.deepEqual(
            await eventPageData(counted.client, id),
            await eventPageData(source, id),
            `event page ${id}`,
          );
        if (copy.dialect === 'postgres') assert.equal(counted.statements(), pageIds.length, 'one statement a page');
        // New rows continue after the copied ids.
        const maxId =
          (await counts(copy, 'fetch_log')) &&
          Number((await copy.get<{ m: number }>('SELECT MAX(id) AS m FROM fetch_log'))!.m);
        await copy.run(
          `INSERT INTO fetch_log (source_id, url, started_at, duration_ms, outcome) SELECT id, 'http://x.test/', '2026-01-01', 1, 'ok' FROM sources LIMIT 1`,
        );
        assert.ok(Number((await copy.get<{ m: number }>('SELECT MAX(id) AS m FROM fetch_log'))!.m) > maxId);
        await copy.run(`DELETE FROM fetch_log WHERE url = 'http://x.test/'`);
        // And back again: the same rows, byte for byte where it matters.
        await copyStore(copy, back);
        const articles = 'SELECT id, source_id, title, text, url, published_at FROM articles ORDER BY id';
        assert.deepEqual(await back.all(articles), await source.all(articles));
        const events = 'SELECT id, title, summary, significance, topics FROM events ORDER BY id';
        assert.deepEqual(await back.all(events), await source.all(events));
        await assert.rejects(copyStore(source, back), /not empty/);
      } finally {
        await Promise.all([source.close(), copy.close(), back.close()]);
        await target.dispose();
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
}
