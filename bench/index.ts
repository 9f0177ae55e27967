/**
 * npm run bench — speed of the parts of the pipeline, each against a baseline measured in
 * the same run; medians of several runs with min and max; tables printed and written as
 * JSON under bench/results/. `npm run bench -- extract cluster` runs only those sections.
 * Sections that need the public data sets skip with a message when ../shared/data is absent.
 */
import { TAXONOMY } from '../src/analyze/taxonomy.js';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { Readability } from '@mozilla/readability';
import { JSDOM, VirtualConsole } from 'jsdom';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { extractLocal } from '../src/analyze/local.js';
import { clusterBatch, OnlineClusterer } from '../src/events/cluster.js';
import { extractPage } from '../src/ingest/page/extract.js';
import { pagePR } from '../eval/page-metrics.js';
import { plainTfidfClusters } from '../eval/plain-tfidf.js';
import { sharedDataDir } from '../eval/shared-data.js';
import { measure, printTable, saveResults } from './harness.js';
import { fillStore } from './web-store.js';
import { benchFeedParsing } from './feeds.js';
import { benchIngest, benchWorkers } from './ingest.js';
import { benchWeb } from './web-load.js';
import { openDb } from '../src/store/db.js';
import { createApp } from '../src/web/app.js';
import { one } from '../src/store/sql/query.js';

const wanted = new Set(process.argv.slice(2));
const run = (name: string) => wanted.size === 0 || wanted.has(name);
const data = sharedDataDir();
const need = (sub: string) => {
  const p = join(data, sub);
  if (!existsSync(p)) console.log(`\n(skipped: ${p} absent — the public data sets live in ../shared/data)`);
  return existsSync(p) ? p : undefined;
};

// 1. Ingest end to end -----------------------------------------------------------------------
if (run('ingest')) benchIngest();
if (run('workers')) benchWorkers();

// 2. Feed parsing ---------------------------------------------------------------------------
if (run('feeds')) await benchFeedParsing();

// 3. Full-text extraction -------------------------------------------------------------------
if (run('extract')) {
  const dir = need(join('pages', 'aeb'));
  if (dir) {
    const truth = JSON.parse(readFileSync(join(dir, 'ground-truth.json'), 'utf8')) as Record<
      string,
      { articleBody: string; url: string }
    >;
    const pages = Object.keys(truth).map((id) => ({
      id,
      url: truth[id]!.url,
      html: gunzipSync(readFileSync(join(dir, 'html', `${id}.html.gz`))).toString('utf8'),
    }));
    const quiet = new VirtualConsole();
    const jsdomReadability = (html: string, url: string) => {
      const dom = new JSDOM(html, { url, virtualConsole: quiet });
      const text = new Readability(dom.window.document).parse()?.textContent ?? '';
      dom.window.close();
      return text;
    };
    const f1 = (f: (html: string, url: string) => string) => {
      let p = 0;
      let r = 0;
      for (const pg of pages) {
        const x = pagePR(f(pg.html, pg.url), truth[pg.id]!.articleBody);
        p += x.p / pages.length;
        r += x.r / pages.length;
      }
      return (2 * p * r) / (p + r);
    };
    const rate = (f: (html: string, url: string) => string) => () => {
      const t = performance.now();
      for (const pg of pages) f(pg.html, pg.url);
      return pages.length / ((performance.now() - t) / 1000);
    };
    const ours = measure(
      'almanac extract-page (Readability over linkedom + rules)',
      'pages/s',
      3,
      rate((h, u) => extractPage(h, u).text),
    );
    const base = measure('Readability.js over jsdom (baseline)', 'pages/s', 3, rate(jsdomReadability));
    const fOurs = f1((h, u) => extractPage(h, u).text);
    const fBase = f1(jsdomReadability);
    printTable(
      `Full-text extraction: ${pages.length} benchmark pages, one core`,
      [ours, base],
      [
        `speed ratio ${(ours.median / base.median).toFixed(2)}× (goal ≥ 3×); text F1 ${fOurs.toFixed(3)} vs ${fBase.toFixed(3)}`,
      ],
    );
    saveResults('extract', {
      figures: [ours, base],
      ratio: ours.median / base.median,
      f1: { ours: fOurs, baseline: fBase },
    });
  }
}

