import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { llmFromConfig } from '../src/analyze/llm/extractor.js';
import { loadConfig } from '../src/config.js';
import { addManualGuide, afterTopicMerge, syncEventSubjects, updateGuidesForEvent } from '../src/guides/membership.js';
import { reviewGuide } from '../src/guides/review.js';
import { guideView } from '../src/guides/view.js';
import { processPending } from '../src/pipeline/process.js';
import { STAGE_NAMES } from '../src/pipeline/stages.js';
import { upsertArticle } from '../src/store/articles.js';
import type { Db } from '../src/store/db.js';
import { guidesOfEvent, topGuideEvents } from '../src/store/guides.js';
import { getGuide, listGuides } from '../src/guides/read.js';
import { upsertSource } from '../src/store/sources.js';
import {
  canonicalTopics,
  knownTopics,
  listTopics,
  mergeTopic,
  renameTopic,
  resolveTopic,
} from '../src/store/topics.js';
import { createApp } from '../src/web/app.js';
import { demoStore } from './demo-store.js';
import { startServer, testDeps } from './helpers.js';
import { column, one } from '../src/store/sql/query.js';

describe('guides over the demo', () => {
  let deps: Awaited<ReturnType<typeof demoStore>>['deps'];
  let app: ReturnType<typeof createApp>;
  const get = (p: string) => app.request(`http://almanac.test${p}`);

  before(async () => {
    ({ deps } = await demoStore());
    app = createApp({ db: deps.db, clock: deps.clock });
  });

  it('are created automatically for busy topics and entities, each holding exactly the events that name its subject', async () => {
    const guides = await listGuides(deps.db);
    const slugs = guides.map((g) => g.slug);
    for (const busy of ['open-source-ai', 'ai-chips', 'ai-regulation', 'anthropic'])
      assert.ok(slugs.includes(busy), `${busy} in ${slugs.join(' ')}`);
    for (const g of guides) {
      assert.equal(g.origin, 'auto');
      const expected = await one<number>(
        deps.db,
        `SELECT COUNT(*) FROM event_subjects s JOIN events e ON e.id = s.event_id WHERE s.kind = ? AND s.subject = ? AND e.title <> ''`,
        [g.subjectKind, g.subject],
      );
      assert.equal(g.eventCount, expected, g.slug);
      assert.match(g.overview, new RegExp(`^${g.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: `));
    }
    // Places do not make guides; a quiet subject (one event) does not either.
    for (const g of guides) {
      if (g.subjectKind !== 'entity') continue;
      const place = await deps.db.get(
        `SELECT 1 FROM events e, json_each(e.entities) x WHERE json_extract(x.value, '$.name') = ? AND json_extract(x.value, '$.type') = 'place'`,
        [g.subject],
      );
      assert.ok(!place, `${g.subject} is a place`);
    }
    const quiet = await column<string>(
      deps.db,
      `SELECT subject FROM event_subjects WHERE kind = 'topic' GROUP BY subject HAVING COUNT(*) = 1`,
    );
    assert.ok(quiet.length >= 1);
    for (const q of quiet) assert.ok(!guides.some((g) => g.subjectKind === 'topic' && g.subject === q), q);
  });

  it('link both ways: the event page lists its guides best first, the guide page its events, the API says the same', async () => {
    const ev = await one<string>(
      deps.db,
      `SELECT event_id FROM guide_events WHERE guide_slug = 'open-source-ai' ORDER BY significance DESC LIMIT 1`,
    );
    const guides = await guidesOfEvent(deps.db, ev);
    assert.ok(guides.length >= 1);
    for (let i = 1; i < guides.length; i++) assert.ok(guides[i - 1]!.relevance >= guides[i]!.relevance);
    const page = await (await get(`/events/${ev}`)).text();
    assert.match(page, new RegExp(`Related guides \\(${guides.length}\\)`));
    assert.ok(page.includes('href="/guides/open-source-ai"'));
    const guidePage = await (await get('/guides/open-source-ai')).text();
    assert.ok(guidePage.includes(`href="/events/${ev}"`));
    for (const h of ['What changed since', 'Timeline', 'Who says what', 'Key quotes', 'Sources that cover it most'])
      assert.ok(guidePage.includes(h), h);
    const api = (await (await get(`/api/events/${ev}`)).json()) as { event: { guides: Array<{ slug: string }> } };
    assert.deepEqual(
      api.event.guides.map((g) => g.slug),
      guides.map((g) => g.slug),
    );
    const list = (await (await get('/api/guides')).json()) as { guides: Array<{ slug: string; eventCount: number }> };
    assert.equal(list.guides.length, (await listGuides(deps.db)).length);
    const answer = (await (await get('/api/guides/open-source-ai?since=30d')).json()) as {
      guide: { overview: string };
      timeline: unknown[];
      changes: { events: unknown[] };
    };
    assert.equal(answer.timeline.length, (await getGuide(deps.db, 'open-source-ai'))!.eventCount);
    assert.ok(answer.changes.events.length >= 1 && answer.changes.events.length <= answer.timeline.length);
    assert.equal((await get('/api/guides/open-source-ai?since=yesterday')).status, 400);
    assert.equal((await get('/api/guides/no-such-guide')).status, 404);
    assert.equal((await get('/guides')).status, 200);
  });

  it('group the claims of their events by source and by assertion, with quotes and the sources that cover them most', async () => {
    const v = (await guideView(deps.db, 'open-source-ai', { since: '2026-11-01T00:00:00Z' }))!;
    assert.ok(v.claimsBySource.length >= 2);
    for (const s of v.claimsBySource) for (const c of s.claims) assert.equal(c.sourceId, s.sourceId);
    assert.ok(v.claimGroups.length >= 1);
    for (const g of v.claimGroups) assert.ok(g.sources.length >= 2, 'only assertions made by several sources');
    assert.ok(v.topSources.length >= 2);
    for (let i = 1; i < v.topSources.length; i++) assert.ok(v.topSources[i - 1]!.articles >= v.topSources[i]!.articles);
    for (const e of v.changes) assert.ok(e.event.lastUpdated >= v.since);
  });

  it('are added by hand for a saved query, validated, and kept up to date as matching events arrive', async () => {
    await assert.rejects(
      () => addManualGuide(deps.db, { title: 'Broken', query: 'export AND (' }, '2026-11-22T00:00:00Z'),
      /not valid full-text syntax/,
    );
    await assert.rejects(
      () => addManualGuide(deps.db, { title: ' ', query: 'chips' }, '2026-11-22T00:00:00Z'),
      /needs a title/,
    );
    const g = await addManualGuide(
      deps.db,
      { title: 'Chip export controls', query: 'export AND (chip OR chips OR controls)' },
      '2026-11-22T00:00:00Z',
    );
    assert.equal(g.slug, 'chip-export-controls');
    assert.equal(g.origin, 'manual');
    const matching = await one<number>(deps.db, `SELECT COUNT(*) FROM events_fts WHERE events_fts MATCH ?`, [
      'export AND (chip OR chips OR controls)',
    ]);
    assert.ok(matching >= 1);
    assert.equal(g.eventCount, matching);
    await assert.rejects(
      () =>
        addManualGuide(
          deps.db,
          { title: 'Again', query: 'export AND (chip OR chips OR controls)' },
          '2026-11-22T00:00:00Z',
        ),
      /already follows/,
    );

    // A new article about the subject arrives through the real pipeline: the guide gains its event, and a guide it has nothing to do with is untouched.
    const quiet = (await listGuides(deps.db)).find((x) => x.slug === 'ai-safety')!;
    const at = deps.clock.now().toISOString();
    await upsertArticle(
      deps.db,
      {
        sourceId: 'policy-wire',
        guid: 'new-export-rule',
        url: null,
        canonicalUrl: null,
        title: 'Netherlands tightens export rules for chip lithography machines',
        author: null,
        publishedAt: at,
        fetchedAt: at,
        html: '',
        lang: 'en',
        image: null,
        wordCount: 60,
        truncated: false,
        text:
          'The Dutch government tightened export controls on chip lithography machines on ' +
          'Friday, requiring licences for shipments of older deep ultraviolet tools to several ' +
          'countries. Officials said the export rule follows talks with Washington about chips and ' +
          'national security. Chipmakers said they expected a limited effect on sales this year.',
      },
      STAGE_NAMES,
    );
    await processPending(deps);
    const ev = await one<string>(
      deps.db,
      `SELECT ea.event_id FROM event_articles ea JOIN articles a ON a.id = ea.article_id WHERE a.guid = 'new-export-rule'`,
    );
    assert.ok((await guidesOfEvent(deps.db, ev)).some((x) => x.slug === 'chip-export-controls'));
    assert.equal(
      (await getGuide(deps.db, 'chip-export-controls'))!.eventCount,
      await one<unknown>(deps.db, `SELECT COUNT(*) FROM events_fts WHERE events_fts MATCH ?`, [
        'export AND (chip OR chips OR controls)',
      ]),
    );
    assert.ok((await getGuide(deps.db, 'chip-export-controls'))!.eventCount > g.eventCount);
    assert.equal(
      (await getGuide(deps.db, 'ai-safety'))!.updatedAt,
      quiet.updatedAt,
      'an unrelated guide is not touched',
    );
  });

  it('merge topic aliases: articles, events, guides and URLs follow the canonical slug', async () => {
    const before = (await getGuide(deps.db, 'ai-agents'))!;
    const agentsEvents = await column<string>(
      deps.db,
      `SELECT event_id FROM event_subjects WHERE kind = 'topic' AND subject = 'ai-agents'`,
    );
    assert.ok(agentsEvents.length >= 1);
    await deps.db.transaction(async (tx) => {
      await mergeTopic(tx, 'ai-agents', 'ai-coding');
      await afterTopicMerge(tx, 'ai-agents', 'ai-coding');
    });
    assert.equal(await resolveTopic(deps.db, 'ai-agents'), 'ai-coding');
    assert.equal(await one<unknown>(deps.db, `SELECT COUNT(*) FROM extractions WHERE topics LIKE '%"ai-agents"%'`), 0);
    assert.equal(await one<unknown>(deps.db, `SELECT COUNT(*) FROM events WHERE topics LIKE '%"ai-agents"%'`), 0);
    for (const id of agentsEvents)
      assert.ok(
        (JSON.parse(await one<string>(deps.db, 'SELECT topics FROM events WHERE id = ?', [id])) as string[]).includes(
          'ai-coding',
        ),
      );
    assert.ok(!(await listTopics(deps.db)).some((t) => t.slug === 'ai-agents'));
    assert.ok((await listTopics(deps.db)).find((t) => t.slug === 'ai-coding')!.slugAliases.includes('ai-agents'));
    const merged = (await getGuide(deps.db, 'ai-coding'))!;
    if (before) {
      assert.ok(merged, 'the guide follows the merge');
      assert.equal(
        merged.eventCount,
        await one<unknown>(
          deps.db,
          `SELECT COUNT(*) FROM event_subjects WHERE kind = 'topic' AND subject = 'ai-coding'`,
        ),
      );
      assert.equal(await getGuide(deps.db, 'ai-agents'), undefined);
    }
    const r = await get('/topics/ai-agents');
    assert.equal(r.status, 301);
    assert.equal(r.headers.get('location'), '/topics/ai-coding');
    // New extractions that still say the old slug land on the canonical one.
    assert.deepEqual(
      await canonicalTopics(deps.db, ['ai-agents', 'ai-coding'], 'policy-wire', '2026-11-22T00:00:00Z'),
      ['ai-coding'],
    );
  });

  it('rename a topic: the new slug takes over, the old one keeps resolving, its guide moves', async () => {
    await renameTopic(deps.db, 'ai-chips', 'ai-compute', 'AI compute', '2026-11-22T00:00:00Z');
    await afterTopicMerge(deps.db, 'ai-chips', 'ai-compute');
    const t = (await listTopics(deps.db)).find((x) => x.slug === 'ai-compute')!;
    assert.equal(t.label, 'AI compute');
    assert.deepEqual(t.slugAliases, ['ai-chips']);
    assert.equal((await getGuide(deps.db, 'ai-compute'))!.title, 'AI compute');
    const r = await get('/guides/ai-chips');
    assert.equal(r.status, 301);
    assert.equal(r.headers.get('location'), '/guides/ai-compute');
    await assert.rejects(() => renameTopic(deps.db, 'ai-compute', 'Not A Slug', undefined, ''), /kebab-case/);
    await assert.rejects(() => mergeTopic(deps.db, 'ai-compute', 'ai-chips'), /already one topic/);
    await assert.rejects(() => mergeTopic(deps.db, 'no-such-topic', 'nothing-here'), /no topic "nothing-here"/);
  });

  it('keep the per-week subject counts equal to a recount, through the pipeline, topic merges, renames and deleted events', async () => {
    const recount = async () =>
      await deps.db.all(
        `SELECT kind, subject, week, COUNT(*) AS events FROM event_subjects GROUP BY kind, subject, week ORDER BY 1, 2, 3`,
      );
    const kept = async () =>
      await deps.db.all(`SELECT kind, subject, week, events FROM subject_weeks ORDER BY 1, 2, 3`);
    assert.ok((await recount()).length > 20);
    assert.deepEqual(await kept(), await recount());
    const victim = await one<string>(
      deps.db,
      `SELECT event_id FROM event_subjects WHERE kind = 'topic' AND subject = 'ai-coding' LIMIT 1`,
    );
    const before = await one<number>(
      deps.db,
      `SELECT SUM(events) FROM subject_weeks WHERE kind = 'topic' AND subject = 'ai-coding'`,
    );
    await deps.db.run('DELETE FROM events WHERE id = ?', [victim]);
    assert.equal(
      await one<unknown>(
        deps.db,
        `SELECT SUM(events) FROM subject_weeks WHERE kind = 'topic' AND subject = 'ai-coding'`,
      ),
      before - 1,
    );
    assert.deepEqual(await kept(), await recount());
    const topics = (await (await get('/api/topics')).json()) as { topics: Array<{ slug: string; events: number }> };
    assert.equal(topics.topics.find((t) => t.slug === 'ai-coding')!.events, before - 1);
  });
});

