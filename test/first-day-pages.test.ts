import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { decodeHTML } from 'entities';
import { listEvents } from '../src/store/events.js';
import { createApp } from '../src/web/app.js';
import { relativeTime } from '../src/web/relative-time.js';
import { demoStore } from './demo-store.js';

/** What a new user meets on the pages (issue 42), over a store the real pipeline filled from the demo feeds. */
describe('pages a new user meets', () => {
  let app: ReturnType<typeof createApp>;
  let deps: Awaited<ReturnType<typeof demoStore>>['deps'];

  before(async () => {
    ({ deps } = await demoStore());
    app = createApp({ db: deps.db, clock: deps.clock });
  });

  const page = async (p: string) => {
    const r = await app.request(`http://almanac.test${p}`);
    return { status: r.status, html: await r.text() };
  };
  const text = (html: string) =>
    decodeHTML(html.replace(/<[^>]+>/g, ''))
      .replace(/\s+/g, ' ')
      .trim();

  it('an event has one age, in the same words on the list and on its page', async () => {
    const now = deps.clock.now();
    const events = await listEvents(deps.db, { limit: 30, sort: 'recent' });
    const home = (await page('/')).html;
    let both = 0;
    for (const e of events) {
      const card = new RegExp(
        `<div class="item event">((?:(?!<div class="item event">)[\\s\\S])*?)href="/events/${e.id}"`,
      ).exec(home)?.[1];
      assert.ok(card, `${e.id} is on the home page`);
      const onList = text(/<span class="age">([\s\S]*?)<\/span>/.exec(card)![1]!);
      const onPage = text(
        /<div class="meta head">[\s\S]*?<span class="age">([\s\S]*?)<\/span>/.exec(
          (await page(`/events/${e.id}`)).html,
        )![1]!,
      );
      assert.equal(onPage, onList, e.id);
      const [first, updated] = [relativeTime(e.firstSeen, now), relativeTime(e.lastUpdated, now)];
      assert.equal(onList, first === updated ? updated : `first seen ${first} · updated ${updated}`);
      if (first !== updated) both++;
    }
    assert.ok(both >= 1, 'some event was updated after it was first seen');
  });

  it("an error page has the site's header, says what is wrong, and offers a way back", async () => {
    for (const [path, status, title] of [
      ['/events/no-such', 404, 'No such event'],
      ['/articles/999999', 404, 'No such article'],
      ['/topics/no-such', 404, 'No such topic'],
      ['/guides/no-such', 404, 'No such guide'],
      ['/sources/no-such', 404, 'No such source'],
      ['/nothing/here', 404, 'Not found'],
      ['/digest?since=x', 400, 'Bad period'],
      ['/digest?limit=5000', 400, 'Bad limit'],
      ['/digest?limit=two', 400, 'Bad limit'],
    ] as const) {
      const r = await page(path);
      assert.equal(r.status, status, path);
      assert.match(r.html, /<header class="site">/, path);
      assert.match(r.html, new RegExp(`<h1>${title}</h1>`), path);
      assert.match(r.html, /<a href="\/">← Events<\/a>/, path);
    }
  });

  it('a bad filter in the URL is named with what it takes, in a note, not in the title; the good ones still apply', async () => {
    const r = await page('/?min=abc&sort=score');
    assert.equal(r.status, 200);
    assert.match(r.html, /<title>Events · Almanac<\/title>/);
    assert.match(r.html, /<h1>Events<\/h1>/);
    assert.match(
      r.html,
      /<p class="note">Ignored a filter this page could not read: min=abc: a score from 0 to 10\.<\/p>/,
    );
    assert.doesNotMatch(r.html, /Invalid input|NaN/);
    assert.match(r.html, /<option value="score" selected="">score<\/option>/);
  });

  it('the digest says its period in words and its start in plain UTC', async () => {
    const r = await page('/digest?since=7d');
    const head = text(/<h1>Digest<\/h1>\s*<p class="meta">([\s\S]*?)<\/p>/.exec(r.html)![1]!);
    assert.match(head, /^\d+ events in the last 7 days \(since 15 Nov 2026, 12:00 UTC\), by significance/);
    assert.doesNotMatch(head, /GMT/);
  });

  it('the topics page shows names, not slugs', async () => {
    const r = await page('/topics');
    const rows = [...r.html.matchAll(/<tr><td><a href="\/topics\/([a-z0-9-]+)">([^<]+)<\/a>(.*?)<\/td>/g)];
    assert.ok(rows.length >= 5);
    for (const [, slug, , rest] of rows)
      assert.doesNotMatch(rest!, new RegExp(`>${slug}(<| ·)`), `${slug} is printed under its name`);
  });

  it('search results name the source, not its id', async () => {
    const r = await page('/search?q=model');
    const metas = [...r.html.matchAll(/<div class="meta"><a href="\/sources\/([a-z0-9-]+)">([^<]+)<\/a> · /g)];
    assert.ok(metas.length >= 2, 'articles found');
    for (const [, id, name] of metas) assert.notEqual(name, id);
  });

  it("an article's kind is said in words: a report, an op-ed, or a text too short to tell", async () => {
    const rows = await deps.db.all<{ id: number; kind: string }>(
      `SELECT article_id AS id, kind FROM extractions WHERE kind IN ('news', 'op-ed') ORDER BY article_id LIMIT 20`,
    );
    assert.ok(rows.some((r) => r.kind === 'news') && rows.some((r) => r.kind === 'op-ed'));
    for (const r of rows) {
      const meta = /<section class="extraction"><h2>Extraction<\/h2><p class="meta">([^·<]+) ·/.exec(
        (await page(`/articles/${r.id}`)).html,
      )?.[1];
      assert.equal(meta?.trim(), r.kind === 'news' ? 'report' : 'op-ed', `article ${r.id}`);
    }
  });

  it('search goes on to more matches page by page, and says what a bad page is', async () => {
    const first = (await page('/search?q=model')).html;
    assert.match(first, /<a href="\/search\?q=model&amp;page=2">More matches →<\/a>/);
    assert.doesNotMatch(first, /Better matches/);
    const second = (await page('/search?q=model&page=2')).html;
    assert.match(second, /<a href="\/search\?q=model&amp;page=1">← Better matches<\/a>/);
    const titles = (html: string) => [...html.matchAll(/<h3><a href="([^"]+)"/g)].map((m) => m[1]);
    const [one, two] = [titles(first), titles(second)];
    assert.ok(two.length > 0, 'page 2 has matches');
    assert.deepEqual(
      one.filter((t) => two.includes(t)),
      [],
      'no match on both pages',
    );
    for (const bad of ['0', '6', 'x'])
      assert.equal((await page(`/search?q=model&page=${bad}`)).status, 400, `page=${bad}`);
  });

  it('each quote links to an anchor in the article text, not to a #:~:text= fragment', async () => {
    const ids = (
      await deps.db.all<{ id: number }>(`SELECT article_id AS id FROM extractions WHERE quotes <> '[]'`)
    ).map((r) => r.id);
    let quotes = 0;
    let linked = 0;
    for (const id of ids) {
      const html = (await page(`/articles/${id}`)).html;
      assert.doesNotMatch(html, /:~:text=/);
      const blocks = [...html.matchAll(/<blockquote>([\s\S]*?)<cite>([\s\S]*?)<\/cite><\/blockquote>/g)];
      quotes += blocks.length;
      for (const [, quote, cite] of blocks) {
        const target = /href="#(q\d+)"/.exec(cite!)?.[1];
        if (!target) continue;
        linked++;
        // The anchor is in the article body and starts the quote's text.
        const body = html.slice(html.indexOf('<article class="body">'));
        const at = body.indexOf(`<span class="quote" id="${target}">`);
        assert.ok(at > 0, `article ${id}: no #${target} in the text`);
        const words = text(body.slice(at));
        assert.ok(
          words.startsWith(text(quote!)),
          `article ${id} #${target}: ${words.slice(0, 60)} | ${text(quote!).slice(0, 60)}`,
        );
      }
    }
    assert.ok(quotes >= 10, `${quotes} quotes`);
    assert.equal(linked, quotes, `${linked} of ${quotes} quotes have an anchor in their article`);
  });
});
