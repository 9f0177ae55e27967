import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { adminActions } from '../src/cli/pipeline.js';
import { countArticles } from '../src/store/articles.js';
import { listSources } from '../src/store/sources.js';
import { createApp } from '../src/web/app.js';
import { demoFeedServer } from './demo-store.js';
import { testDeps } from './helpers.js';

const TOKEN = 'correct horse battery staple';
const ORIGIN = 'http://almanac.test';

describe('the admin area', () => {
  let feeds: Awaited<ReturnType<typeof demoFeedServer>>;
  let deps: ReturnType<typeof testDeps>;
  let app: ReturnType<typeof createApp>;
  let cookie = '';
  let csrf = '';

  before(async () => {
    feeds = await demoFeedServer();
    deps = testDeps({ allowPrivate: true });
    app = createApp({ db: deps.db, clock: deps.clock, admin: adminActions(deps, TOKEN) });
  });
  after(() => feeds.close());

  /** The note the admin page shows after a change's redirect, as done=… or error=…. */
  const flash = async (r: Response) => {
    assert.equal(r.status, 303);
    assert.equal(r.headers.get('location'), '/admin');
    const note = /^almanac_admin_note=[^;]*/.exec(r.headers.get('set-cookie') ?? '')?.[0];
    assert.ok(note, 'a note is left for the page');
    const page = await (await app.request(`${ORIGIN}/admin`, { headers: { cookie: `${cookie}; ${note}` } })).text();
    return [...page.matchAll(/<p class="(ok|bad)" role="(?:status|alert)">([^<]*)<\/p>/g)]
      .map((m) => `${m[1] === 'ok' ? 'done' : 'error'}=${m[2]}`)
      .join('&');
  };

  const form = (path: string, fields: Record<string, string>, headers: Record<string, string> = {}) =>
    app.request(`${ORIGIN}${path}`, {
      method: 'POST',
      body: new URLSearchParams(fields),
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: ORIGIN, ...headers },
    });

  it('is off without a token', async () => {
    const off = createApp({ db: deps.db, clock: deps.clock });
    assert.equal((await off.request(`${ORIGIN}/admin`)).status, 404);
    assert.equal((await off.request(`${ORIGIN}/admin/sources`, { method: 'POST' })).status, 404);
  });

  it('refuses every action without the token, and changes nothing', async () => {
    assert.equal((await app.request(`${ORIGIN}/admin`)).status, 401);
    const r = await form('/admin/sources', { url: `${feeds.base}demo/feeds/interconnects.xml` });
    assert.equal(r.status, 401);
    assert.equal((await form('/admin/refetch', {})).status, 401);
    assert.equal(
      (await form('/admin/sources', { url: 'https://x.example/feed' }, { authorization: 'Bearer wrong' })).status,
      401,
    );
    assert.equal((await listSources(deps.db)).length, 0);
    const wrong = await form('/admin/login', { token: 'guess' });
    assert.equal(wrong.status, 401);
    assert.equal(wrong.headers.get('set-cookie'), null);
  });

  it('signs in with the token: an HttpOnly, SameSite=Strict cookie, and forms carrying a CSRF token', async () => {
    const r = await form('/admin/login', { token: TOKEN });
    assert.equal(r.status, 303);
    const set = r.headers.get('set-cookie')!;
    assert.match(set, /HttpOnly/);
    assert.match(set, /SameSite=Strict/);
    assert.match(set, /Path=\/admin/);
    cookie = set.split(';')[0]!;
    const page = await (await app.request(`${ORIGIN}/admin`, { headers: { cookie } })).text();
    csrf = /name="csrf" value="([0-9a-f]{64})"/.exec(page)![1]!;
  });

  it('checks CSRF: no token, a wrong one, or another origin gets 403 and changes nothing', async () => {
    const url = `${feeds.base}demo/feeds/interconnects.xml`;
    assert.equal((await form('/admin/sources', { url }, { cookie })).status, 403);
    assert.equal((await form('/admin/sources', { url, csrf: 'f'.repeat(64) }, { cookie })).status, 403);
    assert.equal((await form('/admin/sources', { url, csrf }, { cookie, origin: 'https://evil.example' })).status, 403);
    assert.equal((await listSources(deps.db)).length, 0);
  });

  it('adds a source from a site or feed URL, refetches it now, and removes it', async () => {
    const add = await form(
      '/admin/sources',
      { url: `${feeds.base}demo/feeds/interconnects.xml`, tier: '2', kind: 'newsletter', csrf },
      { cookie },
    );
    assert.equal(add.status, 303);
    assert.match(await flash(add), /done=added /);
    const [s] = await listSources(deps.db);
    assert.ok(s);
    assert.equal(s.tier, 2);
    await deps.db.run('UPDATE sources SET allow_private = 1');
    const re = await form(`/admin/sources/${s.id}/refetch`, { csrf }, { cookie });
    assert.equal(re.status, 303);
    assert.match(await flash(re), /fetched 1 source: \d+ new articles/);
    assert.ok((await countArticles(deps.db)) >= 1);
    const bad = await form('/admin/sources', { url: 'not a url', tier: '7', csrf }, { cookie });
    const msg = await flash(bad);
    assert.match(msg, /error=.*url: a feed or site URL/);
    assert.match(msg, /tier/);
    const rm = await form(`/admin/sources/${s.id}/remove`, { csrf }, { cookie });
    assert.match(await flash(rm), /done=removed/);
    assert.equal((await listSources(deps.db)).length, 0);
  });

  it('shows a note once, and never one a link put in the URL', async () => {
    const forged = await (
      await app.request(`${ORIGIN}/admin?error=Your+session+expired.+Sign+in+at+evil.example&done=ok`, {
        headers: { cookie },
      })
    ).text();
    assert.doesNotMatch(forged, /evil\.example|role="alert"|role="status"/);
    const r = await form('/admin/refetch', { csrf }, { cookie });
    assert.match(await flash(r), /done=fetched/);
    const note = /^almanac_admin_note=[^;]*/.exec(r.headers.get('set-cookie') ?? '')![0];
    const shown = await app.request(`${ORIGIN}/admin`, { headers: { cookie: `${cookie}; ${note}` } });
    assert.match(shown.headers.get('set-cookie') ?? '', /almanac_admin_note=;.*Max-Age=0/);
    const garbled = await app.request(`${ORIGIN}/admin`, { headers: { cookie: `${cookie}; almanac_admin_note=%%%` } });
    assert.equal(garbled.status, 200);
    assert.doesNotMatch(await garbled.text(), /role="alert"/);
  });

  it('imports OPML as an uploaded file, and says what was wrong with a bad one', async () => {
    const opml =
      `<?xml version="1.0"?><opml version="2.0"><head><title>t</title></head><body>
      <outline type="rss" text="Lab One" xmlUrl="https://one.example/feed.xml"/><outline type="rss" ` +
      `text="Lab Two" xmlUrl="https://two.example/feed.xml"/></body></opml>`;
    const body = new FormData();
    body.set('csrf', csrf);
    body.set('file', new File([opml], 'feeds.opml', { type: 'text/xml' }));
    const r = await app.request(`${ORIGIN}/admin/opml`, { method: 'POST', body, headers: { cookie, origin: ORIGIN } });
    assert.equal(r.status, 303);
    assert.match(await flash(r), /imported 2 of 2 feeds/);
    const bad = await form('/admin/opml', { opml: '<html>not opml</html>', csrf }, { cookie });
    assert.match(await flash(bad), /error=/);
    assert.equal((await listSources(deps.db)).length, 2);
  });

  it('adds a guide, and takes the bearer token from scripts (JSON answers, no cookie, no CSRF form field)', async () => {
    const r = await form(
      '/admin/guides',
      { title: 'Lab news', query: 'lab' },
      { authorization: `Bearer ${TOKEN}`, origin: '' },
    );
    assert.equal(r.status, 200);
    assert.match(((await r.json()) as { message: string }).message, /added guide lab-news/);
    const bad = await form(
      '/admin/guides',
      { title: 'Broken', query: 'a AND (' },
      { authorization: `Bearer ${TOKEN}` },
    );
    assert.equal(bad.status, 400);
    assert.match(((await bad.json()) as { error: string }).error, /not valid full-text syntax/);
  });
});
