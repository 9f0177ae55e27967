import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { serve } from '@hono/node-server';
import { adminActions } from '../../src/cli/pipeline.js';
import { listGuides } from '../../src/guides/read.js';
import { listSources } from '../../src/store/sources.js';
import { createApp } from '../../src/web/app.js';
import { testDeps } from '../helpers.js';
import { request } from './request.js';
import { Report } from './report.js';

/**
 * The API and the admin area over real HTTP: bad query parameters and bodies get clear
 * 4xx errors, admin actions without the token get 401 and change nothing, CSRF is checked,
 * and pages, search and the API are rate-limited per client address (127.0.0.1 and 127.0.0.2 are
 * two clients on loopback).
 */
const report = new Report('api', 'API and admin: bad input, no token, CSRF, rate limit');
const TOKEN = 'a long admin secret for the hostile suite';

describe('API and admin under bad input', () => {
  let base: string;
  let close: () => Promise<void>;
  let deps: ReturnType<typeof testDeps>;

  before(async () => {
    deps = testDeps({ allowPrivate: false });
    const app = createApp({
      db: deps.db,
      clock: deps.clock,
      admin: adminActions(deps, TOKEN),
      rateLimit: { perMinute: 60, burst: 20 },
    });
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise((r) => server.once('listening', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    close = () => new Promise<void>((r) => server.close(() => r()));
  });
  after(async () => {
    await close();
    report.print();
  });

  it('answers bad query parameters with a 400 naming the problem, as JSON', async () => {
    const bad = [
      '/api/events?limit=0',
      '/api/events?limit=abc',
      '/api/events?offset=-1',
      '/api/events?min=11',
      '/api/events?since=yesterdayish',
      '/api/events?sort=random',
      '/api/articles?limit=100000',
      `/api/search?q=${'x'.repeat(600)}`,
      '/api/search?q=chips&limit=0',
      '/api/guides/open-source-ai?since=soon',
    ];
    // Each from its own client address so the rate limit stays out of this test.
    const answers = await Promise.all(bad.map((p, k) => request(`${base}${p}`, { from: `127.0.1.${k + 1}` })));
    const seen: string[] = [];
    answers.forEach((a, k) => {
      const p = bad[k]!;
      // An unknown guide is a 404 before its query is read; everything else is a 400.
      assert.ok(a.status === 400 || (a.status === 404 && p.startsWith('/api/guides/')), `${p}: ${a.status}`);
      assert.match(a.headers['content-type'] ?? '', /application\/json/, p);
      const e = JSON.parse(a.body) as { error: string };
      assert.ok(e.error.length > 5, p);
      seen.push(`${a.status}`);
    });
    const notFound = await request(`${base}/api/events/no-such-event`, { from: '127.0.2.1' });
    assert.equal(notFound.status, 404);
    const odd = await request(`${base}/api/search?q=${encodeURIComponent('"; DROP TABLE articles; -- NEAR(')}`, {
      from: '127.0.2.2',
    });
    assert.equal(odd.status, 200, 'FTS syntax in a query is words, not an error');
    report.add({
      case: `${bad.length} bad API queries (limit=0, min=11, since=…, q of 600 chars…)`,
      expected: '4xx with a JSON error',
      observed: `statuses ${[...new Set(seen)].join('/')}; e.g. "${(JSON.parse(answers[3]!.body) as { error: string }).error.slice(0, 60)}"`,
    });
    report.add({
      case: 'FTS operators in a search ("; DROP … NEAR()',
      expected: 'read as words',
      observed: `${odd.status}`,
    });
  });

  it('refuses admin actions without the token (401) and changes nothing', async () => {
    const before = (await listSources(deps.db)).length;
    const form = { 'content-type': 'application/x-www-form-urlencoded', origin: base };
    const actions = [
      ['/admin/sources', 'url=https://x.example/feed.xml'],
      ['/admin/refetch', ''],
      ['/admin/opml', 'opml=<opml/>'],
      ['/admin/guides', 'title=T&query=chips'],
      ['/admin/sources/x/remove', ''],
    ] as const;
    const statuses = [];
    for (const [p, body] of actions)
      statuses.push((await request(`${base}${p}`, { method: 'POST', headers: form, body, from: '127.0.3.1' })).status);
    const wrong = await request(`${base}/admin/sources`, {
      method: 'POST',
      headers: { ...form, authorization: 'Bearer guess' },
      body: 'url=https://x.example/feed.xml',
      from: '127.0.3.1',
    });
    assert.deepEqual(statuses, [401, 401, 401, 401, 401]);
    assert.equal(wrong.status, 401);
    assert.equal((await listSources(deps.db)).length, before);
    assert.equal((await listGuides(deps.db)).length, 0);
    report.add({
      case: `${actions.length} admin actions without a token, 1 with a wrong one`,
      expected: '401, nothing changed',
      observed: `${[...statuses, wrong.status].join(', ')}; sources ${before} → ${(await listSources(deps.db)).length}`,
    });
  });

  it('checks CSRF on a signed-in browser session, and answers bad JSON bodies with 400', async () => {
    const login = await request(`${base}/admin/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: base },
      body: `token=${encodeURIComponent(TOKEN)}`,
      from: '127.0.4.1',
    });
    assert.equal(login.status, 303);
    const cookie = String(login.headers['set-cookie']).split(';')[0]!;
    const form = { 'content-type': 'application/x-www-form-urlencoded', cookie };
    const noToken = await request(`${base}/admin/guides`, {
      method: 'POST',
      headers: { ...form, origin: base },
      body: 'title=T&query=chips',
      from: '127.0.4.1',
    });
    const wrongToken = await request(`${base}/admin/guides`, {
      method: 'POST',
      headers: { ...form, origin: base },
      body: `title=T&query=chips&csrf=${'0'.repeat(64)}`,
      from: '127.0.4.1',
    });
    const page = await request(`${base}/admin`, { headers: { cookie }, from: '127.0.4.1' });
    const csrf = /name="csrf" value="([0-9a-f]{64})"/.exec(page.body)![1]!;
    const otherOrigin = await request(`${base}/admin/guides`, {
      method: 'POST',
      headers: { ...form, origin: 'https://evil.example' },
      body: `title=T&query=chips&csrf=${csrf}`,
      from: '127.0.4.1',
    });
    assert.deepEqual([noToken.status, wrongToken.status, otherOrigin.status], [403, 403, 403]);
    assert.equal((await listGuides(deps.db)).length, 0);

    const bearer = { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' };
    const malformed = await request(`${base}/admin/guides`, {
      method: 'POST',
      headers: bearer,
      body: '{"title": "T", "query": ',
      from: '127.0.4.2',
    });
    const notObject = await request(`${base}/admin/guides`, {
      method: 'POST',
      headers: bearer,
      body: '["T"]',
      from: '127.0.4.2',
    });
    const missing = await request(`${base}/admin/sources`, {
      method: 'POST',
      headers: bearer,
      body: '{"name": "No URL"}',
      from: '127.0.4.2',
    });
    const badQuery = await request(`${base}/admin/guides`, {
      method: 'POST',
      headers: bearer,
      body: '{"title": "T", "query": "chips AND ("}',
      from: '127.0.4.2',
    });
    for (const a of [malformed, notObject, missing, badQuery]) {
      assert.equal(a.status, 400, a.body);
      assert.ok((JSON.parse(a.body) as { error: string }).error.length > 5);
    }
    assert.match(malformed.body, /invalid JSON body/);
    assert.match(missing.body, /url/);
    const good = await request(`${base}/admin/guides`, {
      method: 'POST',
      headers: bearer,
      body: '{"title": "Chips", "query": "chips"}',
      from: '127.0.4.2',
    });
    assert.equal(good.status, 200, good.body);
    assert.equal((await listGuides(deps.db)).length, 1);
    report.add({
      case: 'signed-in POST without / with a wrong CSRF token / from another origin',
      expected: '403, nothing changed',
      observed: `${noToken.status}, ${wrongToken.status}, ${otherOrigin.status}`,
    });
    report.add({
      case: 'admin JSON: malformed, not an object, missing url, bad FTS query',
      expected: '400 with a clear error',
      observed:
        `${malformed.status}: "` +
        `${(JSON.parse(malformed.body) as { error: string }).error.slice(0, 40)}…", ` +
        `${notObject.status}, ${missing.status}, ${badQuery.status}; a good one ${good.status}`,
    });
  });

  it('rate-limits pages, search and the API per client address, not /healthz', async () => {
    const hits = [];
    for (let i = 0; i < 25; i++) hits.push(await request(`${base}/api/events?limit=1`, { from: '127.0.5.1' }));
    const statuses = hits.map((h) => h.status);
    const firstRefused = statuses.indexOf(429);
    assert.ok(firstRefused >= 19 && firstRefused <= 21, `first 429 at ${firstRefused}`);
    const refused = hits[firstRefused]!;
    assert.ok(Number(refused.headers['retry-after']) >= 1);
    assert.match((JSON.parse(refused.body) as { error: string }).error, /too many requests/);
    assert.equal(
      (await request(`${base}/search?q=chips`, { from: '127.0.5.1' })).status,
      429,
      'search shares the budget',
    );
    assert.equal((await request(`${base}/articles`, { from: '127.0.5.1' })).status, 429, 'list pages share the budget');
    assert.equal((await request(`${base}/healthz`, { from: '127.0.5.1' })).status, 200, 'monitors are not limited');
    assert.equal(
      (await request(`${base}/api/events?limit=1`, { from: '127.0.5.2' })).status,
      200,
      'another client has its own budget',
    );
    report.add({
      case: '25 API requests from one address (limit 60/min, burst 20)',
      expected: '429 with Retry-After past the burst (pages too); others unaffected',
      observed: `first 429 at request ${firstRefused + 1}, Retry-After ${refused.headers['retry-after']} s; /articles 429, /healthz 200; another address 200`,
    });
  });
});
