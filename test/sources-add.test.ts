import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sourcesCommand } from '../src/cli/sources.js';
import { getSource, listSources } from '../src/store/sources.js';
import { startServer, testDeps } from './helpers.js';

/** `almanac sources add <url>` as a new user runs it, on a blog served on loopback. */
describe('sources add', () => {
  let site: Awaited<ReturnType<typeof startServer>>;
  const hosts: string[] = [];
  before(async () => {
    site = await startServer((req, res) => {
      hosts.push(req.headers.host ?? '');
      const base = `http://${req.headers.host}/`;
      if (req.url === '/feed.xml') {
        res.writeHead(200, { 'content-type': 'application/rss+xml' });
        res.end(`<?xml version="1.0"?><rss version="2.0"><channel><title>Field Notes: writing on AI policy</title><link>${base}</link>
          <item><title>One</title><link>${base}one</link><guid>1</guid></item></channel></rss>`);
      } else if (req.url === '/atom') {
        res.writeHead(200, { 'content-type': 'application/atom+xml' });
        res.end(
          `<feed xmlns="http://www.w3.org/2005/Atom"><title>Chip Watch</title><id>urn:x</id>` +
            `<updated>2026-11-01T00:00:00Z</updated><link href="${base}chips/"/></feed>`,
        );
      } else if (req.url === '/domain.xml') {
        // A feed titled by its bare domain (as some outlets' are), its <link> the home page that says the outlet's name.
        res.writeHead(200, { 'content-type': 'application/rss+xml' });
        res.end(`<?xml version="1.0"?><rss version="2.0"><channel><title>www.fieldnotes.example</title><link>${base}</link>
          <item><title>One</title><link>${base}one</link><guid>1</guid></item></channel></rss>`);
      } else if (req.url === '/data.json') {
        // JSON that is no feed: an API's answer.
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{"error":"rate limited"}');
      } else if (req.url === '/jsonlink') {
        // A page announcing, as its feed, JSON that is none.
        res.writeHead(200, { 'content-type': 'text/html' });
        res.end('<html><head><link rel="alternate" type="application/feed+json" href="/data.json"></head></html>');
      } else if (req.url === '/elsewhere') {
        // A page on the host typed, announcing a feed on another private host (localhost).
        res.writeHead(200, { 'content-type': 'text/html' });
        res.end(
          `<html><head><title>Elsewhere</title><link rel="alternate" type="application/rss+xml" ` +
            `href="http://localhost:${new URL(base).port}/feed.xml"></head></html>`,
        );
      } else {
        res.writeHead(200, { 'content-type': 'text/html' });
        res.end(`<!doctype html><html><head><title>Home · Field Notes</title><meta property="og:site_name" content="Field Notes">
          <link rel="alternate" type="application/rss+xml" title="RSS" href="/feed.xml"></head><body>hi</body></html>`);
      }
    });
  });
  after(() => site.close());

  /** Runs the command, returning its exit code and what it printed. */
  async function add(deps: ReturnType<typeof testDeps>, url: string, flags: Record<string, string | boolean> = {}) {
    const lines: string[] = [];
    const log = console.log;
    console.log = (...a: unknown[]) => void lines.push(a.join(' '));
    try {
      const code = await sourcesCommand(deps, ['add', url], { 'allow-private': true, ...flags });
      return { code, out: lines.join('\n') };
    } finally {
      console.log = log;
    }
  }

  it('refuses JSON that is no feed, also when a page announces it, adding nothing', async () => {
    const deps = testDeps();
    await assert.rejects(add(deps, `${site.url}data.json`), /data\.json: not a feed: JSON without a JSON Feed version/);
    await assert.rejects(add(deps, `${site.url}jsonlink`), /data\.json: not a feed: JSON without a JSON Feed version/);
    assert.deepEqual(await listSources(deps.db), []);
    await deps.db.close();
  });

  it("names a feed added by its URL after the feed's own title, not its host", async () => {
    const deps = testDeps();
    const r = await add(deps, `${site.url}atom`);
    assert.equal(r.code, 0);
    const [s] = await listSources(deps.db);
    assert.equal(s!.name, 'Chip Watch');
    assert.equal(s!.id, 'chip-watch');
    assert.equal(s!.homeUrl, `${site.url}chips/`);
    assert.match(r.out, /^added chip-watch: Chip Watch </);
    await deps.db.close();
  });

  it("names a feed titled by its bare domain after its site's name", async () => {
    const deps = testDeps();
    const r = await add(deps, `${site.url}domain.xml`);
    assert.equal(r.code, 0);
    const [s] = await listSources(deps.db);
    assert.equal(s!.name, 'Field Notes');
    await deps.db.close();
  });

  it("names a feed found on a web page after the feed, with an id from the site's name", async () => {
    const deps = testDeps();
    const r = await add(deps, site.url);
    assert.equal(r.code, 0);
    const [s] = await listSources(deps.db);
    assert.equal(s!.name, 'Field Notes: writing on AI policy');
    assert.equal(s!.id, 'field-notes');
    assert.equal(s!.feedUrl, `${site.url}feed.xml`);
    assert.match(r.out, /\(found on http:\/\/127\.0\.0\.1:\d+\/\)$/);
    await deps.db.close();
  });

  it("says a feed is already followed, by its URL or its site's, and changes nothing", async () => {
    const deps = testDeps();
    assert.equal((await add(deps, `${site.url}feed.xml`, { name: 'My name', tier: '1' })).code, 0);
    const before = await listSources(deps.db);
    for (const url of [`${site.url}feed.xml`, site.url]) {
      const r = await add(deps, url, { name: 'Another name', tier: '3' });
      assert.equal(r.code, 0);
      assert.match(
        r.out,
        /^already following my-name: My name <http:\/\/127\.0\.0\.1:\d+\/feed\.xml>; nothing changed$/,
      );
      assert.doesNotMatch(r.out, /added/);
    }
    assert.deepEqual(await listSources(deps.db), before);
    assert.equal((await getSource(deps.db, 'my-name'))!.tier, 1);
    await deps.db.close();
  });

  it('refuses a feed announced on a private host other than the one typed, and reads nothing from it', async () => {
    const deps = testDeps();
    hosts.length = 0;
    // --allow-private covers the host typed only (issue 43): the announced feed is refused at add time.
    await assert.rejects(
      add(deps, `${site.url}elsewhere`),
      /a private address on another host; --allow-private covers only the host you typed/,
    );
    assert.equal((await listSources(deps.db)).length, 0);
    assert.ok(
      hosts.every((h) => h.startsWith('127.0.0.1:')),
      hosts.join(', '),
    );
    await deps.db.close();
  });
});
