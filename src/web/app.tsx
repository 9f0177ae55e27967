import type { Context } from 'hono';
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { z } from 'zod';
import { countArticlesUpTo, getArticle, listArticles } from '../store/articles.js';
import {
  COUNT_CAP,
  countEventsWhere,
  eventMembers,
  eventOfArticle,
  getEvent,
  listEvents,
  relatedEvents,
} from '../store/events.js';
import { getExtraction } from '../store/extractions.js';
import { search } from '../store/search.js';
import { getSource, listSources, sourceLabel, sourceStats } from '../store/sources.js';
import { topicStats } from '../store/topic-stats.js';
import { eventsAtom, eventsJsonFeed } from './feeds.js';
import { EventFilterSchema, filterQuery, readFilter, resolveSince, toListOptions } from './filters.js';
import { openApiDocument } from './openapi.js';
import { ArticlePage, ArticlesPage } from './pages/articles.js';
import { EventPage, EventsPage } from './pages/events.js';
import { SearchPage } from './pages/search.js';
import { ErrorPage } from './pages/layout.js';
import { DigestPage } from './pages/digest.js';
import { digestEvents } from './digest.js';
import { SourcePage, SourcesPage } from './pages/sources.js';
import { TopicPage, TopicsPage } from './pages/topics.js';
import { sourcesOpml } from './opml.js';
import { adminApp } from './admin.js';
import { rateLimit } from './rate-limit.js';
import { httpUrl } from '../ingest/http-url.js';
import { pageCache } from './page-cache.js';
import { GuidePage, GuidesPage } from './pages/guides.js';
import { guideView, type GuideView } from '../guides/view.js';
import { guidesOfEvent } from '../store/guides.js';
import { getGuide, listGuides } from '../guides/read.js';
import { resolveTopic } from '../store/topics.js';
import {
  badQuery,
  cards,
  eventJson,
  filterChoices,
  nonEmpty,
  PAGE_SIZE,
  relationsOf,
  type WebDeps,
} from './routes/shared.js';
import { overTls, publicOrigin } from './origin.js';
import { bodyLimits } from './body-limit.js';

export type { WebDeps } from './routes/shared.js';

const guideJson = (g: import('../store/guides.js').Guide) => ({
  slug: g.slug,
  title: g.title,
  subject: { kind: g.subjectKind, value: g.subject },
  origin: g.origin,
  eventCount: g.eventCount,
  lastEventAt: g.lastEventAt,
  overview: g.overview,
  overviewBy: g.overviewBy,
  updatedAt: g.updatedAt,
});

/** Our pages carry no scripts and load nothing from elsewhere but images. */
const CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src https: http: data:; media-src https: " +
  'http:; frame-src https://www.youtube.com https://www.youtube-nocookie.com ' +
  "https://player.vimeo.com; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

/** The API's count: exact up to COUNT_CAP, else COUNT_CAP with totalCapped set. */
const apiTotal = (n: number) =>
  n > COUNT_CAP ? { total: COUNT_CAP, totalCapped: true } : { total: n, totalCapped: false };

const limitQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  source: z.string().max(100).optional(),
});