describe('the taxonomy grows', () => {
  it('maps near-duplicates onto a known topic and learns a new slug once two sources use it', async () => {
    const deps = testDeps();
    for (const id of ['a', 'b'])
      await upsertSource(deps.db, { id, name: id, feedUrl: `https://${id}.example/feed.xml` }, deps.clock.now());
    const at = '2026-11-22T00:00:00Z';
    assert.deepEqual(await canonicalTopics(deps.db, ['open-weights', 'open-weight-models', 'ai-regulation'], 'a', at), [
      'open-source-ai',
      'ai-regulation',
    ]);
    assert.equal(await resolveTopic(deps.db, 'open-weights'), 'open-source-ai');
    assert.deepEqual(await canonicalTopics(deps.db, ['sovereign-compute'], 'a', at), ['sovereign-compute']);
    assert.ok(!(await listTopics(deps.db)).some((t) => t.slug === 'sovereign-compute'), 'one source is not enough');
    assert.deepEqual([...(await knownTopics(deps.db, ['sovereign-compute', 'ai-regulation']))], ['ai-regulation']);
    await canonicalTopics(deps.db, ['sovereign-compute'], 'a', at);
    assert.ok(!(await listTopics(deps.db)).some((t) => t.slug === 'sovereign-compute'), 'nor is the same source twice');
    await canonicalTopics(deps.db, ['sovereign-compute'], 'b', at);
    assert.ok((await knownTopics(deps.db, ['sovereign-compute'])).has('sovereign-compute'));
    const learned = (await listTopics(deps.db)).find((t) => t.slug === 'sovereign-compute')!;
    assert.equal(learned.origin, 'learned');
    assert.equal(learned.label, 'Sovereign compute');
    // The seeded hierarchy: ai-policy > ai-regulation > eu-ai-policy.
    const bySlug = new Map((await listTopics(deps.db)).map((t) => [t.slug, t]));
    assert.equal(bySlug.get('eu-ai-policy')!.parent, 'ai-regulation');
    assert.equal(bySlug.get('ai-regulation')!.parent, 'ai-policy');
  });
});

