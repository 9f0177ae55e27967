import { createServer } from 'node:http';
import { TAXONOMY } from '../src/analyze/taxonomy.js';
import type { AddressInfo } from 'node:net';
import { fixedClock } from '../src/clock.js';
import { loadConfig } from '../src/config.js';
import { createHttpClient } from '../src/ingest/fetch.js';
import { escapeHtml } from '../src/ingest/page/sanitize.js';
import type { Deps } from '../src/pipeline/deps.js';
import { PipelineState } from '../src/pipeline/state.js';
import { fetchDueSources } from '../src/pipeline/fetch-sources.js';
import { processPending } from '../src/pipeline/process.js';
import { openDb } from '../src/store/db.js';
import { describesPicture } from '../src/ingest/picture-caption.js';
import { getGuide } from '../src/guides/read.js';
import { upsertSource } from '../src/store/sources.js';
import { outletName } from '../src/ingest/outlet-name.js';
import { column } from '../src/store/sql/query.js';
import { findBoilerplate, labelledTitle, repeatedInStream, type Finding, type StreamItem } from './stream-checks.js';
import {
  brokenSentences,
  domainAttributions,
  emptyClaims,
  headlineRows,
  loneTopics,
  pictureSummaries,
  primariesNotReporting,
  runInHeadlines,
} from './stream-reader-checks.js';

/**
 * The real pipeline over a stream of feed items: each outlet's items served as one RSS feed
 * on loopback, fetched and processed into a temporary in-memory store (full text off: the
 * items' pages are on the open web), then every text a reader sees checked for boilerplate.
 */
export interface StreamReport {
  items: number;
  outlets: number;
  /** Items of the stream that carry boilerplate as fetched (what the check finds before the pipeline). */
  itemsWithBoilerplate: number;
  titlesLabelled: number;
  /** Items whose text, as fetched, is a picture's caption (stored as teasers), by outlet. */
  captionsByOutlet: Map<string, number>;
  articles: number;
  events: number;
  guides: number;
  /** The overview of the guide with the most events, as a reader sees it. */
  largestOverview: string;
  /** Per place a reader sees text: how many texts were checked and the boilerplate found in them. */
  checks: Array<{ place: string; texts: number; findings: Finding[] }>;
}

/**
 * The stream names each outlet by its domain; their own feeds are titled by their names (the
 * data README's), and a source takes its feed's title (sources add: ingest/outlet-name.ts).
 * Served titled by the domain, every first-person summary read "theverge.com: I tried …",
 * which no user following those feeds would see. An outlet not listed keeps its domain.
 */
const FEED_TITLES: Record<string, string> = {
  'techcrunch.com': 'TechCrunch',
  'theverge.com': 'The Verge',
  'zdnet.com': 'ZDNet',
  'technologyreview.com': 'MIT Technology Review',
  'forrester.com': 'Forrester',
  'venturebeat.com': 'VentureBeat',
  'blog.google': 'Google Blog',
  'news.mit.edu': 'MIT News',
};
const feedTitle = (outlet: string) => FEED_TITLES[outlet] ?? outlet;

function rss(outlet: string, items: readonly StreamItem[]): string {
  return (
    `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>` +
    `${escapeHtml(feedTitle(outlet))}</title><link>https://${escapeHtml(outlet)}/</link><description>` +
    `${escapeHtml(outlet)}</description>${items
      .map(
        (i) =>
          `<item><title>${escapeHtml(i.title)}</title><link>${escapeHtml(i.url)}</link><guid ` +
          `isPermaLink="false">${escapeHtml(i.id)}</guid><pubDate>` +
          `${new Date(i.published).toUTCString()}</pubDate><description>` +
          `${escapeHtml(i.text)}</description></item>`,
      )
      .join('')}</channel></rss>`
  );
}

