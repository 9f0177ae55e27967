import { createHash } from 'node:crypto';
import { generateAtomFeed, generateJsonFeed, generateRssFeed } from 'feedsmith';
import type { Hono } from 'hono';
import { escapeHtml } from '../ingest/page/sanitize.js';
import type { DemoArticle } from './corpus.js';
import { DEMO_SOURCES, type DemoSource } from './sources.js';

const TEASER_WORDS = 40;

/** Publication time: the corpus is shifted so that its newest article is `newestAgeHours` old. */
export function publishedAt(a: DemoArticle, anchor: Date, newestAgeHours = 3): Date {
  return new Date(anchor.getTime() - (a.hoursBeforeNewest + newestAgeHours) * 3_600_000);
}

function teaser(a: DemoArticle): string {
  const words = a.paragraphs.join(' ').split(/\s+/);
  return words.slice(0, TEASER_WORDS).join(' ') + ' …';
}

function bodyHtml(a: DemoArticle): string {
  return a.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n');
}

export function feedFor(
  source: DemoSource,
  articles: DemoArticle[],
  base: string,
  anchor: Date,
): { body: string; type: string } {
  const items = articles
    .filter((a) => a.sourceId === source.id)
    .sort((x, y) => x.hoursBeforeNewest - y.hoursBeforeNewest)
    .map((a) => ({
      a,
      url: `${base}demo/posts/${source.id}/${a.slug}`,
      date: publishedAt(a, anchor),
      guid: `almanac-demo:${source.id}:${a.slug}`,
    }));
  const home = `${base}demo/sites/${source.id}`;
  const author = source.author ?? source.name;
  if (source.format === 'json') {
    const body = generateJsonFeed({
      title: source.name,
      home_page_url: home,
      feed_url: `${base}demo/feeds/${source.id}.json`,
      authors: [{ name: author }],
      items: items.map(({ a, url, date, guid }) => ({
        id: guid,
        url,
        title: a.title,
        date_published: date,
        ...(source.teaser ? { summary: teaser(a) } : { content_html: bodyHtml(a) }),
        authors: [{ name: a.author ?? author }],
      })),
    });
    return { body: JSON.stringify(body, null, 1), type: 'application/feed+json' };
  }
  if (source.format === 'atom') {
    const body = generateAtomFeed({
      id: home,
      title: { value: source.name },
      updated: items[0]?.date ?? anchor,
      links: [
        { href: home, rel: 'alternate' },
        { href: `${base}demo/feeds/${source.id}.xml`, rel: 'self' },
      ],
      authors: [{ name: author }],
      entries: items.map(({ a, url, date, guid }) => ({
        id: guid,
        title: { value: a.title },
        updated: date,
        published: date,
        links: [{ href: url, rel: 'alternate' }],
        authors: [{ name: a.author ?? author }],
        ...(source.teaser
          ? { summary: { value: teaser(a), type: 'text' } }
          : { content: { value: bodyHtml(a), type: 'html' } }),
      })),
    } as never);
    return { body, type: 'application/atom+xml; charset=utf-8' };
  }
  const body = generateRssFeed({
    title: source.name,
    link: home,
    description: `${source.name}, a demo source of Almanac`,
    items: items.map(({ a, url, date, guid }) => ({
      title: a.title,
      link: url,
      guid: { value: guid, isPermaLink: false },
      pubDate: date,
      description: source.teaser ? teaser(a) : bodyHtml(a),
      dc: { creators: [a.author ?? author] },
    })),
  } as never);
  return { body, type: 'application/rss+xml; charset=utf-8' };
}

function pageHtml(source: DemoSource, a: DemoArticle, date: Date): string {
  // A page with the chrome real sites have (navigation, share bar, footer) so extraction has work to do.
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(a.title)} | ${escapeHtml(source.name)}</title>
<meta property="og:title" content="${escapeHtml(a.title)}"><meta name="author" content="${escapeHtml(a.author ?? source.author ?? source.name)}">
<meta property="article:published_time" content="${date.toISOString()}"></head>
<body><nav><a href="/">Home</a> · <a href="/topics">Topics</a> · <a href="/subscribe">Subscribe</a></nav>
<main><article><h1>${escapeHtml(a.title)}</h1><p class="byline">By ${escapeHtml(a.author ?? source.author ?? source.name)}</p>
${bodyHtml(a)}</article>
<aside><h2>Share</h2><a href="#">Post</a> <a href="#">Mail</a></aside></main>
<footer><p>© ${escapeHtml(source.name)}. All rights reserved.</p></footer></body></html>`;
}

/** Mounts the demo's feeds and article pages on an app, with ETags so conditional GET is exercised. */
export function mountDemoFeeds(
  app: Hono,
  articles: DemoArticle[],
  anchor: Date,
  baseOf: (reqUrl: string) => string,
): void {
  const byId = new Map(DEMO_SOURCES.map((s) => [s.id, s]));
  app.get('/demo/feeds/:file', (c) => {
    const m = /^([a-z0-9-]+)\.(xml|json)$/.exec(c.req.param('file'));
    const source = m ? byId.get(m[1]!) : undefined;
    if (!source) return c.text('no such feed', 404);
    const { body, type } = feedFor(source, articles, baseOf(c.req.url), anchor);
    const etag = `"${createHash('sha1').update(body).digest('hex').slice(0, 16)}"`;
    if (c.req.header('if-none-match') === etag) return c.body(null, 304, { ETag: etag });
    return c.body(body, 200, { 'Content-Type': type, ETag: etag });
  });
  app.get('/demo/posts/:source/:slug', (c) => {
    const source = byId.get(c.req.param('source'));
    const a = articles.find((x) => x.sourceId === c.req.param('source') && x.slug === c.req.param('slug'));
    if (!source || !a) return c.text('no such post', 404);
    return c.html(pageHtml(source, a, publishedAt(a, anchor)));
  });
}
