import { Hono } from 'hono';
import { z } from 'zod';
import type { Clock } from '../clock.js';
import { countArticles, getArticle, listArticles } from '../store/articles.js';
import type { Db } from '../store/db.js';
import { getSource, listSources, sourceLabel, sourceStats } from '../store/sources.js';
import { countEvents, eventMembers, eventOfArticle, getEvent, listEvents, primaryInfo, relatedEvents, type EventRow } from '../store/events.js';
import { getExtraction } from '../store/extractions.js';
import { ArticlePage, ArticlesPage } from './pages/articles.js';
import { EventPage, EventsPage, type EventCard } from './pages/events.js';
import { SourcesPage } from './pages/sources.js';

export interface WebDeps {
  db: Db;
  clock: Clock;
}

const PAGE_SIZE = 30;

/** Our pages carry no scripts and load nothing from elsewhere but images. */
const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src https: http: data:; media-src https: http:; frame-src https://www.youtube.com https://www.youtube-nocookie.com https://player.vimeo.com; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

const eventsQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  min: z.coerce.number().int().min(0).max(10).default(0),
  topic: z.string().regex(/^[a-z0-9-]{1,80}$/, 'a topic slug').optional(),
  since: z.string().datetime({ offset: true }).optional(),
  sort: z.enum(['recent', 'significance']).default('recent'),
});

function cards(db: Db, events: EventRow[]): EventCard[] {
  const info = primaryInfo(db, events.map((e) => e.primaryArticleId).filter((x): x is number => x !== null));
  return events.map((e) => ({ ...e, primary: e.primaryArticleId !== null ? info.get(e.primaryArticleId) : undefined }));
}

/** An event as the API gives it. */
function eventJson(e: EventCard) {
  return {
    id: e.id,
    title: e.title,
    summary: e.summary,
    significance: e.significance,
    factors: e.factors,
    kind: e.kind,
    topics: e.topics,
    entities: e.entities,
    firstSeen: e.firstSeen,
    lastUpdated: e.lastUpdated,
    sourceCount: e.sourceCount,
    articleCount: e.articleCount,
    primaryArticleId: e.primaryArticleId,
    primarySource: e.primary ? { id: e.primary.sourceId, name: sourceLabel({ name: e.primary.sourceName, author: e.primary.sourceAuthor }), url: e.primary.url } : null,
  };
}

const limitQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  source: z.string().max(100).optional(),
});

