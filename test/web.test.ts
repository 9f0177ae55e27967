import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { parseFeed } from '../src/ingest/feeds/parse.js';
import { readOpml } from '../src/ingest/opml.js';
import { STAGE_NAMES } from '../src/pipeline/stages.js';
import { upsertArticle } from '../src/store/articles.js';
import { slugWords } from '../src/store/topics.js';
import { createApp } from '../src/web/app.js';
import { digestEvents, digestMarkdown } from '../src/web/digest.js';
import { demoStore } from './demo-store.js';
import { assertAtomValid, assertJsonFeedValid } from './feed-spec.js';

/** Route tests without a server (app.request) over a store the real pipeline filled from the demo feeds. */
describe('web routes and outputs', () => {
  let app: ReturnType<typeof createApp>;
  let deps: Awaited<ReturnType<typeof demoStore>>['deps'];

  before(async () => {
    ({ deps } = await demoStore());
    app = createApp({ db: deps.db, clock: deps.clock });
  });

  const get = (p: string) => app.request(`http://almanac.test${p}`);

  it('serves the events list as Atom and JSON Feed under any filter', async () => {
    const atom = await get('/feed.atom?min=7&sort=score');
    assert.equal(atom.status, 200);
    assert.match(atom.headers.get('content-type')!, /application\/atom\+xml/);
    const atomXml = await atom.text();
    assertAtomValid(atomXml);
    const feed = parseFeed(Buffer.from(atomXml), { url: 'http://almanac.test/feed.atom' });
    assert.equal(feed.format, 'atom');
    assert.match(feed.title, /score 7\+/);
    assert.ok(feed.items.length >= 1);
    for (const it of feed.items) {
      assert.match(it.guid ?? '', /^tag:almanac,2026:event:/);
      assert.match(it.url ?? '', /^http:\/\/almanac\.test\/events\//);
      assert.ok(it.published || it.updated);
      assert.ok(Number(/^\[(\d+)\]/.exec(it.title)![1]) >= 7, it.title);
    }
    const json = await get('/feed.json?topic=open-source-ai');
    assert.match(json.headers.get('content-type')!, /application\/feed\+json/);
    const jf = (await json.json()) as {
      version: string;
      title: string;
      feed_url: string;
      items: Array<{ id: string; url: string; title: string; content_text: string; tags: string[] }>;
    };
    assertJsonFeedValid(jf);
    assert.equal(jf.version, 'https://jsonfeed.org/version/1.1');
    assert.equal(jf.feed_url, 'http://almanac.test/feed.json?topic=open-source-ai');
    assert.equal(jf.title, 'Almanac events (topic Open-source AI)');
    assert.ok(jf.items.length >= 1);
    for (const it of jf.items) {
      assert.ok(it.id && it.url && it.content_text);
      assert.ok(it.tags.includes('open-source-ai'));
    }
    const bad = await get('/feed.atom?min=11');
    assert.equal(bad.status, 400);
    assert.match(JSON.stringify(await bad.json()), /min/);
  });

  it('answers /api/events in the contract shape and validates its input', async () => {
    const r = (await (await get('/api/events?limit=5&sort=score')).json()) as {
      events: Array<Record<string, unknown>>;
    };
    assert.equal(r.events.length, 5);
    for (const k of ['id', 'title', 'summary', 'significance', 'factors', 'source', 'firstSeen', 'related', 'guides'])
      assert.ok(k in r.events[0]!, k);
    const scores = r.events.map((e) => e['significance'] as number);
    assert.deepEqual(
      [...scores].sort((a, b) => b - a),
      scores,
    );
    assert.ok((r.events[0]!['related'] as unknown[]).length >= 1);
    for (const q of ['limit=0', 'limit=x', 'kind=poem', 'since=yesterday', 'topic=Not%20A%20Slug']) {
      const res = await get(`/api/events?${q}`);
      assert.equal(res.status, 400, q);
      const body = (await res.json()) as { error: string; issues: string[] };
      assert.match(body.error, /^bad query: \w+: /);
      assert.ok(body.issues.length >= 1);
    }
  });

  it('documents every API path in OpenAPI, and every documented path answers', async () => {
    const doc = (await (await get('/api/openapi.json')).json()) as { openapi: string; paths: Record<string, unknown> };
    assert.equal(doc.openapi, '3.1.0');
    const event = ((await (await get('/api/events?limit=1')).json()) as { events: { id: string }[] }).events[0]!.id;
    for (const path of Object.keys(doc.paths)) {
      const concrete = path
        .replace('/api/events/{id}', `/api/events/${event}`)
        .replace('/api/articles/{id}', '/api/articles/1')
        .replace('/api/sources/{id}', '/api/sources/interconnects')
        .replace('/api/guides/{slug}', '/api/guides/open-source-ai');
      const res = await get(`${concrete}${concrete.endsWith('/search') ? '?q=model' : ''}`);
      assert.equal(res.status, 200, concrete);
    }
  });

  it('searches events, articles, claims and quotes, escaping stored text', async () => {
    const at = deps.clock.now().toISOString();
    await upsertArticle(
      deps.db,
      {
        sourceId: 'interconnects',
        guid: 'hostile',
        url: null,
        canonicalUrl: null,
        title: 'Notes on zyzzyva',
        author: null,
        publishedAt: at,
        fetchedAt: at,
        html: '<p>x</p>',
        text: 'A zyzzyva example: <script>alert(1)</script> & <b>bold</b>.',
        lang: 'en',
        image: null,
        wordCount: 8,
        truncated: false,
      },
      STAGE_NAMES,
    );
    const html = await (await get('/search?q=zyzzyva')).text();
    assert.match(html, /<mark>zyzzyva<\/mark>/);
    assert.doesNotMatch(html, /<script>alert/);
    assert.match(html, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
    const api = (await (await get('/api/search?q=export%20controls')).json()) as {
      events: unknown[];
      articles: Array<{ snippet: string }>;
      statements: unknown[];
    };
    assert.ok(api.events.length >= 1 && api.articles.length >= 1);
    assert.doesNotMatch(api.articles[0]!.snippet, /[\u0001\u0002]/);
  });

  it('lists topics with sparklines, shows source pages, exports OPML, and renders the digest', async () => {
    const topics = await (await get('/topics')).text();
    assert.ok((topics.match(/<svg class="spark"/g) ?? []).length >= 10);
    assert.equal((await get('/topics/open-source-ai')).status, 200);
    assert.equal((await get('/topics/no-such-topic')).status, 404);
    // One event is "1 event" (ai-infrastructure has one in the demo).
    const one = await (await get('/topics/ai-infrastructure')).text();
    assert.match(one, /\b1 event ·/);
    assert.doesNotMatch(one, /\b1 events\b/);
    const source = await (await get('/sources/interconnects')).text();
    assert.match(source, /Recent fetches/);
    const opml = readOpml(await (await get('/sources.opml')).text());
    assert.equal(opml.length, 13);
    const d = await digestEvents(deps.db, '30d', deps.clock.now());
    assert.ok(d.events.length >= 5);
    const md = digestMarkdown(d, deps.clock.now());
    assert.match(md, /^# Almanac digest/);
    assert.equal((md.match(/^## \[\d+\]/gm) ?? []).length, d.events.length);
    const scores = [...md.matchAll(/^## \[(\d+)\]/gm)].map((m) => Number(m[1]));
    assert.deepEqual(
      [...scores].sort((a, b) => b - a),
      scores,
    );
    assert.equal((await get('/digest?since=7d')).status, 200);
    assert.equal((await get('/digest?since=forever')).status, 400);
  });

  it('keeps the filter state in the URL and shows a bad hand-edited filter instead of failing', async () => {
    const html = await (await get('/?min=7&sort=score&topic=&source=')).text();
    assert.match(html, /<option value="7" selected/);
    assert.match(html, /href="\/feed\.atom\?min=7&amp;sort=score"/);
    const bad = await get('/?min=banana');
    assert.equal(bad.status, 200);
    assert.match(await bad.text(), /Ignored a filter this page could not read: min=banana: a score from 0 to 10/);
  });

  it('names a topic by its stored label on every page: event, shares line, article, guides', async () => {
    const labels = new Map(
      (await deps.db.all<{ slug: string; label: string }>('SELECT slug, label FROM topics')).map((r) => [
        r.slug,
        r.label,
      ]),
    );
    // A topic whose label is not its slug in words ("ai-funding" is "AI funding and deals").
    const renamed = (t: string) => labels.has(t) && labels.get(t) !== slugWords(t);
    const events = await deps.db.all<{ id: string; topics: string; primary_article_id: number }>(
      'SELECT id, topics, primary_article_id FROM events ORDER BY id',
    );
    const shown = events.find((e) => (JSON.parse(e.topics) as string[]).some(renamed));
    assert.ok(shown, 'the demo has an event with a topic labelled otherwise than its slug');
    const slug = (JSON.parse(shown.topics) as string[]).find(renamed)!;
    const link = `<a class="topic" href="/topics/${slug}">${labels.get(slug)}</a>`;
    assert.ok((await (await get(`/events/${shown.id}`)).text()).includes(link));
    const sharing = await deps.db.get<{ event_id: string }>(
      `SELECT r.event_id FROM event_relations r JOIN events a ON a.id = r.event_id JOIN events b ON b.id = r.related_id
       WHERE a.topics LIKE ? AND b.topics LIKE ? ORDER BY r.event_id LIMIT 1`,
      [`%"${slug}"%`, `%"${slug}"%`],
    );
    assert.ok(sharing, 'two related events share the topic');
    const related = await (await get(`/events/${sharing.event_id}`)).text();
    assert.match(related, new RegExp(`shares [^<]*${labels.get(slug)}`));
    const article = await (await get(`/articles/${shown.primary_article_id}`)).text();
    assert.ok(!article.includes(`>${slugWords(slug)}</a>`));
    const topicOfArticle = await deps.db.get<{ topics: string }>(
      'SELECT topics FROM extractions WHERE article_id = ?',
      [shown.primary_article_id],
    );
    for (const t of (JSON.parse(topicOfArticle!.topics) as string[]).filter((t) => labels.has(t)))
      assert.ok(article.includes(`>${labels.get(t)}</a>`), t);
    const guides = await (await get('/guides')).text();
    assert.doesNotMatch(guides, /topic <a href="\/topics\/[a-z0-9-]+">[a-z0-9]+-[a-z0-9-]+<\/a>/);
    const guided = await deps.db.get<{ subject: string }>(
      "SELECT subject FROM guides WHERE subject_kind = 'topic' ORDER BY subject LIMIT 1",
    );
    assert.ok(guides.includes(`topic <a href="/topics/${guided!.subject}">${labels.get(guided!.subject)}</a>`));
  });
});
