import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { serve } from '@hono/node-server';
import { parseDocument } from 'htmlparser2';
import type { ChildNode, Element } from 'domhandler';
import { chromium, type Browser } from 'playwright-core';
import { sharedDataDir } from '../../eval/shared-data.js';
import { parseFeed } from '../../src/ingest/feeds/parse.js';
import { fetchDueSources } from '../../src/pipeline/fetch-sources.js';
import { processPending } from '../../src/pipeline/process.js';
import { upsertSource } from '../../src/store/sources.js';
import { createApp } from '../../src/web/app.js';
import { startServer, testDeps } from '../helpers.js';
import { Report } from './report.js';
import { rss, rssItem } from './server.js';
import { XSS_LINKS, XSS_VECTORS } from './xss-vectors.js';
import { column } from '../../src/store/sql/query.js';

/**
 * The XSS vectors of a public list go in through every field a feed controls (title,
 * summary, content, author, link), through the real pipeline, and out through every page
 * that shows them, rendered by real Chromium with our Content-Security-Policy removed (so
 * the sanitizer and the escaping are what is tested, not the CSP). Nothing may run: no
 * dialog, no script request, and no live script left in the DOM (handlers, javascript:
 * URLs, script elements, CSS expressions, refreshes).
 */
const CHROMIUM = '/usr/bin/chromium';
const report = new Report('xss', 'Bad content: XSS through every field, and the feed suite’s sanitizer cases');
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const SAFE_SCHEME = /^(https?:|mailto:|#|\/|\?|$)/i;
const URL_ATTRS = new Set([
  'href',
  'src',
  'action',
  'formaction',
  'background',
  'data',
  'dynsrc',
  'lowsrc',
  'poster',
  'xlink:href',
  'cite',
  'srcdoc',
]);
const DANGEROUS_TAGS = new Set([
  'script',
  'style',
  'object',
  'embed',
  'applet',
  'form',
  'input',
  'button',
  'meta',
  'link',
  'base',
  'frame',
  'frameset',
  'svg',
  'math',
  'xss',
]);
const IFRAME_HOSTS = /^https:\/\/(www\.youtube\.com|www\.youtube-nocookie\.com|player\.vimeo\.com)\//;

/** Unsafe constructs left in a fragment of sanitized HTML (parsed as a browser would, HTML mode). */
export function unsafeIn(html: string): string[] {
  const found: string[] = [];
  const walk = (nodes: ChildNode[]) => {
    for (const n of nodes) {
      if (n.type !== 'tag' && n.type !== 'script' && n.type !== 'style') continue;
      const el = n as Element;
      const name = el.name.toLowerCase();
      if (DANGEROUS_TAGS.has(name)) found.push(`<${name}>`);
      if (name === 'iframe' && !IFRAME_HOSTS.test(el.attribs['src'] ?? ''))
        found.push(`<iframe src=${el.attribs['src']}>`);
      for (const [k, v] of Object.entries(el.attribs)) {
        const key = k.toLowerCase();
        if (key.startsWith('on')) found.push(`${name}[${key}]`);
        if (key === 'style') found.push(`${name}[style]`);
        if (URL_ATTRS.has(key) && !SAFE_SCHEME.test(v.replace(/[\u0000-\u0020]/g, '')))
          found.push(`${name}[${key}=${v.slice(0, 30)}]`);
      }
      walk(el.children);
    }
  };
  walk(parseDocument(html, { decodeEntities: true }).children);
  return found;
}

describe('bad content', () => {
  after(() => report.print());

  it('the feed suite’s sanitizer cases: no unsafe construct survives our sanitizer', (t) => {
    const dir = join(sharedDataDir(), 'feeds', 'feedparser', 'wellformed', 'sanitize');
    if (!existsSync(dir)) return t.skip(`${dir} absent: the public data sets live in ../shared/data`);
    let files = 0;
    let fields = 0;
    const survivors: string[] = [];
    for (const f of readdirSync(dir).filter((x) => x.endsWith('.xml'))) {
      files++;
      let feed;
      try {
        feed = parseFeed(readFileSync(join(dir, f)), { url: 'http://127.0.0.1/feed.xml' });
      } catch {
        continue; // not a feed: nothing of it is stored or shown
      }
      const html = [
        feed.titleHtml,
        feed.subtitleHtml,
        feed.rightsHtml,
        ...feed.items.flatMap((i) => [i.titleHtml, i.summaryHtml, i.contentHtml]),
      ];
      for (const h of html) {
        if (!h) continue;
        fields++;
        for (const u of unsafeIn(h)) survivors.push(`${f}: ${u}`);
      }
    }
    assert.ok(files > 700, `${files} files`);
    assert.deepEqual(survivors, []);
    report.add({
      case: `feedparser sanitize cases (${files} files, ${fields} HTML fields)`,
      expected: 'no script, handler, style or unsafe URL',
      observed: `${survivors.length} unsafe constructs survived`,
    });
  });

  describe('in real Chromium', {
    skip: existsSync(CHROMIUM) ? false : `${CHROMIUM} not installed (apt-get install chromium; .ci/run does)`,
  }, () => {
    let browser: Browser;
    let base: string;
    let closeApp: () => Promise<void>;
    let deps: ReturnType<typeof testDeps>;

    before(async () => {
      // A feed whose every field carries a vector; words around them so extraction has text to work on.
      const items = XSS_VECTORS.map((v, k) =>
        rssItem({
          guid: `xss-${k}`,
          title: esc(`Lab ships model ${k} ${v}`),
          link: esc(k < XSS_LINKS.length ? XSS_LINKS[k]! : `http://127.0.0.1:9/xss/${k}`),
          author: esc(`eve@x.example (${v} Eve ${k})`),
          body: esc(
            `<p>The lab said on Tuesday that model ${k} is released with open weights for ` +
              `researchers. ${v}</p><p>"It is our best model yet," said Dana ${k}, who leads the ` +
              `team. ${v} Regulators in Brussels will review the release next month.</p>`,
          ),
        }),
      );
      const feeds = await startServer((_req, res) => {
        res.writeHead(200, { 'content-type': 'application/rss+xml' });
        res.end(rss(items));
      });
      deps = testDeps();
      await upsertSource(
        deps.db,
        {
          id: 'xss',
          name: 'Hostile <script>alert(1)</script> Source',
          author: '<img src=x onerror=alert(1)>',
          allowPrivate: true,
          fulltext: 'never',
          feedUrl: `${feeds.url}feed.xml`,
        },
        deps.clock.now(),
      );
      await fetchDueSources(deps);
      await feeds.close();
      await processPending(deps);
      const server = serve({
        fetch: createApp({ db: deps.db, clock: deps.clock }).fetch,
        port: 0,
        hostname: '127.0.0.1',
      });
      await new Promise((r) => server.once('listening', r));
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      closeApp = () => new Promise<void>((r) => server.close(() => r()));
      browser = await chromium.launch({
        executablePath: CHROMIUM,
        args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
      });
    });
    after(async () => {
      await browser?.close();
      await closeApp?.();
    });

    it('no vector runs on any page that shows them, with scripts enabled and the CSP taken off', {
      timeout: 180_000,
    }, async () => {
      const db = deps.db;
      const articles = await column<number>(db, `SELECT id FROM articles WHERE source_id = 'xss'`);
      const events = await column<string>(db, 'SELECT id FROM events');
      const guides = await column<string>(db, 'SELECT slug FROM guides');
      assert.equal(articles.length, XSS_VECTORS.length, 'every item was stored');
      const paths = [
        '/',
        '/articles',
        '/sources',
        '/sources/xss',
        '/topics',
        '/guides',
        '/digest',
        '/search?q=model',
        '/search?q=alert',
        '/search?q=script',
        ...articles.map((id) => `/articles/${id}`),
        ...events.map((id) => `/events/${encodeURIComponent(id)}`),
        ...guides.map((g) => `/guides/${g}`),
      ];

      const ctx = await browser.newContext({ javaScriptEnabled: true });
      const dialogs: string[] = [];
      const scriptRequests: string[] = [];
      let cspSeen = 0;
      // Take our CSP off so that only sanitizing and escaping stand between a vector and the page.
      await ctx.route('**/*', async (route) => {
        const req = route.request();
        if (!req.url().startsWith(base)) {
          if (['script', 'document', 'object', 'xhr', 'fetch', 'websocket'].includes(req.resourceType()))
            scriptRequests.push(`${req.resourceType()} ${req.url()}`);
          return route.abort();
        }
        const res = await route.fetch();
        const headers = { ...res.headers() };
        if (headers['content-security-policy']) cspSeen++;
        delete headers['content-security-policy'];
        return route.fulfill({ response: res, headers });
      });
      const page = await ctx.newPage();
      page.on('dialog', (d) => {
        dialogs.push(`${page.url()}: ${d.message()}`);
        void d.dismiss();
      });
      const domProblems: string[] = [];
      // A control page with a live vector: proves the detectors below do fire.
      await page.route(`${base}/__control`, (route) =>
        route.fulfill({
          status: 200,
          contentType: 'text/html',
          body: '<p>control</p><img src="/nope" onerror="alert(1)"><a href="javascript:alert(2)">x</a>',
        }),
      );
      const checkPage = async (p: string) => {
        const r = await page.goto(`${base}${p}`);
        assert.equal(r?.status(), 200, p);
        await page.waitForLoadState('load');
        // Hover and focus everything, and open every <details>: handlers that wait for a user would fire now.
        await page.evaluate(() => {
          for (const el of Array.from(document.querySelectorAll('body *'))) {
            for (const type of ['mouseover', 'mouseenter', 'focus', 'click', 'toggle']) {
              if (type === 'click' && el.tagName === 'A') continue;
              el.dispatchEvent(new Event(type, { bubbles: true }));
            }
          }
        });
        await page.waitForTimeout(20);
        const found = await page.evaluate(() => {
          const bad: string[] = [];
          for (const el of Array.from(document.querySelectorAll('*'))) {
            const tag = el.tagName.toLowerCase();
            if (['script', 'object', 'embed', 'applet', 'base', 'frame', 'frameset'].includes(tag))
              bad.push(`<${tag}>`);
            if (tag === 'meta' && el.getAttribute('http-equiv')) bad.push('<meta http-equiv>');
            if (
              tag === 'iframe' &&
              !/^https:\/\/(www\.youtube\.com|www\.youtube-nocookie\.com|player\.vimeo\.com)\//.test(
                el.getAttribute('src') ?? '',
              )
            )
              bad.push('<iframe>');
            for (const a of Array.from(el.attributes)) {
              const v = a.value.replace(/[\u0000-\u0020]/g, '').toLowerCase();
              if (a.name.toLowerCase().startsWith('on')) bad.push(`${tag}[${a.name}]`);
              if (/^(javascript|vbscript|data):/.test(v) && !(tag === 'img' && v.startsWith('data:image/')))
                bad.push(`${tag}[${a.name}=${v.slice(0, 20)}]`);
              if (a.name === 'style' && /expression|javascript|url\(/.test(v)) bad.push(`${tag}[style]`);
            }
          }
          return bad;
        });
        return found;
      };
      const control = await checkPage('/__control');
      await page.waitForTimeout(100);
      assert.equal(dialogs.length, 1, 'the control vector ran and was seen');
      assert.deepEqual(control, ['img[onerror]', 'a[href=javascript:alert(2)]']);
      dialogs.length = 0;
      cspSeen = 0;
      for (const p of paths) for (const f of await checkPage(p)) domProblems.push(`${p}: ${f}`);
      await ctx.close();
      assert.deepEqual(dialogs, [], 'no vector ran');
      assert.deepEqual(scriptRequests, [], 'no script, frame or object was requested from elsewhere');
      assert.deepEqual(domProblems, []);
      assert.equal(cspSeen, paths.length, 'every page is served with a CSP (taken off here on purpose)');
      report.add({
        case: `${XSS_VECTORS.length} OWASP vectors × title, summary, content, author; ${XSS_LINKS.length} hostile links`,
        expected: 'nothing runs in Chromium (scripts on, CSP off)',
        observed: `${paths.length} pages: ${dialogs.length} dialogs, ${scriptRequests.length} script requests, ${domProblems.length} live handlers/URLs`,
      });
    });

    it('the stored HTML and text carry no vector either', async () => {
      const rows = await column<string>(deps.db, `SELECT html FROM articles WHERE source_id = 'xss'`);
      const survivors = rows.flatMap((h) => unsafeIn(h));
      assert.deepEqual(survivors, []);
      const links = await column<unknown>(
        deps.db,
        `SELECT url FROM articles WHERE source_id = 'xss' AND url IS NOT NULL AND url NOT LIKE 'http%'`,
      );
      assert.deepEqual(links, [], 'only http(s) links are stored');
      report.add({
        case: 'stored article HTML and links',
        expected: 'sanitized before storage',
        observed: `${rows.length} articles, ${survivors.length} unsafe constructs, ${links.length} non-http links`,
      });
    });
  });
});