/** The web app and JSON API; pure request → response, testable with app.request() and no server. */
export function createApp(deps: WebDeps): Hono {
  const app = new Hono();

  app.use('*', async (c, next) => {
    await next();
    c.header('Content-Security-Policy', CSP);
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'no-referrer');
  });

  app.get('/', (c) => {
    const page = Math.max(1, Math.min(10_000, Number.parseInt(c.req.query('page') ?? '1', 10) || 1));
    const min = Math.max(0, Math.min(10, Number.parseInt(c.req.query('min') ?? '0', 10) || 0));
    const topicQ = c.req.query('topic');
    const topic = topicQ && /^[a-z0-9-]{1,80}$/.test(topicQ) ? topicQ : undefined;
    const rows = listEvents(deps.db, { limit: PAGE_SIZE + 1, offset: (page - 1) * PAGE_SIZE, minSignificance: min, topic });
    return c.html(<EventsPage events={cards(deps.db, rows.slice(0, PAGE_SIZE))} page={page} hasMore={rows.length > PAGE_SIZE} now={deps.clock.now()} total={countEvents(deps.db)} min={min} topic={topic} />);
  });

  app.get('/events/:id', (c) => {
    const e = getEvent(deps.db, c.req.param('id'));
    if (!e) return c.html(<p>No such event.</p>, 404);
    if (e.id !== c.req.param('id')) return c.redirect(`/events/${encodeURIComponent(e.id)}`, 301);
    const [card] = cards(deps.db, [e]);
    const related = relatedEvents(deps.db, e.id);
    const relatedCards = cards(deps.db, related).map((r, i) => ({ ...r, similarity: related[i]!.similarity }));
    return c.html(<EventPage event={card!} members={eventMembers(deps.db, e.id)} related={relatedCards} now={deps.clock.now()} />);
  });

  app.get('/api/events', (c) => {
    const q = eventsQuery.safeParse(c.req.query());
    if (!q.success) return c.json({ error: 'bad query', issues: q.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) }, 400);
    const rows = listEvents(deps.db, { limit: q.data.limit, offset: q.data.offset, minSignificance: q.data.min, topic: q.data.topic, since: q.data.since, sort: q.data.sort });
    return c.json({ events: cards(deps.db, rows).map(eventJson) });
  });

  app.get('/api/events/:id', (c) => {
    const e = getEvent(deps.db, c.req.param('id'));
    if (!e) return c.json({ error: `no event ${c.req.param('id')}` }, 404);
    const related = relatedEvents(deps.db, e.id);
    return c.json({
      event: eventJson(cards(deps.db, [e])[0]!),
      articles: eventMembers(deps.db, e.id).map((m) => ({ id: m.articleId, role: m.role, title: m.title, url: m.url, source: { id: m.sourceId, name: sourceLabel({ name: m.sourceName, author: m.sourceAuthor }), tier: m.tier }, published: m.publishedAt, kind: m.kind, summary: m.summary })),
      related: cards(deps.db, related).map((r, i) => ({ ...eventJson(r), similarity: related[i]!.similarity })),
    });
  });

  app.get('/articles', (c) => {
    const page = Math.max(1, Math.min(10_000, Number.parseInt(c.req.query('page') ?? '1', 10) || 1));
    const rows = listArticles(deps.db, { limit: PAGE_SIZE + 1, offset: (page - 1) * PAGE_SIZE });
    return c.html(<ArticlesPage articles={rows.slice(0, PAGE_SIZE)} page={page} hasMore={rows.length > PAGE_SIZE} now={deps.clock.now()} total={countArticles(deps.db)} />);
  });

  app.get('/articles/:id', (c) => {
    const id = Number(c.req.param('id'));
    const article = Number.isSafeInteger(id) ? getArticle(deps.db, id) : undefined;
    if (!article) return c.html(<p>No such article.</p>, 404);
    const eventId = eventOfArticle(deps.db, article.id);
    const event = eventId ? getEvent(deps.db, eventId) : undefined;
    return c.html(<ArticlePage article={article} source={getSource(deps.db, article.sourceId)} now={deps.clock.now()} extraction={getExtraction(deps.db, article.id)} event={event && { id: event.id, title: event.title }} />);
  });

  app.get('/sources', (c) => c.html(<SourcesPage sources={listSources(deps.db)} stats={sourceStats(deps.db)} now={deps.clock.now()} />));

  app.get('/api/articles', (c) => {
    const q = limitQuery.safeParse(c.req.query());
    if (!q.success) return c.json({ error: 'bad query', issues: q.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) }, 400);
    const rows = listArticles(deps.db, { limit: q.data.limit, offset: q.data.offset, sourceId: q.data.source });
    return c.json({
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

  app.get('/api/articles/:id', (c) => {
    const id = Number(c.req.param('id'));
    const a = Number.isSafeInteger(id) ? getArticle(deps.db, id) : undefined;
    if (!a) return c.json({ error: `no article ${c.req.param('id')}` }, 404);
    const x = getExtraction(deps.db, a.id);
    return c.json({
      article: a,
      event: eventOfArticle(deps.db, a.id) ?? null,
      extraction: x ? { summary: x.summary, keyphrases: x.keyphrases, topics: x.topics, claims: x.claims, quotes: x.quotes, entities: x.entities, kind: x.kind, extractor: x.extractor, model: x.model } : null,
    });
  });

  app.get('/api/sources', (c) => {
    const stats = sourceStats(deps.db);
    return c.json({
      sources: listSources(deps.db).map((s) => ({ ...s, etag: undefined, lastModified: undefined, articles: stats.get(s.id)?.articles ?? 0 })),
    });
  });

  app.get('/healthz', (c) => c.json({ ok: true, articles: countArticles(deps.db), events: countEvents(deps.db) }));

  app.notFound((c) => (c.req.path.startsWith('/api/') ? c.json({ error: `no route ${c.req.path}` }, 404) : c.html('<p>Not found.</p>', 404)));
  app.onError((err, c) => {
    console.error(`web: ${c.req.method} ${c.req.path}: ${err.stack ?? err}`);
    return c.req.path.startsWith('/api/') ? c.json({ error: 'internal error' }, 500) : c.html('<p>Something went wrong.</p>', 500);
  });
  return app;
}