const apiEventsQuery = EventFilterSchema.extend({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

const articleId = z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER);
const articlesCursor = z.object({ before: articleId.optional(), after: articleId.optional() });

const guideSince = z.object({ since: EventFilterSchema.shape.since.default('7d') });

const searchQuery = z.object({
  q: z.string().max(500).default(''),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

/** The web app and JSON API; pure request → response, testable with app.request() and no server. */
export function createApp(deps: WebDeps): Hono {
  const app = new Hono();
  const now = () => deps.clock.now();
  const guideCards = async (view: GuideView) => {
    const timeline = await cards(
      deps.db,
      view.timeline.map((t) => t.event),
    );
    const changed = await cards(
      deps.db,
      view.changes.map((x) => x.event),
    );
    return { timeline, changes: changed.map((card, i) => ({ card, change: view.changes[i]!.change })) };
  };

  app.use('*', async (c, next) => {
    await next();
    c.header('Content-Security-Policy', CSP);
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'no-referrer');
  });

  // Bodies are bounded before anything reads them: a 300 MB POST to /admin/login was read whole.
  app.use('*', bodyLimits());

  // Every page, feed and API answer counts against the client's rate (admin has its own limit on guesses; /healthz is for monitors).
  if (deps.rateLimit && deps.rateLimit.perMinute > 0) {
    const limited = rateLimit(deps.rateLimit);
    app.use('*', (c, next) =>
      c.req.path === '/healthz' || c.req.path === '/admin' || c.req.path.startsWith('/admin/')
        ? next()
        : limited(c, next),
    );
  }
  if (deps.pageCache && deps.pageCache.seconds > 0) app.use('*', pageCache(deps.db, deps.pageCache));

  // Admin (behind ALMANAC_ADMIN_TOKEN) ------------------------------------------------------
  if (deps.admin)
    app.route(
      '/admin',
      adminApp({ overTls: (c) => overTls(c, deps.site ?? {}), ...deps.admin, db: deps.db, clock: deps.clock }),
    );
  else
    app.all('/admin/*', (c) =>
      c.html(
        <ErrorPage
          title="Admin area off"
          message="The admin area is off: start Almanac with ALMANAC_ADMIN_TOKEN set."
        />,
        404,
      ),
    );
  if (!deps.admin)
    app.all('/admin', (c) =>
      c.html(
        <ErrorPage
          title="Admin area off"
          message="The admin area is off: start Almanac with ALMANAC_ADMIN_TOKEN set."
        />,
        404,
      ),
    );

  // Pages -----------------------------------------------------------------------------------
  app.get('/', async (c) => {
    // A bad filter in a hand-edited URL is left out and named in a note rather than failing the page.
    const { f, ignored } = readFilter(nonEmpty(c.req.query()));
    const opts = toListOptions(f, now(), PAGE_SIZE + 1);
    // No count of every match: the page's own rows and one more (is there an older page) are all it reads.
    const rows = await listEvents(deps.db, opts);
    const [events, choices] = await Promise.all([
      cards(deps.db, rows.slice(0, PAGE_SIZE)),
      filterChoices(deps.db, now()),
    ]);
    return c.html(
      <EventsPage
        events={events}
        f={f}
        hasMore={rows.length > PAGE_SIZE}
        now={now()}
        choices={choices}
        ignored={ignored}
      />,
    );
  });

  app.get('/events/:id', async (c) => {
    const e = await getEvent(deps.db, c.req.param('id'));
    if (!e)
      return c.html(
        <ErrorPage
          title="No such event"
          message={`There is no event ${c.req.param('id')}: it may have been merged into another, or the link is mistyped.`}
        />,
        404,
      );
    if (e.id !== c.req.param('id')) return c.redirect(`/events/${encodeURIComponent(e.id)}`, 301);
    const related = await relatedEvents(deps.db, e.id);
    const [relatedCards, eventCards, members, guides] = await Promise.all([
      cards(deps.db, related),
      cards(deps.db, [e]),
      eventMembers(deps.db, e.id),
      guidesOfEvent(deps.db, e.id),
    ]);
    return c.html(
      <EventPage
        event={eventCards[0]!}
        members={members}
        related={relatedCards.map((r, i) => ({ ...r, similarity: related[i]!.similarity }))}
        guides={guides}
        now={now()}
      />,
    );
  });

  // Keyset paging from an article id (before: older, after: newer): a page reads its own rows through the order's index.
  app.get('/articles', async (c) => {
    const q = articlesCursor.safeParse(nonEmpty(c.req.query()));
    let cursor: { before?: number; after?: number } = q.success ? q.data : {};
    let rows = await listArticles(deps.db, { limit: PAGE_SIZE + 1, ...cursor });
    // Back at the top going newer: the first page, full, as a reader expects it.
    if (cursor.after !== undefined && rows.length <= PAGE_SIZE)
      rows = await listArticles(deps.db, { limit: PAGE_SIZE + 1, ...(cursor = {}) });
    // Going newer, the extra row is the newest one (the list is returned newest first).
    const shown = cursor.after !== undefined ? rows.slice(-PAGE_SIZE) : rows.slice(0, PAGE_SIZE);
    const more = rows.length > PAGE_SIZE;
    const pager = {
      newer: (cursor.after !== undefined ? more : cursor.before !== undefined) ? shown[0]?.id : undefined,
      older: cursor.after !== undefined || more ? shown.at(-1)?.id : undefined,
    };
    return c.html(
      <ArticlesPage
        articles={shown}
        pager={pager}
        now={now()}
        total={await countArticlesUpTo(deps.db, COUNT_CAP)}
        totalCap={COUNT_CAP}
      />,
    );
  });

  app.get('/articles/:id', async (c) => {
    const id = Number(c.req.param('id'));
    const article = Number.isSafeInteger(id) ? await getArticle(deps.db, id) : undefined;
    if (!article)
      return c.html(<ErrorPage title="No such article" message={`There is no article ${c.req.param('id')}.`} />, 404);
    const eventId = await eventOfArticle(deps.db, article.id);
    const event = eventId ? await getEvent(deps.db, eventId) : undefined;
    const [source, extraction] = await Promise.all([
      getSource(deps.db, article.sourceId),
      getExtraction(deps.db, article.id),
    ]);
    return c.html(
      <ArticlePage
        article={article}
        source={source}
        now={now()}
        extraction={extraction}
        event={event && { id: event.id, title: event.title }}
      />,
    );
  });

  app.get('/topics', async (c) => c.html(<TopicsPage topics={await topicStats(deps.db, now())} />));

  app.get('/topics/:slug', async (c) => {
    const slug = c.req.param('slug');
    if (!/^[a-z0-9-]{1,80}$/.test(slug))
      return c.html(
        <ErrorPage title="No such topic" message={`There is no topic ${slug}; the topics page lists them all.`} />,
        404,
      );
    // A merged or renamed topic's old slug keeps working.
    const canonical = await resolveTopic(deps.db, slug);
    if (canonical !== slug) return c.redirect(`/topics/${encodeURIComponent(canonical)}`, 301);
    const [topic] = await topicStats(deps.db, now(), 12, slug);
    if (!topic)
      return c.html(
        <ErrorPage title="No such topic" message={`There is no topic ${slug}; the topics page lists them all.`} />,
        404,
      );
    return c.html(
      <TopicPage
        topic={topic}
        events={await cards(deps.db, await listEvents(deps.db, { limit: 50, topic: slug }))}
        now={now()}
      />,
    );
  });

  app.get('/guides', async (c) =>
    c.html(<GuidesPage guides={await listGuides(deps.db, { overviews: false })} now={now()} />),
  );

  app.get('/guides/:slug', async (c) => {
    const slug = c.req.param('slug');
    const since = guideSince.safeParse(nonEmpty(c.req.query()));
    const view =
      since.success && /^[a-z0-9-]{1,100}$/.test(slug)
        ? await guideView(deps.db, slug, { since: resolveSince(since.data.since, now())! })
        : undefined;
    if (!view) {
      if (!since.success)
        return c.html(<ErrorPage title="Bad period" message='Bad "since": use 24h, 7d or a date (YYYY-MM-DD).' />, 400);
      const topic = await resolveTopic(deps.db, slug);
      const byTopic = topic !== slug ? await getGuide(deps.db, topic) : undefined;
      if (byTopic) return c.redirect(`/guides/${encodeURIComponent(byTopic.slug)}`, 301);
      return c.html(
        <ErrorPage title="No such guide" message={`There is no guide ${slug}; the guides page lists them all.`} />,
        404,
      );
    }
    const { timeline, changes } = await guideCards(view);
    return c.html(<GuidePage view={view} timeline={timeline} changes={changes} now={now()} />);
  });

  app.get('/sources', async (c) => {
    const [sources, stats] = await Promise.all([listSources(deps.db), sourceStats(deps.db)]);
    return c.html(<SourcesPage sources={sources} stats={stats} now={now()} />);
  });

  app.get('/sources.opml', async (c) => {
    c.header('Content-Type', 'text/x-opml; charset=utf-8');
    return c.body(sourcesOpml(await listSources(deps.db), now()));
  });

  app.get('/sources/:id', async (c) => {
    const s = await getSource(deps.db, c.req.param('id'));
    if (!s)
      return c.html(
        <ErrorPage
          title="No such source"
          message={`There is no source ${c.req.param('id')}; the sources page lists them all.`}
        />,
        404,
      );
    const log = await deps.db.all<Parameters<typeof SourcePage>[0]['log'][number]>(
      `SELECT started_at AS "startedAt", duration_ms AS "durationMs", http_status AS "httpStatus", ` +
        `outcome, error, items_seen AS "itemsSeen", items_new AS "itemsNew"
      FROM fetch_log WHERE source_id = ? ORDER BY started_at DESC LIMIT 20`,
      [s.id],
    );
    const articles = (await listArticles(deps.db, { limit: 20, sourceId: s.id })).map((a) => ({
      id: a.id,
      title: a.title,
      publishedAt: a.publishedAt,
    }));
    return c.html(
      <SourcePage
        source={s}
        stats={(await sourceStats(deps.db)).get(s.id)}
        log={log}
        articles={articles}
        now={now()}
      />,
    );
  });

  app.get('/search', async (c) => {
    const q = (c.req.query('q') ?? '').slice(0, 500);
    return c.html(<SearchPage q={q} hits={await search(deps.db, q, 20)} now={now()} />);
  });

  app.get('/digest', async (c) => {
    const since = c.req.query('since') ?? '24h';
    if (!/^\d{1,4}[hd]$/.test(since))
      return c.html(<ErrorPage title="Bad period" message="since: give 24h, 7d, 30d…" />, 400);
    const d = await digestEvents(deps.db, since, now());
    return c.html(<DigestPage since={since} from={d.from} events={d.events} now={now()} />);
  });

  // Feeds of the events list, under any filter ----------------------------------------------
  const feed = (format: 'atom' | 'json') => async (c: Context) => {
    const parsed = EventFilterSchema.safeParse(nonEmpty(c.req.query()));
    if (!parsed.success) return badQuery(c, parsed.error);
    const f = { ...parsed.data, page: 1 };
    const events = await cards(deps.db, await listEvents(deps.db, toListOptions(f, now(), 50)));
    const origin = publicOrigin(c, deps.site ?? {});
    const q = filterQuery(f);
    const parts = [
      f.topic && `topic ${f.topic}`,
      f.source && `source ${f.source}`,
      f.kind,
      f.min && `score ${f.min}+`,
    ].filter(Boolean);
    const meta = {
      title: `Almanac events${parts.length ? ` (${parts.join(', ')})` : ''}`,
      selfUrl: `${origin}/feed.${format}${q}`,
      pageUrl: `${origin}/${q}`,
      origin,
      updated: events[0] ? new Date(events[0].lastUpdated) : now(),
    };
    if (format === 'atom') {
      c.header('Content-Type', 'application/atom+xml; charset=utf-8');
      return c.body(eventsAtom(events, meta));
    }
    c.header('Content-Type', 'application/feed+json; charset=utf-8');
    return c.body(eventsJsonFeed(events, meta));
  };
  app.get('/feed.atom', feed('atom'));
  app.get('/feed.json', feed('json'));

  // JSON API ----------------------------------------------------------------------------------
  app.get('/api/openapi.json', (c) => c.json(openApiDocument(publicOrigin(c, deps.site ?? {}))));

  const guideRefs = async (eventId: string) =>
    (await guidesOfEvent(deps.db, eventId)).map(({ slug, title }) => ({ slug, title }));

  app.get('/api/events', async (c) => {
    const q = apiEventsQuery.safeParse(nonEmpty(c.req.query()));
    if (!q.success) return badQuery(c, q.error);
    const opts = { ...toListOptions(q.data, now(), q.data.limit), offset: q.data.offset };
    const rows = await cards(deps.db, await listEvents(deps.db, opts));
    const rel = await relationsOf(
      deps.db,
      rows.map((e) => e.id),
    );
    const events = await Promise.all(rows.map(async (e) => eventJson(e, rel.get(e.id) ?? [], await guideRefs(e.id))));
    return c.json({ events, ...apiTotal(await countEventsWhere(deps.db, opts)) });
  });

  app.get('/api/events/:id', async (c) => {
    const e = await getEvent(deps.db, c.req.param('id'));
    if (!e) return c.json({ error: `no event ${c.req.param('id')}` }, 404);
    const related = await relatedEvents(deps.db, e.id);
    const [eventCards, relatedCards, members, guides] = await Promise.all([
      cards(deps.db, [e]),
      cards(deps.db, related),
      eventMembers(deps.db, e.id),
      guideRefs(e.id),
    ]);
    return c.json({
      event: eventJson(
        eventCards[0]!,
        related.map((r) => ({ id: r.id, similarity: r.similarity })),
        guides,
      ),
      articles: members.map((m) => ({
        id: m.articleId,
        role: m.role,
        title: m.title,
        url: m.url,
        source: { id: m.sourceId, name: sourceLabel({ name: m.sourceName, author: m.sourceAuthor }), tier: m.tier },
        published: m.publishedAt,
        kind: m.kind,
        summary: m.summary,
      })),
      related: relatedCards.map((r, i) => ({ ...eventJson(r), similarity: related[i]!.similarity })),
    });
  });

  app.get('/api/articles', async (c) => {
    const q = limitQuery.extend({ before: articleId.optional() }).safeParse(c.req.query());
    if (!q.success) return badQuery(c, q.error);
    const { limit, offset, source, before } = q.data;
    // An offset costs what it skips: past a few pages, the cursor (before=<the last id>) reads only the page.
    if (offset > 10_000)
      return c.json(
        {
          error: `bad query: offset: at most 10000; page on with before=<the last article's id> (the answer's "next")`,
        },
        400,
      );
    const rows = await listArticles(deps.db, {
      limit,
      offset,
      sourceId: source,
      ...(before !== undefined ? { before } : {}),
    });
    const last = rows.at(-1);
    const next =
      rows.length === limit && last
        ? `/api/articles?${new URLSearchParams({ limit: String(limit), before: String(last.id), ...(source ? { source } : {}) }).toString()}`
        : null;
    return c.json({
      next,
      articles: rows.map((a) => ({
        id: a.id,
        title: a.title,
        url: a.url,
        source: { id: a.sourceId, name: sourceLabel({ name: a.sourceName, author: a.sourceAuthor }) },
        author: a.author,
        published: a.publishedAt,
        fetched: a.fetchedAt,
        wordCount: a.wordCount,
        excerpt: a.excerpt,
      })),
    });
  });

  app.get('/api/articles/:id', async (c) => {
    const id = Number(c.req.param('id'));
    const a = Number.isSafeInteger(id) ? await getArticle(deps.db, id) : undefined;
    if (!a) return c.json({ error: `no article ${c.req.param('id')}` }, 404);
    const x = await getExtraction(deps.db, a.id);
    return c.json({
      // Stored before ingest kept only http(s) images, a javascript: one may be in the store: it is never served.
      article: { ...a, image: httpUrl(a.image) },
      event: (await eventOfArticle(deps.db, a.id)) ?? null,
      extraction: x
        ? {
            summary: x.summary,
            ...(x.summarySpans ? { summarySpans: x.summarySpans } : {}),
            keyphrases: x.keyphrases,
            topics: x.topics,
            claims: x.claims,
            quotes: x.quotes,
            entities: x.entities,
            kind: x.kind,
            extractor: x.extractor,
            model: x.model,
          }
        : null,
    });
  });

  app.get('/api/topics', async (c) => c.json({ topics: await topicStats(deps.db, now()) }));

  app.get('/api/guides', async (c) => {
    const q = limitQuery.omit({ source: true }).safeParse(nonEmpty(c.req.query()));
    if (!q.success) return badQuery(c, q.error);
    return c.json({
      guides: (await listGuides(deps.db, { limit: q.data.limit, offset: q.data.offset })).map(guideJson),
    });
  });

  app.get('/api/guides/:slug', async (c) => {
    const since = guideSince.safeParse(nonEmpty(c.req.query()));
    if (!since.success) return badQuery(c, since.error);
    const view = await guideView(deps.db, c.req.param('slug'), { since: resolveSince(since.data.since, now())! });
    if (!view) return c.json({ error: `no guide ${c.req.param('slug')}` }, 404);
    const { timeline, changes } = await guideCards(view);
    return c.json({
      guide: { ...guideJson(view.guide), overview: view.overview },
      timeline: timeline.map((e) => ({
        id: e.id,
        title: e.title,
        significance: e.significance,
        firstSeen: e.firstSeen,
      })),
      changes: {
        since: view.since,
        events: changes.map((x) => ({
          id: x.card.id,
          title: x.card.title,
          significance: x.card.significance,
          change: x.change,
        })),
      },
      claimGroups: view.claimGroups.map((g) => ({
        stance: g.stance,
        sources: g.sources,
        conflict: g.conflict?.why ?? null,
        claims: g.claims.map((x) => ({
          text: x.text,
          source: x.sourceName,
          articleId: x.articleId,
          eventId: x.eventId,
        })),
      })),
      claimsBySource: view.claimsBySource.map((s) => ({
        source: { id: s.sourceId, name: s.sourceName },
        claims: s.claims.map((x) => ({ text: x.text, articleId: x.articleId, eventId: x.eventId })),
      })),
      quotes: view.quotes,
      topSources: view.topSources.map((s) => ({ id: s.sourceId, name: sourceLabel(s), articles: s.articles })),
    });
  });

  app.get('/api/sources', async (c) => {
    const [sources, stats] = await Promise.all([listSources(deps.db), sourceStats(deps.db)]);
    return c.json({
      sources: sources.map((s) => ({
        ...s,
        etag: undefined,
        lastModified: undefined,
        articles: stats.get(s.id)?.articles ?? 0,
      })),
    });
  });

  app.get('/api/sources/:id', async (c) => {
    const s = await getSource(deps.db, c.req.param('id'));
    if (!s) return c.json({ error: `no source ${c.req.param('id')}` }, 404);
    return c.json({
      source: {
        ...s,
        etag: undefined,
        lastModified: undefined,
        articles: (await sourceStats(deps.db)).get(s.id)?.articles ?? 0,
      },
    });
  });

  app.get('/api/search', async (c) => {
    const q = searchQuery.safeParse(c.req.query());
    if (!q.success) return badQuery(c, q.error);
    const plain = (s: string) => s.replace(/[\u0001\u0002]/g, '');
    const h = await search(deps.db, q.data.q, q.data.limit);
    return c.json({
      events: h.events.map((e) => ({ ...e, snippet: plain(e.snippet) })),
      articles: h.articles.map((a) => ({ ...a, snippet: plain(a.snippet) })),
      statements: h.statements.map((s) => ({ ...s, snippet: plain(s.snippet) })),
      windowed: h.windowed,
    });
  });

  // Polled by load balancers and monitors: proves the store answers, at a cost that does not grow with it.
  app.get('/healthz', async (c) => c.json({ ok: (await deps.db.get<{ one: number }>('SELECT 1 AS one'))?.one === 1 }));

  app.notFound((c) =>
    c.req.path.startsWith('/api/')
      ? c.json({ error: `no route ${c.req.path}` }, 404)
      : c.html(<ErrorPage title="Not found" message={`Nothing is at ${c.req.path}.`} />, 404),
  );
  app.onError((err, c) => {
    // Middleware refusals (CSRF, for one) are answers, not failures.
    if (err instanceof HTTPException) return err.getResponse();
    console.error(`web: ${c.req.method} ${c.req.path}: ${err.stack ?? err}`);
    return c.req.path.startsWith('/api/')
      ? c.json({ error: 'internal error' }, 500)
      : c.html(
          <ErrorPage
            title="Something went wrong"
            message="This page failed on our side; the server's log says why. Try again, or go on from here."
          />,
          500,
        );
  });
  return app;
}
