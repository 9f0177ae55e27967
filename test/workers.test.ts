import { TAXONOMY } from '../src/analyze/taxonomy.js';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { DEMO_SOURCES } from '../src/demo/sources.js';
import { bcubed } from '../src/events/bcubed.js';
import { fetchDueSources } from '../src/pipeline/fetch-sources.js';
import { processPending } from '../src/pipeline/process.js';
import { STAGES } from '../src/pipeline/stages.js';
import { Worker } from '../src/pipeline/worker.js';
import { demoFeedServer, followDemoSources } from './demo-store.js';
import { BACKENDS, freshPostgresUrl, testDeps } from './helpers.js';
import { openStore } from '../src/store/sql/open.js';
import { column, one } from '../src/store/sql/query.js';

const root = join(import.meta.dirname, '..');

/**
 * Three `almanac worker` processes share one store and the demo feeds (all on one host):
 * every source is fetched once and never by two workers at a time, every article is
 * extracted and placed in exactly one event, and the events match the answer key as well
 * as a single process's do.
 */
describe('several worker processes on one store', () => {
  for (const backend of BACKENDS)
    it(`share fetching (politely, one request per host at a time) and processing without loss, doubles or racing events (${backend})`, async () => {
      const requests: Array<{ path: string; start: number; end: number }> = [];
      const feeds = await demoFeedServer(undefined, requests);
      const dir = mkdtempSync(join(tmpdir(), 'almanac-workers-'));
      const file = backend === 'sqlite' ? join(dir, 'store.db') : await freshPostgresUrl();
      const db = await openStore(file, { seed: TAXONOMY });
      const workers: ChildProcess[] = [];
      const logs: string[] = [];
      try {
        const now = new Date();
        await followDemoSources(db, feeds.base, now);
        // Every article's page is fetched too (a full-text threshold no article reaches), all from the one host.
        const env = {
          ...process.env,
          ALMANAC_SCHEDULER_TICK_S: '1',
          ALMANAC_HOST_DELAY_MS: '50',
          ALMANAC_FETCH_CONCURRENCY: '4',
          ALMANAC_FULLTEXT_MIN_WORDS: '10000',
        };
        for (let i = 0; i < 3; i++) {
          const w = spawn(
            process.execPath,
            ['--import', 'tsx', 'src/main.ts', 'worker', '--role', 'all', '--db', file],
            { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] },
          );
          w.stdout!.on('data', (d: Buffer) => logs.push(`${i}: ${d}`));
          w.stderr!.on('data', (d: Buffer) => logs.push(`${i} err: ${d}`));
          workers.push(w);
        }
        // Until every source was fetched, every article passed every stage and every event was
        // related (on each worker's relating thread, for a SQLite store).
        const deadline = Date.now() + 120_000;
        for (;;) {
          const fetched = await one<number>(db, 'SELECT COUNT(*) FROM sources WHERE last_success_at IS NOT NULL');
          const open = await one<number>(db, `SELECT COUNT(*) FROM article_stages WHERE status <> 'done'`);
          const articles = await one<number>(db, 'SELECT COUNT(*) FROM articles');
          const unrelated = await one<number>(db, 'SELECT COUNT(*) FROM events WHERE relate_pending = 1');
          if (fetched === DEMO_SOURCES.length && articles > 0 && open === 0 && unrelated === 0) break;
          if (Date.now() > deadline)
            assert.fail(
              `not done in time: ${fetched} sources fetched, ${articles} articles, ${open} stages ` +
                `open, ${unrelated} events not related\n${logs.join('').slice(-3000)}`,
            );
          await new Promise((r) => setTimeout(r, 500));
        }

        // Each source fetched exactly once.
        const log = await db.all<{ source_id: string }>('SELECT source_id FROM fetch_log');
        assert.equal(log.length, DEMO_SOURCES.length, 'one fetch per source');
        assert.equal(new Set(log.map((l) => l.source_id)).size, DEMO_SOURCES.length);
        // The server saw one request at a time, feeds and article pages alike, each after the pause.
        const pages = requests.filter((r) => r.path.startsWith('/demo/posts/')).length;
        assert.ok(pages >= 100, `${pages} article pages fetched`);
        requests.sort((x, y) => x.start - y.start);
        for (let k = 1; k < requests.length; k++) {
          const gap = requests[k]!.start - requests[k - 1]!.end;
          assert.ok(
            gap >= 40,
            `${requests[k]!.path} began ${gap} ms after ${requests[k - 1]!.path} ended (pause 50 ms)`,
          );
        }

        // Every article in exactly one event; the events as good as one process makes them.
        const articles = await one<number>(db, 'SELECT COUNT(*) FROM articles');
        assert.ok(articles >= 100, `${articles} articles`);
        const members = await db.all<{ e: string; title: string }>(
          'SELECT ea.event_id AS e, a.title FROM event_articles ea JOIN articles a ON a.id = ea.article_id',
        );
        assert.equal(members.length, articles, 'each article in one event');
        assert.equal(new Set(members.map((m) => m.title)).size, members.length);
        const keys = new Map(feeds.corpus.map((a) => [a.title, a.event]));
        const b = bcubed(
          new Map(members.map((m) => [m.title, m.e])),
          new Map(members.map((m) => [m.title, keys.get(m.title)!])),
        );
        const retried = await db.all(
          `SELECT stage, COUNT(*) AS n FROM article_stages WHERE attempts > 1 GROUP BY stage`,
        );
        assert.ok(
          b.f1 >= 0.95,
          `demo events BCubed F1 ${b.f1.toFixed(3)} with three workers; stages retried: ${JSON.stringify(retried)}\n${logs.join('').slice(-4000)}`,
        );
        const events = await one<number>(db, 'SELECT COUNT(*) FROM events');
        // A race would open a second event for a happening: at most the answer key's count, plus
        // what a single process also keeps apart (commentaries sharing little specific with the
        // launch they discuss; see test/pipeline.test.ts). BCubed above checks the grouping itself.
        assert.ok(
          events <= new Set(keys.values()).size + 10,
          `${events} events for ${new Set(keys.values()).size} happenings`,
        );

        // The work was shared, and the queue is empty once it is done.
        const active = new Set(
          logs.filter((l) => /[1-9]\d* sources fetched|[1-9]\d* done/.test(l)).map((l) => /^\d+/.exec(l)![0]),
        );
        assert.ok(active.size >= 2, `only ${[...active].join(', ')} did work:\n${logs.join('').slice(-2000)}`);
        assert.equal(
          await one<unknown>(db, 'SELECT COUNT(*) FROM jobs WHERE lease_owner IS NOT NULL AND lease_until > ?', [
            new Date().toISOString(),
          ]),
          0,
        );
      } finally {
        for (const w of workers) w.kill('SIGTERM');
        await Promise.all(workers.map((w) => new Promise((r) => (w.exitCode !== null ? r(null) : w.once('exit', r)))));
        await db.close();
        await feeds.close();
        rmSync(dir, { recursive: true, force: true });
      }
    });

  /**
   * The race the cluster slot and its stamp prevent: a worker whose in-memory clusterer was
   * loaded before another worker placed articles would open new events for happenings that
   * already have one. Two workers on two connections to one store cluster the demo's
   * articles in three slices (B, then A, then B); B must reload before its second slice.
   * The same sequence with the reload suppressed shows the check can fail.
   */
  async function slices(backend: 'sqlite' | 'postgres', suppressReload: boolean) {
    const feeds = await demoFeedServer();
    const dir = mkdtempSync(join(tmpdir(), 'almanac-stamp-'));
    const file = backend === 'sqlite' ? join(dir, 'store.db') : await freshPostgresUrl();
    const a = { ...testDeps(), db: await openStore(file, { seed: TAXONOMY }) };
    const b = { ...testDeps(), db: await openStore(file, { seed: TAXONOMY }) };
    try {
      await followDemoSources(a.db, feeds.base, a.clock.now());
      await fetchDueSources(a);
      await processPending(a, { stages: STAGES.filter((st) => st.name !== 'cluster') });
      const ids = await column<number>(
        a.db,
        `SELECT a.id FROM articles a ORDER BY COALESCE(a.published_at, a.fetched_at), a.id`,
      );
      // Hold every article back from clustering, then release one slice at a time.
      await a.db.run(`UPDATE article_stages SET status = 'failed', attempts = 99 WHERE stage = 'cluster'`);
      const release = async (part: number[]) => {
        for (const id of part)
          await a.db.run(
            `UPDATE article_stages SET status = 'pending', attempts = 0 WHERE stage = 'cluster' AND article_id = ?`,
            [id],
          );
      };
      const third = Math.ceil(ids.length / 3);
      const wa = new Worker(a, { roles: ['process'], owner: 'A' });
      const wb = new Worker(b, { roles: ['process'], owner: 'B' });
      await release(ids.slice(0, third));
      assert.ok(Array.isArray(await wb.clusterRound()));
      await release(ids.slice(third, 2 * third));
      assert.ok(Array.isArray(await wa.clusterRound()));
      await release(ids.slice(2 * third));
      if (suppressReload) {
        // B believes nobody clustered since it did: its clusterer stays as it was.
        const stamp = await one<string>(b.db, `SELECT value FROM cluster_meta WHERE key = 'clusterer_stamp'`);
        (wb as unknown as { lastStamp: string }).lastStamp = stamp;
      }
      assert.ok(Array.isArray(await wb.clusterRound()));
      const members = await a.db.all<{ e: string; title: string }>(
        'SELECT ea.event_id AS e, a.title FROM event_articles ea JOIN articles a ON a.id = ea.article_id',
      );
      assert.equal(members.length, ids.length);
      const keys = new Map(feeds.corpus.map((x) => [x.title, x.event]));
      return {
        f1: bcubed(
          new Map(members.map((m) => [m.title, m.e])),
          new Map(members.map((m) => [m.title, keys.get(m.title)!])),
        ).f1,
        events: await one<number>(a.db, 'SELECT COUNT(*) FROM events'),
      };
    } finally {
      await a.db.close();
      await b.db.close();
      await feeds.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }

  for (const backend of BACKENDS)
    it(`a worker reloads its clusterer when another clustered since: no duplicate events (${backend})`, async (t) => {
      const safe = await slices(backend, false);
      const stale = await slices(backend, true);
      t.diagnostic(
        `with the reload ${safe.events} events (BCubed F1 ${safe.f1.toFixed(3)}); without it ${stale.events} (F1 ${stale.f1.toFixed(3)})`,
      );
      assert.ok(safe.f1 >= 0.95, `BCubed F1 ${safe.f1.toFixed(3)} with the reload`);
      assert.ok(
        stale.events > safe.events,
        `without the reload: ${stale.events} events against ${safe.events} (F1 ${stale.f1.toFixed(3)})`,
      );
    });
});
