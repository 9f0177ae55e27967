import { TAXONOMY } from '../../src/analyze/taxonomy.js';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { get as httpGet } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { loadCorpus } from '../../src/demo/corpus.js';
import { MAX_SENTENCE_CHARS } from '../../src/analyze/bound-text.js';
import { STAGE_NAMES } from '../../src/pipeline/stages.js';
import { MAX_ATTEMPTS } from '../../src/pipeline/process.js';
import { openDb } from '../../src/store/db.js';
import { upsertSource } from '../../src/store/sources.js';
import { startServer } from '../helpers.js';
import { nestedPage, TEXT_CLASSES } from './crafted.js';
import { Report } from './report.js';

/**
 * One bad item must not stall the server (issue 43). Each class of crafted input is served
 * by a loopback feed to a real `almanac serve` (web app and scheduler in one process, as
 * deployed) on a fresh store, while this test asks `/healthz` every 100 ms: every answer must
 * come within 2 s, from the server's start until the article is through every stage. The
 * article must be kept with its feed text, and where its work was refused or cut, the stage
 * records the reason.
 */
const MAIN = join(import.meta.dirname, '..', '..', 'src', 'main.ts');
const HEALTHZ_LIMIT_MS = 2000;
/** How long a run may take to get its article through (a slow machine, or the code before the fix). */
const WAIT_MS = Number(process.env['HOSTILE_STALL_WAIT_S'] ?? 300) * 1000;
const report = new Report(
  'stall',
  'Stalls: crafted texts and pages through the real pipeline, /healthz polled every 100 ms',
);
after(() =>
  report.print([
    "healthz: the slowest of all answers from the server's start to the end of the run; run: from the start until every stage of the article is over",
  ]),
);