// Local extractor ---------------------------------------------------------------------------
if (run('analyze')) {
  const dir = need('nlp');
  if (dir) {
    const rows = readFileSync(join(dir, 'summary-news-dev.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { id: string; title: string; text: string });
    const words = rows.reduce((s, r) => s + r.text.split(/\s+/).length, 0) / rows.length;
    const nlp = winkNLP(model, ['sbd', 'pos']);
    const ours = measure('almanac local extractor (all fields)', 'articles/s', 3, () => {
      const t = performance.now();
      for (const r of rows) extractLocal({ id: r.id, title: r.title, text: r.text.slice(r.title.length) });
      return rows.length / ((performance.now() - t) / 1000);
    });
    const base = measure('wink-nlp tagging alone (baseline: the floor)', 'articles/s', 3, () => {
      const t = performance.now();
      for (const r of rows) nlp.readDoc(r.text).tokens().out(nlp.its.pos);
      return rows.length / ((performance.now() - t) / 1000);
    });
    printTable(
      `Local extraction: ${rows.length} BBC articles, mean ${Math.round(words)} words, one core`,
      [ours, base],
      [`goal ≥ 300 articles/s; tagging is ${Math.round((100 * ours.median) / base.median)}% of our rate's ceiling`],
    );
    saveResults('analyze', { figures: [ours, base], meanWords: words });
  }
}

// 4. Clustering -----------------------------------------------------------------------------
if (run('cluster')) {
  const dir = need('clustering');
  if (dir) {
    const rows = readFileSync(join(dir, 'uci-dev.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { id: string; title: string; url: string; published: string });
    const docs = rows.map((r) => ({ id: r.id, title: r.title, url: r.url, published: new Date(r.published) }));
    const ours = measure('almanac cluster', 'articles/s', 5, () => {
      const t = performance.now();
      clusterBatch(docs);
      return docs.length / ((performance.now() - t) / 1000);
    });
    const base = measure('plain single-pass TF-IDF (baseline)', 'articles/s', 5, () => {
      const t = performance.now();
      plainTfidfClusters(docs, 0.06);
      return docs.length / ((performance.now() - t) / 1000);
    });
    printTable(
      `Clustering: ${docs.length} headlines (uci-dev), one core`,
      [ours, base],
      [`goal ≥ 1,000 articles/s; ratio ${(ours.median / base.median).toFixed(2)}×`],
    );

    // Time per article as the stream grows: synthetic headlines from a seeded vocabulary, 10k stories over 200 days.
    const sizes = (process.env['BENCH_CLUSTER_SIZES'] ?? '10000,100000,1000000').split(',').map(Number);
    const latency: Array<{ articles: number; p50: number; p99: number; perSecond: number }> = [];
    const vocab = Array.from({ length: 20_000 }, (_, i) => `w${i.toString(36)}`);
    let seed = 7;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (const n of sizes) {
      const c = new OnlineClusterer();
      const times: number[] = [];
      const t0 = Date.parse('2026-01-01T00:00:00Z');
      const storyWords = (s: number) => [
        vocab[(s * 7) % vocab.length]!,
        vocab[(s * 13 + 1) % vocab.length]!,
        vocab[(s * 31 + 2) % vocab.length]!,
      ];
      const start = performance.now();
      for (let i = 0; i < n; i++) {
        const story = Math.floor(i / 8) + Math.floor(rnd() * 3);
        const title = [
          ...storyWords(story),
          ...Array.from({ length: 5 }, () => vocab[Math.floor(rnd() * vocab.length)]!),
        ].join(' ');
        const t = performance.now();
        c.add({ id: String(i), title, published: new Date(t0 + i * 60_000) });
        times.push(performance.now() - t);
      }
      const total = (performance.now() - start) / 1000;
      times.sort((a, b) => a - b);
      latency.push({
        articles: n,
        p50: times[Math.floor(n * 0.5)]!,
        p99: times[Math.floor(n * 0.99)]!,
        perSecond: n / total,
      });
    }
    console.log('\nClustering: time per article as the stream grows (synthetic, seeded; one article a minute)');
    console.log(`${'articles'.padEnd(12)}${'p50 ms'.padStart(10)}${'p99 ms'.padStart(10)}${'articles/s'.padStart(14)}`);
    for (const l of latency)
      console.log(
        `${String(l.articles).padEnd(12)}${l.p50.toFixed(3).padStart(10)}` +
          `${l.p99.toFixed(3).padStart(10)}` +
          `${Math.round(l.perSecond).toLocaleString('en-US').padStart(14)}`,
      );
    console.log('  goal: p99 under 5 ms at 1M articles');
    saveResults('cluster', { figures: [ours, base], latency });
  }
}

// 5a. Pages: server render time on a store of 100,000 articles ------------------------------------
if (run('pages')) {
  const size = Number(process.env['BENCH_PAGES_ARTICLES'] ?? 100_000);
  // BENCH_STORE=<file> keeps the synthetic store between runs (built once when absent).
  const kept = process.env['BENCH_STORE'];
  const dir = kept ? undefined : mkdtempSync(join(tmpdir(), 'almanac-bench-'));
  const file = kept ?? join(dir!, 'bench.db');
  const reuse = kept !== undefined && existsSync(kept);
  const db = openDb(file, { seed: TAXONOMY });
  const now = new Date('2026-11-22T12:00:00Z');
  const t0 = performance.now();
  let events: number;
  if (reuse) {
    events = await one<number>(db, 'SELECT COUNT(*) FROM events');
    console.log(`  reusing ${file}: ${events.toLocaleString('en-US')} events`);
  } else {
    events = (
      await fillStore(db, size, now, (n) =>
        process.stdout.write(
          `\r  building a store of ${size.toLocaleString('en-US')} articles: ${n.toLocaleString('en-US')}`,
        ),
      )
    ).events;
    console.log(
      `\r  built ${size.toLocaleString('en-US')} articles and ${events.toLocaleString('en-US')} events in ${((performance.now() - t0) / 1000).toFixed(0)} s`,
    );
  }
  const app = createApp({ db, clock: { now: () => now } });
  const event = await one<string>(db, `SELECT id FROM events ORDER BY last_updated DESC LIMIT 1 OFFSET 100`);
  const article = await one<number>(db, `SELECT primary_article_id FROM events WHERE id = ?`, [event]);
  const routes: Array<[string, string]> = [
    ['/healthz (baseline: one SELECT 1, renders nothing)', '/healthz'],
    ['events list', '/'],
    ['events list, filtered (topic, min 6, 30d, by score)', '/?topic=open-source-ai&min=6&since=30d&sort=score'],
    ['event page', `/events/${event}`],
    ['article page', `/articles/${article}`],
    ['guide page', '/guides/open-source-ai'],
    ['topics page', '/topics'],
    ['search', '/search?q=export+chip'],
    ['Atom feed, filtered', '/feed.atom?topic=ai-chips&min=5'],
    ['API events', '/api/events?limit=50'],
  ];
  const rows: Array<{ route: string; path: string; p50: number; p99: number; max: number; status: number }> = [];
  for (const [name, path] of routes) {
    let status = 0;
    const once = async () => {
      const t = performance.now();
      const r = await app.request(`http://bench.test${path}`);
      await r.arrayBuffer();
      status = r.status;
      return performance.now() - t;
    };
    await once();
    const times: number[] = [];
    for (let i = 0; i < 30; i++) times.push(await once());
    times.sort((a, b) => a - b);
    rows.push({ route: name, path, p50: times[15]!, p99: times[29]!, max: times[29]!, status });
  }
  console.log(
    `\nPages: server render time through app.request, ${size.toLocaleString('en-US')} articles, ` +
      `${events.toLocaleString('en-US')} events (30 requests each after one warm-up)`,
  );
  const w = Math.max(...rows.map((r) => r.route.length)) + 2;
  console.log(
    `${'route'.padEnd(w)}${'p50 ms'.padStart(10)}${'max ms'.padStart(10)}${'× baseline'.padStart(12)}  status`,
  );
  for (const r of rows)
    console.log(
      `${r.route.padEnd(w)}${r.p50.toFixed(2).padStart(10)}${r.max.toFixed(2).padStart(10)}${(r.p50 / rows[0]!.p50).toFixed(1).padStart(12)}  ${r.status}`,
    );
  console.log('  goal: every page under 50 ms on the server at 100,000 articles');
  saveResults('pages', { articles: size, events, rows });
  await db.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
}

// 5b. Web under load and cold start (1M articles) -------------------------------------------------
if (run('web')) await benchWeb();
