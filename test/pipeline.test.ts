import assert from 'node:assert/strict';
import { opensUnattributed } from '../src/events/voice.js';
import { describe, it } from 'node:test';
import { DEMO_SOURCES } from '../src/demo/sources.js';
import { fetchDueSources } from '../src/pipeline/fetch-sources.js';
import { processPending } from '../src/pipeline/process.js';
import { clusterStage } from '../src/pipeline/stages.js';
import { resetClustering } from '../src/events/recluster.js';
import { makeDue, upsertSource, getSource } from '../src/store/sources.js';
import { createApp } from '../src/web/app.js';
import { escapeHtml } from '../src/ingest/page/sanitize.js';
import { BACKENDS, testDepsOn } from './helpers.js';
import { demoFeedServer, followDemoSources } from './demo-store.js';
import { createLocalPool } from '../src/analyze/local-pool.js';
import { one } from '../src/store/sql/query.js';

for (const backend of BACKENDS)
  describe(`pipeline end to end over the demo feeds on loopback (${backend})`, () => {
    it('fetches every format, fills teasers from pages, then fetches again with no duplicates', async () => {
      const feeds = await demoFeedServer();
      // Extraction on a thread of the pool, ahead of clustering, as `almanac` runs it.
      const deps = { ...(await testDepsOn(backend, { keepRaw: true })), localPool: createLocalPool(1) };
      try {
        await followDemoSources(deps.db, feeds.base, deps.clock.now());
        const first = await fetchDueSources(deps);
        assert.deepEqual(
          first.filter((o) => !o.ok),
          [],
        );
        const stored = await one<unknown>(deps.db, 'SELECT COUNT(*) FROM articles');
        assert.equal(stored, feeds.corpus.length);
        const reports = await processPending(deps);
        assert.deepEqual(
          reports,
          ['fulltext', 'analyze', 'cluster'].map((stage) => ({ stage, done: feeds.corpus.length, failed: 0 })),
        );
        // Teaser sources got their full text from the article pages.
        const teaser = DEMO_SOURCES.filter((s) => s.teaser).map((s) => s.id);
        const rows = await deps.db.all<{ words: number; truncated: number; note: string }>(
          `SELECT a.word_count AS words, a.truncated, s.note FROM articles a JOIN article_stages s ` +
            `ON s.article_id = a.id AND s.stage = 'fulltext' WHERE a.source_id IN (` +
            `${teaser.map(() => '?').join(',')})`,
          teaser,
        );
        assert.ok(rows.length > 0);
        for (const r of rows) {
          assert.match(r.note, /page gave \d+ words/);
          assert.ok(r.words > 60, `full text has ${r.words} words`);
        }
        // --keep-raw kept the fetched pages, gzipped; without it nothing is kept (crash-resume checks that).
        const fetchedPages = await one<number>(
          deps.db,
          `SELECT COUNT(*) FROM article_stages WHERE stage = 'fulltext' AND note LIKE 'page gave%'`,
        );
        assert.ok(fetchedPages >= rows.length);
        assert.equal(await one<unknown>(deps.db, 'SELECT COUNT(*) FROM raw_pages'), fetchedPages);
        // Second round: conditional GET answers 304, nothing is duplicated.
        await makeDue(deps.db);
        const second = await fetchDueSources(deps);
        assert.ok(
          second.every((o) => o.ok && o.notModified),
          JSON.stringify(second),
        );
        assert.equal(await one<unknown>(deps.db, 'SELECT COUNT(*) FROM articles'), stored);
        assert.ok((await getSource(deps.db, 'interconnects'))!.etag);
        // The API lists them newest first.
        const app = createApp({ db: deps.db, clock: deps.clock });
        const res = await app.request('/api/articles?limit=5');
        assert.equal(res.status, 200);
        const body = (await res.json()) as { articles: Array<{ published: string; source: { name: string } }> };
        assert.equal(body.articles.length, 5);
        const dates = body.articles.map((a) => a.published);
        assert.deepEqual([...dates].sort().reverse(), dates);
        assert.equal((await app.request('/api/articles?limit=abc')).status, 400);
        const html = await (await app.request('/articles')).text();
        assert.match(html, /Interconnects \(Nathan Lambert\)/);

        // Events: the demo's happenings, each with members from several sources, scores with factors, related events.
        const keys = new Map(feeds.corpus.map((a) => [a.title, a.event]));
        const members = await deps.db.all<{ e: string; title: string }>(
          'SELECT ea.event_id AS e, a.title FROM event_articles ea JOIN articles a ON a.id = ea.article_id',
        );
        assert.equal(members.length, feeds.corpus.length);
        const { bcubed } = await import('../src/events/bcubed.js');
        const b = bcubed(
          new Map(members.map((m) => [m.title, m.e])),
          new Map(members.map((m) => [m.title, keys.get(m.title)!])),
        );
        assert.ok(b.f1 >= 0.95, `demo events BCubed F1 ${b.f1.toFixed(3)}`);
        const events = (await (await app.request('/api/events?limit=100')).json()) as {
          events: Array<{
            id: string;
            title: string;
            significance: number;
            factors: { factors: Record<string, { points: number }> };
            sourceCount: number;
            summary: string;
            topics: string[];
          }>;
        };
        // Near the answer key's count. Above it: a commentary that shares little specific with the
        // launch it discusses ("Gemini 3 and the end of the benchmark launch") stands apart (precision
        // first; it is a related event); below it: two early policy events can share enough words to meet.
        const happenings = new Set(keys.values()).size;
        assert.ok(
          events.events.length >= happenings - 2 && events.events.length <= happenings + 10,
          `${events.events.length} events for ${happenings} happenings`,
        );
        for (const e of events.events) {
          assert.ok(e.significance >= 1 && e.significance <= 10);
          assert.deepEqual(Object.keys(e.factors.factors).sort(), [
            'novelty',
            'prominence',
            'sources',
            'stakes',
            'tier',
          ]);
          assert.ok(e.summary.length > 40, e.title);
        }
        const fable = events.events.find((e) => /Fable 5/.test(e.title))!;
        assert.ok(fable.sourceCount >= 4);
        const opinion = events.events.find((e) => e.title.startsWith('Op-ed: The Inevitable Need'));
        assert.ok(opinion, events.events.map((e) => e.title).join(' / '));
        // A government action covered widely outranks one op-ed.
        assert.ok(
          fable.significance >= 7 && fable.significance > opinion.significance,
          `${fable.significance} vs ${opinion.significance}`,
        );
        const page = await (await app.request(`/events/${fable.id}`)).text();
        for (const part of ['Why ', 'novelty', 'stakes', 'Coverage (', 'primary', 'Related events ('])
          assert.ok(page.includes(part), part);
        // The seed's op-ed event: titled and summarised from the op-ed itself, whose source and
        // author head the page; no event summary opens in a first person nobody is named for.
        const oped = events.events.find((e) => e.title === 'Op-ed: Banning Open Source AI Would Be A Mistake');
        assert.ok(oped, events.events.map((e) => e.title).join(' / '));
        assert.match(oped.summary, /^Nathan Lambert: /);
        const opedPage = await (await app.request(`/events/${oped.id}`)).text();
        assert.match(opedPage, /<div class="meta head">(?:(?!<\/div>).)*Interconnects \(Nathan Lambert\)/s);
        // Its summary is the op-ed's own, shown once: at the top, not again under the op-ed in the coverage.
        const opening = escapeHtml(oped.summary.replace(/^Nathan Lambert: /, '').split('. ')[0]!);
        assert.equal(opedPage.split(opening).length - 1, 1, opening);
        assert.deepEqual(
          events.events.filter((e) => opensUnattributed(e.summary)).map((e) => e.summary),
          [],
        );
        // Related events say what they share, in words, closest first; no percentage.
        assert.doesNotMatch(opedPage, /% related/);
        assert.match(opedPage, /shares Open-source AI/);
        // Its related events are the seed screen's (/work/shared/seeds/003_*), the other voices of
        // its debate: all eight are in the corpus, Andrew Ng's letter on anti-AI messaging among them
        // (it shares AI regulation with the op-ed: the preemption of state AI laws). The essay on
        // pooling compute is filed with the consortium op-ed it answers by its author's name (see
        // src/events/reaction.ts), so it holds no place of its own; never the speech-recognition
        // leaderboard.
        const seedRelated = [
          'Fable 5',
          'Cybersecurity: Why Openness Matters',
          'Need for an Open Model Consortium',
          'Open ML Considerations in the EU AI Act',
          'Claude Mythos',
          'Frontier AI regulation',
          'Our views on AI policy',
          'anti-AI messaging',
        ];
        const opedRelated = (
          (await (await app.request(`/api/events/${oped.id}`)).json()) as {
            related: Array<{ id: string; title: string }>;
          }
        ).related;
        const listed = seedRelated.filter((t) => opedRelated.some((r) => r.title.includes(t)));
        const titles = opedRelated.map((r) => r.title).join(' / ');
        assert.ok(
          listed.length === seedRelated.length,
          `seed's related events listed: ${listed.join(' / ')}; listed: ${titles}`,
        );
        const seedEvents = new Set(
          feeds.corpus.filter((a) => seedRelated.some((t) => a.title.includes(t))).map((a) => a.event),
        );
        for (const r of opedRelated) {
          const members = (
            (await (await app.request(`/api/events/${r.id}`)).json()) as { articles: Array<{ title: string }> }
          ).articles.map((a) => feeds.corpus.find((c) => c.title === a.title)?.event);
          assert.ok(
            members.some((e) => seedEvents.has(e ?? null)),
            `${r.title} is not the seed's: ${titles}`,
          );
        }
        assert.ok(!opedRelated.some((r) => r.title.includes('Open ASR leaderboard')), titles);
        const detail = (await (await app.request(`/api/events/${fable.id}`)).json()) as {
          related: Array<{ id: string; similarity: number }>;
          articles: unknown[];
        };
        assert.ok(detail.related.length >= 1 && detail.related.length <= 8);
        assert.ok(detail.articles.length >= fable.sourceCount);
        // Related is symmetric for the strongest link.
        const back = (await (await app.request(`/api/events/${detail.related[0]!.id}`)).json()) as {
          related: Array<{ id: string }>;
        };
        assert.ok(back.related.some((r) => r.id === fable.id));
        // Search answers from each engine's own index (FTS5, or tsvector on PostgreSQL), with marked snippets.
        const found = (await (await app.request('/api/search?q=Fable')).json()) as {
          events: Array<{ id: string; snippet: string }>;
          articles: unknown[];
        };
        assert.ok(
          found.events.some((e) => e.id === fable.id),
          JSON.stringify(found.events),
        );
        assert.ok(found.articles.length >= 4);
        assert.match(await (await app.request('/search?q=Fable')).text(), /<mark>/);
        const home = await (await app.request('/')).text();
        assert.match(home, /class="score/);
        const art = await (await app.request('/articles/1')).text();
        for (const part of ['Extraction', 'Claims', 'Key quotes', 'Part of the event'])
          assert.ok(art.includes(part), part);

        // Reclustering a time range undoes those events and places their articles again, to the same partition.
        const partition = async () => {
          const g = new Map<string, string[]>();
          for (const m of await deps.db.all<{ e: string; a: number }>(
            'SELECT ea.event_id AS e, ea.article_id AS a FROM event_articles ea ORDER BY a',
          ))
            g.set(m.e, [...(g.get(m.e) ?? []), String(m.a)]);
          return [...g.values()].map((x) => x.join(',')).sort();
        };
        const before = await partition();
        const undone = await resetClustering(deps.db, '2026-11-21T00:00:00Z');
        deps.state.forgetClusterer();
        assert.ok(undone.events > 0 && undone.articles > 0);
        await processPending(deps, { stages: [clusterStage] });
        assert.deepEqual(await partition(), before);
        assert.equal(
          await one<unknown>(deps.db, `SELECT value FROM cluster_meta WHERE key = 'docs'`),
          String(feeds.corpus.length),
        );

        // An article that cannot be placed, in the middle of a batch: it fails alone, and the
        // clustering state of the batch's other articles (written once per batch) is kept.
        await resetClustering(deps.db, '2026-11-21T00:00:00Z');
        deps.state.forgetClusterer();
        const reset = await deps.db.all<{ article_id: number }>(
          `SELECT article_id FROM article_stages WHERE stage = 'cluster' AND status = 'pending' ORDER BY article_time, article_id`,
        );
        const victim = reset[Math.floor(reset.length / 2)]!.article_id;
        await deps.db.exec(
          deps.db.dialect === 'sqlite'
            ? `CREATE TEMP TRIGGER fail_one BEFORE INSERT ON event_articles WHEN new.article_id = ${victim} BEGIN SELECT RAISE(ABORT, 'injected failure'); END`
            : `CREATE FUNCTION fail_one() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF ` +
                `NEW.article_id = ${victim} THEN RAISE EXCEPTION 'injected failure'; END IF; RETURN NEW; END $$;
          CREATE TRIGGER fail_one BEFORE INSERT ON event_articles FOR EACH ROW EXECUTE FUNCTION fail_one()`,
        );
        const [failing] = await processPending(deps, { stages: [clusterStage] });
        assert.deepEqual(failing, { stage: 'cluster', done: reset.length - 1, failed: 1 });
        const placed = await one<number>(deps.db, 'SELECT COUNT(*) FROM event_articles');
        assert.equal(Number(placed), feeds.corpus.length - 1);
        assert.equal(await one<unknown>(deps.db, `SELECT value FROM cluster_meta WHERE key = 'docs'`), String(placed));
        assert.equal(
          Number(
            await one<number>(
              deps.db,
              'SELECT COUNT(*) FROM events e WHERE NOT EXISTS (SELECT 1 FROM event_vectors v WHERE v.event_id = e.id)',
            ),
          ),
          0,
        );
        await deps.db.exec(
          deps.db.dialect === 'sqlite'
            ? 'DROP TRIGGER fail_one'
            : 'DROP TRIGGER fail_one ON event_articles; DROP FUNCTION fail_one()',
        );
        await processPending(deps, { stages: [clusterStage] });
        assert.equal(
          await one<unknown>(deps.db, `SELECT value FROM cluster_meta WHERE key = 'docs'`),
          String(feeds.corpus.length),
        );
      } finally {
        await feeds.close();
        await deps.localPool.close();
        await deps.db.close();
      }
    });

    it('records a failing source with a clear error and backs off, without stopping the others', async () => {
      const feeds = await demoFeedServer();
      const deps = await testDepsOn(backend);
      try {
        await upsertSource(
          deps.db,
          { id: 'good', name: 'Good', allowPrivate: true, feedUrl: `${feeds.base}demo/feeds/interconnects.xml` },
          deps.clock.now(),
        );
        await upsertSource(
          deps.db,
          { id: 'missing', name: 'Missing', allowPrivate: true, feedUrl: `${feeds.base}demo/feeds/nope.xml` },
          deps.clock.now(),
        );
        await upsertSource(
          deps.db,
          {
            id: 'html',
            name: 'Html',
            allowPrivate: true,
            feedUrl: `${feeds.base}demo/posts/interconnects/banning-open-source-ai-would-be-a-mistake`,
          },
          deps.clock.now(),
        );
        await upsertSource(
          deps.db,
          { id: 'guarded', name: 'Guarded', feedUrl: `${feeds.base}demo/feeds/the-batch.xml` },
          deps.clock.now(),
        );
        const out = await fetchDueSources(deps);
        assert.equal(out.find((o) => o.sourceId === 'good')!.ok, true);
        const missing = (await getSource(deps.db, 'missing'))!;
        assert.match(missing.lastError!, /HTTP 404/);
        assert.equal(missing.consecutiveFailures, 1);
        assert.match((await getSource(deps.db, 'html'))!.lastError!, /not a feed \(got HTML/);
        assert.match((await getSource(deps.db, 'guarded'))!.lastError!, /refused .*private, loopback/);
        const firstNext = Date.parse(missing.nextPollAt!);
        await makeDue(deps.db, 'missing');
        await fetchDueSources(deps);
        const again = (await getSource(deps.db, 'missing'))!;
        assert.equal(again.consecutiveFailures, 2);
        assert.ok(
          Date.parse(again.nextPollAt!) - deps.clock.now().getTime() > firstNext - deps.clock.now().getTime(),
          'backoff grows',
        );
      } finally {
        await feeds.close();
        await deps.db.close();
      }
    });
  });
