import { Hono } from 'hono';
import { z } from 'zod';
import type { Clock } from '../clock.js';
import { countArticles, getArticle, listArticles } from '../store/articles.js';
import type { Db } from '../store/db.js';
import { getSource, listSources, sourceLabel, sourceStats } from '../store/sources.js';
import { ArticlePage, ArticlesPage } from './pages/articles.js';
import { SourcesPage } from './pages/sources.js';

export interface WebDeps {
  db: Db;
  clock: Clock;
}

const PAGE_SIZE = 30;

/** Our pages carry no scripts and load nothing from elsewhere but images. */
const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src https: http: data:; media-src https: http:; frame-src https://www.youtube.com https://www.youtube-nocookie.com https://player.vimeo.com; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

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
    const rows = listArticles(deps.db, { limit: PAGE_SIZE + 1, offset: (page - 1) * PAGE_SIZE });
    return c.html(<ArticlesPage articles={rows.slice(0, PAGE_SIZE)} page={page} hasMore={rows.length > PAGE_SIZE} now={deps.clock.now()} total={countArticles(deps.db)} />);
  });

  app.get('/articles/:id', (c) => {
    const id = Number(c.req.param('id'));
    const article = Number.isSafeInteger(id) ? getArticle(deps.db, id) : undefined;
    if (!article) return c.html(<p>No such article.</p>, 404);
    return c.html(<ArticlePage article={article} source={getSource(deps.db, article.sourceId)} now={deps.clock.now()} />);
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
    return c.json({ article: a });
  });

  app.get('/api/sources', (c) => {
    const stats = sourceStats(deps.db);
    return c.json({
      sources: listSources(deps.db).map((s) => ({ ...s, etag: undefined, lastModified: undefined, articles: stats.get(s.id)?.articles ?? 0 })),
    });
  });

  app.get('/healthz', (c) => c.json({ ok: true, articles: countArticles(deps.db) }));

  app.notFound((c) => (c.req.path.startsWith('/api/') ? c.json({ error: `no route ${c.req.path}` }, 404) : c.html('<p>Not found.</p>', 404)));
  app.onError((err, c) => {
    console.error(`web: ${c.req.method} ${c.req.path}: ${err.stack ?? err}`);
    return c.req.path.startsWith('/api/') ? c.json({ error: 'internal error' }, 500) : c.html('<p>Something went wrong.</p>', 500);
  });
  return app;
}