/** Counts the statements a piece of work runs: the cost model of an incremental update. */
async function countStatements(db: Db, work: () => Promise<void>): Promise<number> {
  let n = 0;
  const counted = db as unknown as Record<'all' | 'get' | 'run', (...a: unknown[]) => Promise<unknown>>;
  const saved = { all: counted.all, get: counted.get, run: counted.run };
  for (const m of ['all', 'get', 'run'] as const) counted[m] = (...a: unknown[]) => (n++, saved[m].apply(db, a));
  try {
    await work();
  } finally {
    Object.assign(counted, saved);
  }
  return n;
}

describe('incremental guide updates', () => {
  /** A store with one topic guide of `size` events, built event by event as the pipeline would. */
  async function storeWithGuide(size: number) {
    const deps = testDeps();
    for (const id of ['a', 'b'])
      await upsertSource(deps.db, { id, name: id, feedUrl: `https://${id}.example/feed.xml` }, deps.clock.now());
    const add = async (i: number) => {
      const at = new Date(Date.UTC(2026, 0, 1) + i * 3_600_000).toISOString();
      const art = await upsertArticle(
        deps.db,
        {
          sourceId: i % 2 ? 'a' : 'b',
          guid: `g${i}`,
          url: null,
          canonicalUrl: null,
          title: `Item ${i}`,
          author: null,
          publishedAt: at,
          fetchedAt: at,
          html: '',
          text: 'x',
          lang: 'en',
          image: null,
          wordCount: 1,
          truncated: false,
        },
        [],
      );
      const id = `e${i}`;
      const topics = ['ai-chips', i % 3 ? 'ai-business' : 'ai-research'];
      await deps.db.run(
        `INSERT INTO events (id, title, summary, significance, first_seen, last_updated, topics, entities) VALUES (?, ?, ?, ?, ?, ?, ?, '[]')`,
        [
          id,
          `Event ${i}`,
          `Something happened to chips, number ${i}. More follows.`,
          1 + (i % 9),
          at,
          at,
          JSON.stringify(topics),
        ],
      );
      await deps.db.run(`INSERT INTO event_articles (event_id, article_id, role) VALUES (?, ?, 'primary')`, [
        id,
        art.id,
      ]);
      return { id, topics };
    };
    for (let i = 0; i < size; i++) {
      const e = await add(i);
      await syncEventSubjects(deps.db, e.id, { topics: e.topics, entities: [] });
      await updateGuidesForEvent(deps.db, e.id);
    }
    return { deps, add };
  }

  it('cost the same number of statements for a guide of 20 events as for one of 2,000, and read through indexes', async () => {
    const cost = async (size: number) => {
      const { deps, add } = await storeWithGuide(size);
      assert.equal((await getGuide(deps.db, 'ai-chips'))!.eventCount, size);
      const e = await add(size);
      const n = await countStatements(deps.db, async () => {
        await syncEventSubjects(deps.db, e.id, { topics: e.topics, entities: [] });
        await updateGuidesForEvent(deps.db, e.id);
      });
      assert.equal((await getGuide(deps.db, 'ai-chips'))!.eventCount, size + 1);
      // The guide's most significant events come from guide_top in its own order, and agree with ordering every membership.
      const plans = (
        await deps.db.all<{ detail: string }>(
          `EXPLAIN QUERY PLAN SELECT event_id FROM guide_top WHERE guide_slug = 'ai-chips' ORDER BY significance DESC, first_seen DESC, event_id DESC LIMIT 3`,
        )
      )
        .map((p) => p.detail)
        .join('; ');
      assert.match(plans, /SEARCH guide_top USING PRIMARY KEY \(guide_slug=\?\)/);
      assert.doesNotMatch(plans, /TEMP B-TREE/);
      assert.ok(
        Number(
          (await deps.db.get<{ n: number }>(`SELECT COUNT(*) AS n FROM guide_top WHERE guide_slug = 'ai-chips'`))!.n,
        ) <= 40,
      );
      assert.deepEqual(
        (await topGuideEvents(deps.db, 'ai-chips', 3)).map((r) => r.eventId),
        (
          await deps.db.all<{ id: string }>(
            `SELECT event_id AS id FROM guide_events WHERE guide_slug = 'ai-chips' ORDER BY significance DESC, first_seen DESC, event_id DESC LIMIT 3`,
          )
        ).map((r) => r.id),
      );
      return n;
    };
    assert.equal(await cost(2000), await cost(20));
  });
});