/** The status of a GET, or the error that ended it; no client-side time limit (undici's would cut at 300 s). */
function getStatus(url: string): Promise<number | string> {
  return new Promise((resolve) => {
    const req = httpGet(url, { agent: false }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', (e) => resolve(e.message));
  });
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const DATE = new Date(Date.now() - 3600_000).toUTCString();

interface Outcome {
  healthzMaxMs: number;
  healthzCount: number;
  /** When the slowest answer was asked for, in ms from the server's start. */
  healthzMaxAt: number;
  runMs: number;
  stages: Record<string, { status: string; error: string | null; attempts: number }>;
  article: { text: string; wordCount: number };
  summary: string | null;
}

/** Serves `item` (an RSS item's inner XML) and `pages`, runs `almanac serve` over a store with that one feed, polls /healthz until the article is through. */
async function throughServer(
  item: string,
  pages: Record<string, string> = {},
  env: Record<string, string> = {},
): Promise<Outcome> {
  const feeds = await startServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path === '/feed.xml') {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      return void res.end(
        `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Crafted</title>` +
          `<link>${feeds.url}</link><description>x</description><item>` +
          `${item.replaceAll('BASE/', feeds.url)}</item></channel></rss>`,
      );
    }
    if (pages[path]) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      return void res.end(pages[path]);
    }
    res.writeHead(404);
    res.end();
  });
  const dir = mkdtempSync(join(tmpdir(), 'almanac-stall-'));
  const file = join(dir, 'store.db');
  const setup = openDb(file, { seed: TAXONOMY });
  await upsertSource(
    setup,
    { id: 'crafted', name: 'Crafted', feedUrl: `${feeds.url}feed.xml`, allowPrivate: true },
    new Date(),
  );
  await setup.close();
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN, 'serve', '--db', file, '--port', '0'], {
    env: {
      ...process.env,
      ALMANAC_HOST_DELAY_MS: '0',
      ALMANAC_SCHEDULER_TICK_S: '1',
      ALMANAC_EXTRACT_THREADS: '1',
      ALMANAC_RELATE_THREAD: '0',
      ALMANAC_RATE_LIMIT: '0',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  const exited = new Promise((r) => child.on('exit', r));
  const store = openDb(file, { seed: TAXONOMY });
  try {
    const t0 = Date.now();
    let url: string | undefined;
    while (!(url = /serving on (\S+)/.exec(out)?.[1])) {
      if (Date.now() - t0 > 120_000 || child.exitCode !== null)
        throw new Error(`the server did not start: ${out.slice(-1000)}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    // The poller: one request at a time, each timed from sending to the answer.
    let polling = true;
    let healthzMaxMs = 0;
    let healthzCount = 0;
    let healthzMaxAt = 0;
    const healthzErrors: string[] = [];
    const poller = (async () => {
      while (polling) {
        const s = Date.now();
        const status = await getStatus(`${url}healthz`);
        if (status !== 200) healthzErrors.push(`${status} after ${Date.now() - s} ms`);
        if (Date.now() - s > healthzMaxMs) {
          healthzMaxMs = Date.now() - s;
          healthzMaxAt = s - t0;
        }
        healthzCount++;
        await new Promise((r) => setTimeout(r, 100));
      }
    })();
    // Through: the article is stored and each of its stages is done, or failed for good.
    const over = async () => {
      const rows = await store.all<{ stage: string; status: string; error: string | null; attempts: number }>(
        'SELECT stage, status, error, attempts FROM article_stages',
      );
      return rows.length === STAGE_NAMES.length &&
        rows.every((r) => r.status === 'done' || (r.status === 'failed' && r.attempts >= MAX_ATTEMPTS))
        ? rows
        : undefined;
    };
    let rows: Awaited<ReturnType<typeof over>>;
    while (!(rows = await over())) {
      if (Date.now() - t0 > WAIT_MS)
        throw new Error(
          `the article was not through after ${WAIT_MS / 1000} s: ` +
            `${JSON.stringify(await store.all('SELECT stage, status, error, attempts FROM article_stages'))}; ` +
            `${out.slice(-1000)}`,
        );
      await new Promise((r) => setTimeout(r, 250));
    }
    const runMs = Date.now() - t0;
    polling = false;
    await poller;
    const article = (await store.get<{ text: string; word_count: number }>('SELECT text, word_count FROM articles'))!;
    const summary = (await store.get<{ summary: string }>('SELECT summary FROM extractions'))?.summary ?? null;
    assert.deepEqual(healthzErrors, [], 'every /healthz answers 200');
    return {
      healthzMaxMs,
      healthzMaxAt,
      healthzCount,
      runMs,
      stages: Object.fromEntries(rows.map((r) => [r.stage, r])),
      article: { text: article.text, wordCount: article.word_count },
      summary,
    };
  } finally {
    await store.close();
    child.kill('SIGTERM');
    await exited;
    await feeds.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const textItem = (title: string, text: string) =>
  `<guid isPermaLink="false">crafted-1</guid><title>${esc(title)}</title><link>BASE/posts/1</link>` +
  `<pubDate>${DATE}</pubDate><description>${esc(text)}</description>`;
/** The feed's text counts as full, however few its words (the punctuation texts have few): no page is fetched. */
const FULL_TEXT = { ALMANAC_FULLTEXT_MIN_WORDS: '0' };
const squeeze = (s: string) => s.replace(/\s+/g, ' ').trim();
const stageLine = (o: Outcome) => STAGE_NAMES.map((s) => `${s} ${o.stages[s]!.status}`).join(', ');

describe('one crafted item does not stall the server', () => {
  for (const [name, make] of Object.entries(TEXT_CLASSES)) {
    it(`a 25 KB text of ${name}: extracted on a thread, bounded, /healthz under 2 s throughout`, {
      timeout: WAIT_MS + 180_000,
    }, async () => {
      const text = make(25_000);
      const o = await throughServer(textItem(`A text of ${name}`, text), {}, FULL_TEXT);
      report.add({
        case: `25 KB text: ${name}`,
        expected: `healthz < ${HEALTHZ_LIMIT_MS} ms; extracted; summary <= 3 sentences of ${MAX_SENTENCE_CHARS}`,
        observed:
          `healthz max ${o.healthzMaxMs} ms (at ${(o.healthzMaxAt / 1000).toFixed(1)} s) ` +
          `over ${o.healthzCount} polls; run ${(o.runMs / 1000).toFixed(1)} s; ${stageLine(o)}; ` +
          `summary ${o.summary?.length ?? 0} chars`,
      });
      assert.ok(o.healthzMaxMs < HEALTHZ_LIMIT_MS, `a /healthz took ${o.healthzMaxMs} ms`);
      assert.equal(o.stages['analyze']!.status, 'done', JSON.stringify(o.stages));
      assert.equal(o.stages['cluster']!.status, 'done');
      assert.ok(
        o.summary !== null && o.summary.length <= 3 * (MAX_SENTENCE_CHARS + 1),
        `summary of ${o.summary?.length} characters`,
      );
      // The article keeps the text its feed gave, spaces aside (analysis reads a bounded copy).
      assert.equal(squeeze(o.article.text), squeeze(text));
    });
  }

  it('a 29 KB page of a few thousand nested elements: refused before Readability with the reason, the feed text kept', {
    timeout: WAIT_MS + 180_000,
  }, async () => {
    const page = nestedPage(29 * 1024);
    const teaser = 'The lab published a note about its new model. Read more';
    const o = await throughServer(
      `<guid isPermaLink="false">page-1</guid><title>A page nested deep</title><link>` +
        `BASE/posts/deep</link><pubDate>${DATE}</pubDate><description>` +
        `${esc(teaser)}</description>`,
      { '/posts/deep': page },
    );
    const ft = o.stages['fulltext']!;
    report.add({
      case: `29 KB page, ${page.match(/<(div|ul|li|table|tr|td|section)>/g)!.length} nested elements`,
      expected: `healthz < ${HEALTHZ_LIMIT_MS} ms; fulltext failed with the reason; feed text kept`,
      observed:
        `healthz max ${o.healthzMaxMs} ms (at ${(o.healthzMaxAt / 1000).toFixed(1)} s) over ` +
        `${o.healthzCount} polls; run ${(o.runMs / 1000).toFixed(1)} s; ${stageLine(o)}; fulltext: ` +
        `${ft.error ?? ''} (attempts ${ft.attempts})`,
    });
    assert.ok(o.healthzMaxMs < HEALTHZ_LIMIT_MS, `a /healthz took ${o.healthzMaxMs} ms`);
    assert.equal(ft.status, 'failed');
    assert.match(ft.error ?? '', /page not extracted: elements nested more than \d+ deep/);
    // The feed's words are kept; its truncation mark is outlet boilerplate, cleaned before extraction.
    assert.equal(o.article.text, teaser.replace(/ Read more$/, ''));
    assert.equal(o.stages['analyze']!.status, 'done');
    assert.equal(o.stages['cluster']!.status, 'done');
  });

  it('a job over its time budget is cut: recorded as failed with the reason, the article kept with its feed text, the pipeline going on', {
    timeout: WAIT_MS + 180_000,
  }, async () => {
    // Ordinary prose, long: with a budget of 50 ms its extraction (seconds) is cut.
    const corpus = loadCorpus();
    let text = '';
    for (let i = 0; text.length < 60_000; i++) text += `${corpus[i % corpus.length]!.paragraphs.join('\n\n')}\n\n`;
    const o = await throughServer(textItem('A long article', text), {}, { ...FULL_TEXT, ALMANAC_JOB_BUDGET_MS: '50' });
    const an = o.stages['analyze']!;
    report.add({
      case: '60 KB of prose, budget 50 ms',
      expected: 'analyze failed "cut after", not retried; feed text kept; clustered',
      observed:
        `healthz max ${o.healthzMaxMs} ms (at ${(o.healthzMaxAt / 1000).toFixed(1)} s) over ` +
        `${o.healthzCount} polls; run ${(o.runMs / 1000).toFixed(1)} s; ${stageLine(o)}; analyze: ` +
        `${an.error ?? ''} (attempts ${an.attempts})`,
    });
    assert.ok(o.healthzMaxMs < HEALTHZ_LIMIT_MS, `a /healthz took ${o.healthzMaxMs} ms`);
    assert.equal(an.status, 'failed');
    assert.match(an.error ?? '', /^cut after 50 ms: over the time budget/);
    assert.equal(o.summary, null);
    assert.ok(o.article.text.length >= 60_000);
    assert.equal(o.stages['cluster']!.status, 'done');
  });
});
