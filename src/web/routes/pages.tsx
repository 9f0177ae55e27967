import type { Context } from 'hono';
import { Hono } from 'hono';
import { z } from 'zod';
import { countArticlesUpTo, getArticle, listArticles } from '../../store/articles.js';
import { COUNT_CAP, listEventCards, listEvents } from '../../store/events.js';
import { eventOfArticle, getEvent } from '../../store/event-reads.js';
import { eventPageData } from '../../store/event-page.js';
import { getExtraction } from '../../store/extractions.js';
import { search } from '../../store/search.js';
import { getSource, listSources, sourceStats } from '../../store/sources.js';
import { topicStats } from '../../store/topic-stats.js';
import { resolveTopic, topicLabels } from '../../store/topics.js';
import { guideView } from '../../guides/view.js';
import { getGuide, listGuides } from '../../guides/read.js';
import { readFilter, resolveSince, toListOptions } from '../filters.js';
import { digestEvents } from '../digest.js';
import { ArticlePage, ArticlesPage } from '../pages/articles.js';
import { DigestPage } from '../pages/digest.js';
import { eventsListHtml } from '../pages/events-list.js';
import { eventPageHtml } from '../pages/event-page.js';
import { GuidePage, GuidesPage } from '../pages/guides.js';
import { ErrorPage } from '../pages/layout.js';
import { SEARCH_PAGE, SEARCH_PAGES, SearchPage, searchPage } from '../pages/search.js';
import { SourcePage, SourcesPage } from '../pages/sources.js';
import { TopicPage, TopicsPage } from '../pages/topics.js';
import { filledQuery, nonEmpty, validate } from '../validate.js';
import { shownOnce } from '../shown-once.js';
import { cards, filterChoices, guideCards, guideSince, PAGE_SIZE, type WebDeps } from './shared.js';

const articleId = z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER);
// A bad cursor in a hand-edited URL shows the first page rather than an error.
const articlesCursor = z.object({ before: articleId.optional(), after: articleId.optional() }).catch({});

const badPeriod = (c: Context) =>
  c.html(<ErrorPage title="Bad period" message='Bad "since": use 24h, 7d or a date (YYYY-MM-DD).' />, 400);

/** The HTML pages a reader browses: events, articles, topics, guides, sources, search, digest. */
export function pagesApp(deps: WebDeps): Hono {
  const app = new Hono();
  const now = () => deps.clock.now();

  app.get('/', async (c) => {
    // A bad filter in a hand-edited URL is left out and named in a note rather than failing the page.
    const { f, ignored } = readFilter(nonEmpty(c.req.query()));
    // No count of every match: the page's own rows and one more (is there an older page) are all it reads.
    // Pages start every PAGE_SIZE rows: the extra row is the next page's first, which a reader must still see there.
    const opts = { ...toListOptions(f, now(), PAGE_SIZE), limit: PAGE_SIZE + 1 };
    const rows = await listEventCards(deps.db, opts);
    const choices = await filterChoices(deps.db, now());
    return c.html(
      eventsListHtml({
        events: rows.slice(0, PAGE_SIZE),
        f,
        hasMore: rows.length > PAGE_SIZE,
        now: now(),
        choices,
        ignored,
      }),
    );
  });

  app.get('/events/:id', async (c) => {
    const page = await eventPageData(deps.db, c.req.param('id'));
    if (!page)
      return c.html(
        <ErrorPage
          title="No such event"
          message={`There is no event ${c.req.param('id')}: it may have been merged into another, or the link is mistyped.`}
        />,
        404,
      );
    if (page.event.id !== c.req.param('id')) return c.redirect(`/events/${encodeURIComponent(page.event.id)}`, 301);
    // What the page has already said is not said again in the coverage (see pages/unrepeated.ts).
    return c.html(eventPageHtml({ ...page, now: now() }));
  });

  // Keyset paging from an article id (before: older, after: newer): a page reads its own rows through the order's index.
  app.get('/articles', validate('query', articlesCursor, filledQuery), async (c) => {
    let cursor: { before?: number; after?: number } = c.req.valid('query');
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
    const [source, extraction, labels] = await Promise.all([
      getSource(deps.db, article.sourceId),
      getExtraction(deps.db, article.id),
      topicLabels(deps.db),
    ]);
    return c.html(
      <ArticlePage
        article={article}
        source={source}
        now={now()}
        extraction={extraction && shownOnce(extraction)}
        event={event && { id: event.id, title: event.title }}
        topicLabels={labels}
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
    c.html(
      <GuidesPage
        guides={await listGuides(deps.db, { overviews: false })}
        topicLabels={await topicLabels(deps.db)}
        now={now()}
      />,
    ),
  );

  app.get('/guides/:slug', validate('query', guideSince, filledQuery, badPeriod), async (c) => {
    const slug = c.req.param('slug');
    const view = /^[a-z0-9-]{1,100}$/.test(slug)
      ? await guideView(deps.db, slug, { since: resolveSince(c.req.valid('query').since, now())! })
      : undefined;
    if (!view) {
      const topic = await resolveTopic(deps.db, slug);
      const byTopic = topic !== slug ? await getGuide(deps.db, topic) : undefined;
      if (byTopic) return c.redirect(`/guides/${encodeURIComponent(byTopic.slug)}`, 301);
      return c.html(
        <ErrorPage title="No such guide" message={`There is no guide ${slug}; the guides page lists them all.`} />,
        404,
      );
    }
    const { timeline, changes } = await guideCards(deps.db, view);
    return c.html(
      <GuidePage
        view={view}
        timeline={timeline}
        changes={changes}
        topicLabels={await topicLabels(deps.db)}
        now={now()}
      />,
    );
  });

  app.get('/sources', async (c) => {
    const [sources, stats] = await Promise.all([listSources(deps.db), sourceStats(deps.db)]);
    return c.html(<SourcesPage sources={sources} stats={stats} now={now()} />);
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
    const pageText = c.req.query('page') ?? '1';
    const page = /^\d{1,2}$/.test(pageText) ? Number(pageText) : 0;
    if (page < 1 || page > SEARCH_PAGES)
      return c.html(
        <ErrorPage
          title="Bad page"
          message={`page: a whole number from 1 to ${SEARCH_PAGES} (add words to reach further)`}
        />,
        400,
      );
    // Each kind is ranked over a bounded set of the newest matches, so a later page is the same ranking read further.
    const hits = await search(deps.db, q, SEARCH_PAGE * page + 1);
    return c.html(<SearchPage q={q} hits={searchPage(hits, page, SEARCH_PAGE)} page={page} now={now()} />);
  });

  app.get('/digest', async (c) => {
    const since = c.req.query('since') ?? '24h';
    if (!/^\d{1,4}[hd]$/.test(since))
      return c.html(<ErrorPage title="Bad period" message="since: give 24h, 7d, 30d…" />, 400);
    const limitText = c.req.query('limit') ?? '100';
    const limit = /^\d{1,4}$/.test(limitText) ? Number(limitText) : 0;
    if (limit < 1 || limit > 1000)
      return c.html(<ErrorPage title="Bad limit" message="limit: a whole number of events from 1 to 1000" />, 400);
    const d = await digestEvents(deps.db, since, now(), limit);
    return c.html(<DigestPage since={since} from={d.from} events={d.events} total={d.total} now={now()} />);
  });

  return app;
}
