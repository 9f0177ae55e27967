import { TAXONOMY } from '../../src/analyze/taxonomy.js';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { serve } from '@hono/node-server';
import { fixedClock } from '../../src/clock.js';
import { openDb } from '../../src/store/db.js';
import { column } from '../../src/store/sql/query.js';
import { createApp } from '../../src/web/app.js';
import { generateArticles } from './articles-store.js';
import { Report } from './report.js';
import { request } from './request.js';

/**
 * /articles over a large generated store: each page reads its own rows through the order's
 * index (no sort of the whole table in the plan), a walk from the newest page to the oldest
 * and back gives exactly the store's order (ties and missing dates included), and ten
 * clients paging deep at once leave /healthz answering. Then the rate limit holds for it.
 */
const report = new Report('articles-paging', '/articles: keyset paging at scale');
const N = Number(process.env['ALMANAC_HOSTILE_ARTICLES'] ?? 200_000);
const ORDER = 'SELECT id FROM articles ORDER BY COALESCE(published_at, fetched_at) DESC, id DESC';
const ids = (html: string) => [...html.matchAll(/<h3><a href="\/articles\/(\d+)">/g)].map((m) => Number(m[1]));
const link = (html: string, rel: 'Newer' | 'Older') =>
  new RegExp(`href="(/articles\\?(?:before|after)=\\d+)">${rel === 'Newer' ? '← Newer' : 'Older →'}`).exec(html)?.[1];

