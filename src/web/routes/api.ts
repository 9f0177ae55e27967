import { Hono } from 'hono';
import { z } from 'zod';
import { getArticle, listArticles } from '../../store/articles.js';
import { COUNT_CAP, countEventsWhere, listEvents } from '../../store/events.js';
import { eventMembers, eventOfArticle, getEvent } from '../../store/event-reads.js';
import { relatedEvents } from '../../store/relating.js';
import { getExtraction } from '../../store/extractions.js';
import type { Guide } from '../../store/guides.js';
import { guidesOfEvent } from '../../store/guides.js';
import { search } from '../../store/search.js';
import { getSource, listSources, sourceLabel, sourceStats } from '../../store/sources.js';
import { topicStats } from '../../store/topic-stats.js';
import { guideView } from '../../guides/view.js';
import { listGuides } from '../../guides/read.js';
import { httpUrl } from '../../ingest/http-url.js';
import { EventFilterSchema, resolveSince, toListOptions } from '../filters.js';
import { openApiDocument } from '../openapi.js';
import { publicOrigin } from '../origin.js';
import { badQuery, filledQuery, rawQuery, validate } from '../validate.js';
import { cards, eventJson, guideCards, guideSince, relationsOf, type WebDeps } from './shared.js';

const guideJson = (g: Guide) => ({
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
const articlesQuery = limitQuery.extend({ before: articleId.optional() });

const guidesQuery = limitQuery.omit({ source: true });

const searchQuery = z.object({
  q: z.string().max(500).default(''),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

/** The JSON API under /api, described by /api/openapi.json. */
export function apiApp(deps: WebDeps): Hono {
  const app = new Hono();
  const now = () => deps.clock.now();

  app.get('/openapi.json', (c) => c.json(openApiDocument(publicOrigin(c, deps.site ?? {}))));

  const guideRefs = async (eventId: string) =>
    (await guidesOfEvent(deps.db, eventId)).map(({ slug, title }) => ({ slug, title }));

  app.get('/events', validate('query', apiEventsQuery, filledQuery, badQuery), async (c) => {
    const q = c.req.valid('query');
    const opts = { ...toListOptions(q, now(), q.limit), offset: q.offset };
    const rows = await cards(deps.db, await listEvents(deps.db, opts));
    const rel = await relationsOf(
      deps.db,
      rows.map((e) => e.id),
    );
    const events = await Promise.all(rows.map(async (e) => eventJson(e, rel.get(e.id) ?? [], await guideRefs(e.id))));
    return c.json({ events, ...apiTotal(await countEventsWhere(deps.db, opts)) });
  });

  app.get('/events/:id', async (c) => {
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

  app.get('/articles', validate('query', articlesQuery, rawQuery, badQuery), async (c) => {
    const { limit, offset, source, before } = c.req.valid('query');
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

  app.get('/articles/:id', async (c) => {
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

  app.get('/topics', async (c) => c.json({ topics: await topicStats(deps.db, now()) }));

  app.get('/guides', validate('query', guidesQuery, filledQuery, badQuery), async (c) => {
    const { limit, offset } = c.req.valid('query');
    return c.json({ guides: (await listGuides(deps.db, { limit, offset })).map(guideJson) });
  });

  app.get('/guides/:slug', validate('query', guideSince, filledQuery, badQuery), async (c) => {
    const since = resolveSince(c.req.valid('query').since, now())!;
    const view = await guideView(deps.db, c.req.param('slug'), { since });
    if (!view) return c.json({ error: `no guide ${c.req.param('slug')}` }, 404);
    const { timeline, changes } = await guideCards(deps.db, view);
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

  app.get('/sources', async (c) => {
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

  app.get('/sources/:id', async (c) => {
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

  app.get('/search', validate('query', searchQuery, rawQuery, badQuery), async (c) => {
    const q = c.req.valid('query');
    const plain = (s: string) => s.replace(/[\u0001\u0002]/g, '');
    const h = await search(deps.db, q.q, q.limit);
    return c.json({
      events: h.events.map((e) => ({ ...e, snippet: plain(e.snippet) })),
      articles: h.articles.map((a) => ({ ...a, snippet: plain(a.snippet) })),
      statements: h.statements.map((s) => ({ ...s, snippet: plain(s.snippet) })),
      windowed: h.windowed,
    });
  });

  return app;
}