describe('guide overviews by the model', () => {
  it('are written when a guide is new and again when it doubles; a bad answer keeps the local overview', async () => {
    let calls = 0;
    let answer: unknown = {
      overview:
        'Open models kept arriving this autumn: DeepSeek released V4 weights, Mistral shipped an open-weight model, and Europe set rules.',
    };
    const server = await startServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        calls++;
        const msgs = (JSON.parse(body) as { messages: { content: string }[] }).messages;
        assert.match(msgs[0]!.content, /overview of one guide/);
        assert.match(msgs[1]!.content, /Guide: Open-source AI/);
        res.writeHead(200, { 'content-type': 'application/json' }).end(
          JSON.stringify({
            choices: [{ message: { content: JSON.stringify(answer) } }],
            usage: { prompt_tokens: 10, completion_tokens: 5 },
          }),
        );
      });
    });
    try {
      const { deps } = await demoStore();
      const client = llmFromConfig(
        loadConfig({ ALMANAC_LLM_URL: `${server.url}v1`, ALMANAC_LLM_MODEL: 'tiny' }, { db: ':memory:' }),
        { backoffMs: 1 },
      )!;
      const local = (await getGuide(deps.db, 'open-source-ai'))!.overview;
      answer = { overview: 'too short' };
      assert.match(await reviewGuide(deps.db, client, 'open-source-ai'), /^failed: the overview did not validate/);
      assert.equal((await getGuide(deps.db, 'open-source-ai'))!.overview, local);
      answer = {
        overview:
          'Open models kept arriving this autumn: DeepSeek released V4 weights, Mistral shipped an open-weight model, and Europe set rules.',
      };
      assert.equal(await reviewGuide(deps.db, client, 'open-source-ai'), 'written');
      const g = (await getGuide(deps.db, 'open-source-ai'))!;
      assert.equal(g.overviewBy, 'llm');
      assert.match(g.overview, /^Open models kept arriving/);
      assert.equal(await reviewGuide(deps.db, client, 'open-source-ai'), 'current');
      const made = calls;
      // Twice the events since the model wrote: it writes again (the same inputs come from the cache).
      await deps.db.run(`UPDATE guides SET overview_events = ? WHERE slug = 'open-source-ai'`, [
        Math.floor(g.eventCount / 2),
      ]);
      assert.equal(await reviewGuide(deps.db, client, 'open-source-ai'), 'cached');
      assert.equal(calls, made);
      const page = await (
        await createApp({ db: deps.db, clock: deps.clock }).request('http://almanac.test/guides/open-source-ai')
      ).text();
      assert.match(page, /Open models kept arriving/);
      assert.match(page, /overview written by the model/);
    } finally {
      await server.close();
    }
  });
});