describe('/articles at scale', () => {
  let dir: string;
  let db: ReturnType<typeof openDb>;
  let base: string;
  let close: () => Promise<void>;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'almanac-paging-'));
    const t = performance.now();
    generateArticles(join(dir, 's.db'), N);
    db = openDb(join(dir, 's.db'), { seed: TAXONOMY });
    const app = createApp({
      db,
      clock: fixedClock('2026-11-22T12:00:00Z'),
      rateLimit: { perMinute: 60_000, burst: 100_000 },
    });
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise((r) => server.once('listening', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    close = () => new Promise<void>((r) => server.close(() => r()));
    report.add({
      case: `a store of ${N.toLocaleString('en-US')} generated articles`,
      expected: '',
      observed: `written in ${((performance.now() - t) / 1000).toFixed(1)} s`,
    });
  });
  after(async () => {
    await close();
    await db.close();
    rmSync(dir, { recursive: true, force: true });
    report.print();
  });

  it('reads a page through the index, from any cursor: no sort of the whole table', async () => {
    const T = 'COALESCE(a.published_at, a.fetched_at)';
    const plans = [];
    for (const where of [
      '',
      `WHERE ${T} <= ? AND (${T} < ? OR a.id < ?)`,
      `WHERE a.source_id = ? AND ${T} <= ? AND (${T} < ? OR a.id < ?)`,
    ]) {
      const n = (where.match(/\?/g) ?? []).length;
      const plan = (
        await db.all<{ detail: string }>(
          `EXPLAIN QUERY PLAN SELECT a.id FROM articles a JOIN sources s ON s.id = a.source_id ${where} ORDER BY ${T} DESC, a.id DESC LIMIT 31`,
          Array(n).fill('x'),
        )
      )
        .map((p) => p.detail)
        .join('; ');
      assert.doesNotMatch(plan, /TEMP B-TREE/, plan);
      assert.match(plan, /articles_(source_)?time_order/, plan);
      plans.push(plan.split(';')[0]);
    }
    const time = async (path: string) => {
      const t = performance.now();
      const r = await request(`${base}${path}`);
      assert.equal(r.status, 200);
      return { ms: performance.now() - t, html: r.body };
    };
    const deepId = (await column<number>(db, `${ORDER} LIMIT 1 OFFSET ${Math.floor(N * 0.9)}`))[0]!;
    await time('/articles?before=1'); // the first request of a process compiles the page's code: not the page's cost
    const first = await time('/articles');
    const deep = await time(`/articles?before=${deepId}`);
    assert.equal(ids(first.html).length, 30);
    assert.equal(ids(deep.html).length, 30);
    report.add({
      case: 'the list query plans (all, from a cursor, one source from a cursor)',
      expected: 'the index, no sort',
      observed: plans.join(' / '),
    });
    report.add({
      case: `/articles: the first page; a page 90% down (${Math.floor(N * 0.9).toLocaleString('en-US')} articles newer)`,
      expected: 'the same cost',
      observed: `${first.ms.toFixed(0)} ms; ${deep.ms.toFixed(0)} ms`,
    });
  });

  it('walks from the newest page to the oldest and back in exactly the store’s order', {
    timeout: 120_000,
  }, async () => {
    // A window of the store, walked both ways: 40 pages down from a cursor, 40 back up.
    const truth = await column<number>(db, ORDER);
    let path: string | undefined = '/articles';
    const down: number[][] = [];
    for (let k = 0; k < 40 && path; k++) {
      const html = (await request(`${base}${path}`)).body;
      down.push(ids(html));
      path = link(html, 'Older');
    }
    assert.deepEqual(down.flat(), truth.slice(0, down.flat().length));
    // And the last pages of the store: the walk ends with no Older link.
    const tailFrom = truth[truth.length - 61]!;
    const tail = (await request(`${base}/articles?before=${tailFrom}`)).body;
    assert.deepEqual(ids(tail), truth.slice(-60).slice(0, 30));
    const end = (await request(`${base}${link(tail, 'Older')}`)).body;
    assert.deepEqual(ids(end), truth.slice(-30));
    assert.equal(link(end, 'Older'), undefined);
    let up: string | undefined = link(end, 'Newer');
    const back: number[][] = [];
    for (let k = 0; k < 40 && up; k++) {
      const html = (await request(`${base}${up}`)).body;
      back.unshift(ids(html));
      up = link(html, 'Newer');
    }
    assert.deepEqual(back.flat(), truth.slice(-30 - back.flat().length, -30));
    report.add({
      case: `${down.length} pages down from the newest, the last pages, ${back.length} pages back up`,
      expected: 'the store’s order exactly',
      observed:
        `${down.flat().length + back.flat().length + 60} articles in order (ties on time, ` +
        `missing published dates included); the oldest page has no Older link`,
    });
  });

  it('ten clients paging deep at once: /healthz keeps answering', { timeout: 120_000 }, async () => {
    const cursors = await column<number>(db, `SELECT id FROM (${ORDER}) AS o LIMIT 200 OFFSET ${Math.floor(N / 2)}`);
    let stop = false;
    let slowest = 0;
    let polls = 0;
    const poll = (async () => {
      while (!stop) {
        const t = performance.now();
        assert.equal((await request(`${base}/healthz`, { from: '127.0.20.1' })).status, 200);
        slowest = Math.max(slowest, performance.now() - t);
        polls++;
        await new Promise((r) => setTimeout(r, 25));
      }
    })();
    const t = performance.now();
    let pages = 0;
    await Promise.all(
      Array.from({ length: 10 }, async (_, c) => {
        for (let k = c; k < cursors.length; k += 10) {
          assert.equal(
            (await request(`${base}/articles?before=${cursors[k]}`, { from: `127.0.21.${c + 1}` })).status,
            200,
          );
          pages++;
        }
      }),
    );
    const ms = performance.now() - t;
    stop = true;
    await poll;
    assert.ok(slowest < 2000, `/healthz took ${slowest.toFixed(0)} ms`);
    report.add({
      case: `10 clients, ${pages} pages from cursors half-way down`,
      expected: '/healthz under 2 s throughout',
      observed:
        `${(pages / (ms / 1000)).toFixed(0)} pages/s, ${(ms / pages).toFixed(1)} ms a page ` +
        `on average; /healthz ${polls} answers, slowest ${slowest.toFixed(0)} ms`,
    });
  });

  it('the list pages are rate-limited per client like the API', async () => {
    const app = createApp({ db, clock: fixedClock('2026-11-22T12:00:00Z'), rateLimit: { perMinute: 60, burst: 5 } });
    const statuses = [];
    for (let i = 0; i < 8; i++) statuses.push((await app.request('/articles')).status);
    assert.deepEqual(statuses, [200, 200, 200, 200, 200, 429, 429, 429]);
    report.add({
      case: '8 requests to /articles, limit 60/min, burst 5',
      expected: '429 past the burst',
      observed: statuses.join(' '),
    });
  });
});