export async function runStream(
  items: readonly StreamItem[],
  log: (line: string) => void = () => {},
  store = ':memory:',
): Promise<StreamReport> {
  const outlets = new Map<string, StreamItem[]>();
  for (const it of items) (outlets.get(it.source) ?? outlets.set(it.source, []).get(it.source)!).push(it);
  const slugs = new Map([...outlets.keys()].map((o) => [o.replace(/[^a-z0-9]+/gi, '-').toLowerCase(), o]));
  const server = createServer((req, res) => {
    const outlet = slugs.get((req.url ?? '').replace(/^\/|\.xml$/g, ''));
    if (!outlet) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' }).end(rss(outlet, outlets.get(outlet)!));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const newest = Math.max(...items.map((i) => Date.parse(i.published)));
  const config = {
    ...loadConfig({}, { db: ':memory:' }),
    hostDelayMs: 0,
    maxBodyBytes: 1 << 28,
    maxDecompressedBytes: 1 << 28,
  };
  const deps: Deps = {
    db: openDb(store, { seed: TAXONOMY }),
    state: new PipelineState(),
    config,
    http: createHttpClient(config),
    clock: fixedClock(new Date(newest + 3_600_000).toISOString()),
    log,
  };
  try {
    for (const slug of slugs.keys()) {
      await upsertSource(
        deps.db,
        {
          id: slug,
          name: outletName({ feedTitle: feedTitle(slugs.get(slug)!), host: slugs.get(slug)! }),
          feedUrl: `${base}${slug}.xml`,
          allowPrivate: true,
          fulltext: 'never',
        },
        deps.clock.now(),
      );
    }
    const fetched = await fetchDueSources(deps);
    const failed = fetched.filter((o) => !o.ok);
    if (failed.length)
      throw new Error(`stream: feeds failed: ${failed.map((o) => `${o.sourceId}: ${o.error}`).join('; ')}`);
    for (const r of await processPending(deps)) log(`${r.stage}: ${r.done} done, ${r.failed} failed`);

    const repeated = repeatedInStream(items);
    const check = (place: string, rows: Array<{ text: string; outlet?: string }>, body = false) => ({
      place,
      texts: rows.length,
      findings: rows.flatMap((r) => findBoilerplate(r.text, repeated, { outlet: r.outlet, body })),
    });
    const outletOf = (slug: string) => slugs.get(slug);
    // (The store is SQLite's.) Each event with the outlets of its articles (a title's label is checked against those outlets' habits).
    // Each event's articles by their items' ids (guids), the primary's first.
    const events = await deps.db.all<{
      title: string;
      summary: string;
      topics: string;
      outlets: string;
      size: number;
      guids: string;
      memberTopics: string;
    }>(
      `SELECT e.title, e.summary, e.topics, (SELECT group_concat(DISTINCT a.source_id) FROM event_articles ea ` +
        `JOIN articles a ON a.id = ea.article_id WHERE ea.event_id = e.id) AS outlets, ` +
        `(SELECT count(*) FROM event_articles ea WHERE ea.event_id = e.id) AS size, ` +
        `(SELECT json_group_array(a.guid) FROM (SELECT a.guid FROM event_articles ea JOIN articles a ON a.id = ea.article_id ` +
        `WHERE ea.event_id = e.id ORDER BY ea.role <> 'primary', a.id) a) AS guids, ` +
        `(SELECT json_group_array(json(t.topics)) FROM (SELECT coalesce(x.topics, '[]') AS topics FROM event_articles ea ` +
        `LEFT JOIN extractions x ON x.article_id = ea.article_id WHERE ea.event_id = e.id ORDER BY ea.role <> 'primary', ` +
        `ea.article_id) t) AS memberTopics FROM events e`,
    );
    const articles = await deps.db.all<{
      title: string;
      text: string;
      source_id: string;
      summary: string | null;
      claims: string | null;
      quotes: string | null;
    }>(
      'SELECT a.title, a.text, a.source_id, x.summary, x.claims, x.quotes FROM articles a LEFT JOIN extractions x ON x.article_id = a.id',
    );
    const overviews: string[] = [];
    for (const slug of await column<string>(deps.db, 'SELECT slug FROM guides ORDER BY event_count DESC, slug'))
      overviews.push((await getGuide(deps.db, slug))?.overview ?? '');
    const labelled = (title: string, outlet: string) => labelledTitle(title, repeated.get(outlet) ?? new Set());
    const byId = new Map(items.map((i) => [i.id, i]));
    const shown = events.map((e) => {
      const [first, ...rest] = (JSON.parse(e.guids) as string[]).map((g) => byId.get(g));
      return { title: e.title, summary: e.summary, primary: first, others: rest };
    });
    const claims = articles.flatMap((a) => (JSON.parse(a.claims ?? '[]') as { text: string }[]).map((c) => c.text));
    const empty = emptyClaims(claims);
    const statements = articles.flatMap((a) => [
      a.summary ?? '',
      ...[...JSON.parse(a.claims ?? '[]'), ...JSON.parse(a.quotes ?? '[]')].map((c: { text: string }) => c.text),
    ]);
    return {
      items: items.length,
      outlets: outlets.size,
      itemsWithBoilerplate: items.filter(
        (i) => findBoilerplate(i.text, repeated, { outlet: i.source, body: true }).length > 0,
      ).length,
      titlesLabelled: items.filter((i) => labelled(i.title, i.source)).length,
      captionsByOutlet: countBy(items.filter((i) => describesPicture(i.text)).map((i) => i.source)),
      articles: articles.length,
      events: events.length,
      guides: overviews.length,
      largestOverview: overviews[0] ?? '',
      checks: [
        check(
          'event titles',
          events.map((e) => ({ text: e.title })),
        ),
        {
          place: 'event titles opening with a newsletter label',
          texts: events.length,
          findings: events
            .filter((e) => e.outlets.split(',').some((o) => labelled(e.title, outletOf(o) ?? '')))
            .map((e) => ({ what: 'label', text: e.title })),
        },
        check(
          'event summaries',
          events.map((e) => ({ text: e.summary })),
          true,
        ),
        {
          place: 'event summaries that are a picture caption',
          texts: events.length,
          findings: events
            .filter((e) => describesPicture(e.summary))
            .map((e) => ({ what: 'caption', text: e.summary })),
        },
        {
          place: 'events of several articles without a summary',
          texts: events.filter((e) => Number(e.size) > 1).length,
          findings: events
            .filter((e) => Number(e.size) > 1 && !e.summary.trim())
            .map((e) => ({ what: 'empty', text: e.title })),
        },
        {
          place: 'events titled by a piece that is no report',
          texts: events.filter((e) => Number(e.size) > 1).length,
          findings: primariesNotReporting(shown, (i) => labelled(i.title, i.source)),
        },
        ...headlineRows(
          'event',
          events.map((e) => e.summary),
          events.map((e) => e.title),
        ),
        {
          place: 'event summaries describing a picture',
          texts: events.length,
          findings: pictureSummaries(events.map((e) => e.summary)),
        },
        {
          place: 'event summaries with a headline run in',
          texts: events.length,
          findings: runInHeadlines(events.map((e) => e.summary)),
        },
        {
          place: "events of 3+ showing a lone member's topic",
          texts: events.filter((e) => Number(e.size) >= 3).length,
          findings: loneTopics(
            events.map((e) => ({
              title: e.title,
              topics: JSON.parse(e.topics) as string[],
              members: JSON.parse(e.memberTopics) as string[][],
            })),
          ),
        },
        {
          place: 'event summaries attributed to a domain',
          texts: events.length,
          findings: domainAttributions(events.map((e) => e.summary)),
        },
        check(
          'guide overviews',
          overviews.map((text) => ({ text })),
          true,
        ),
        check(
          'article titles',
          articles.map((a) => ({ text: a.title, outlet: outletOf(a.source_id) })),
        ),
        check(
          'article texts shown',
          articles.map((a) => ({ text: a.text, outlet: outletOf(a.source_id) })),
          true,
        ),
        check(
          'article summaries',
          articles.map((a) => ({ text: a.summary ?? '', outlet: outletOf(a.source_id) })),
          true,
        ),
        ...headlineRows(
          'article',
          articles.map((a) => a.summary ?? ''),
          articles.map((a) => a.title),
        ),
        {
          place: 'article summaries describing a picture',
          texts: articles.length,
          findings: pictureSummaries(articles.map((a) => a.summary ?? '')),
        },
        {
          place: 'article summaries with a headline run in',
          texts: articles.length,
          findings: runInHeadlines(articles.map((a) => a.summary ?? '')),
        },
        {
          place: 'summary sentences, claims, quotes cut short',
          texts: statements.length,
          findings: brokenSentences(statements),
        },
        { place: 'claims ending mid-sentence', texts: claims.length, findings: empty.cut },
        { place: 'claims that call to read on', texts: claims.length, findings: empty.teaser },
        check(
          'claims and quotes',
          articles.flatMap((a) =>
            [...JSON.parse(a.claims ?? '[]'), ...JSON.parse(a.quotes ?? '[]')].map((c: { text: string }) => ({
              text: c.text,
              outlet: outletOf(a.source_id),
            })),
          ),
        ),
      ],
    };
  } finally {
    await deps.db.close();
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  }
}

/** How many times each value occurs. */
function countBy(values: readonly string[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const v of values) out.set(v, (out.get(v) ?? 0) + 1);
  return out;
}
