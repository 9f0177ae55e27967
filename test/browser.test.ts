import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { serve } from '@hono/node-server';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createApp } from '../src/web/app.js';
import { demoStore } from './demo-store.js';

/**
 * The web app in real Chromium (Debian's package; .ci/run installs it), on a store the
 * real pipeline filled from the demo feeds: follow event → related event → article →
 * topic, use the filters and search, and save screenshots of the event and article pages
 * (desktop and phone, light and dark) under test-artifacts/.
 */
const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = join(import.meta.dirname, '..', 'test-artifacts');

describe('the web app in Chromium', {
  skip: existsSync(CHROMIUM) ? false : `${CHROMIUM} not installed (apt-get install chromium; .ci/run does)`,
}, () => {
  let browser: Browser;
  let base: string;
  let close: () => Promise<void>;

  before(async () => {
    const { deps } = await demoStore();
    const server = serve({
      fetch: createApp({ db: deps.db, clock: deps.clock }).fetch,
      port: 0,
      hostname: '127.0.0.1',
    });
    await new Promise((r) => server.once('listening', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    close = () => new Promise<void>((r) => server.close(() => r()));
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
    mkdirSync(ARTIFACTS, { recursive: true });
  });
  after(async () => {
    await browser?.close();
    await close?.();
  });

  const newPage = async (opts: { width?: number; height?: number; dark?: boolean } = {}): Promise<Page> => {
    const ctx = await browser.newContext({
      viewport: { width: opts.width ?? 1280, height: opts.height ?? 900 },
      colorScheme: opts.dark ? 'dark' : 'light',
      javaScriptEnabled: false,
    });
    return ctx.newPage();
  };

  it('follows event → related event → article → topic, without JavaScript', async () => {
    const page = await newPage();
    await page.goto(`${base}/`);
    const cards = page.locator('.item.event');
    assert.ok((await cards.count()) >= 10);
    const firstScore = Number(await cards.first().locator('.score').textContent());
    assert.ok(firstScore >= 1 && firstScore <= 10);
    await cards.first().locator('h3 a').click();
    await page.waitForURL(/\/events\//);
    assert.match(
      (await page.locator('h2').allTextContents()).join('|'),
      /Why \d+ of 10.*Coverage.*Related guides \(\d+\).*Related events \(\d+\)/s,
    );
    // Its guide, and back to the event through the guide's timeline.
    const eventUrl = page.url();
    const guide = page.locator('ul.guides a').first();
    const guideTitle = (await guide.textContent())!.trim();
    await guide.click();
    await page.waitForURL(/\/guides\//);
    assert.equal((await page.locator('h1').textContent())!.trim(), guideTitle);
    await page.locator(`ol.timeline a[href="${new URL(eventUrl).pathname}"]`).click();
    await page.waitForURL(eventUrl);
    const related = page.locator('.item.event h3 a');
    assert.ok((await related.count()) >= 1, 'the event has related events');
    const relatedTitle = (await related.first().textContent())!.trim();
    await related.first().click();
    await page.waitForLoadState();
    assert.equal((await page.locator('h1').textContent())!.trim(), relatedTitle);
    await page.locator('.item.member h3 a').first().click();
    await page.waitForURL(/\/articles\//);
    assert.ok(await page.getByRole('heading', { name: 'Extraction' }).isVisible());
    const topic = page.locator('.extraction a.topic').first();
    // The link names the topic in words; its address carries the slug.
    const slug = decodeURIComponent((await topic.getAttribute('href'))!.replace(/^\/topics\//, ''));
    await topic.click();
    await page.waitForURL(new RegExp(`/topics/${slug}$`));
    assert.ok((await page.locator('.item.event').count()) >= 1);
    assert.equal(await page.locator('svg.spark').count(), 1);
  });

  it('filters live in the URL and narrow the list; search highlights matches', async () => {
    const page = await newPage();
    await page.goto(`${base}/`);
    await page.selectOption('select[name=min]', '7');
    await page.selectOption('select[name=sort]', 'score');
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.waitForURL(/min=7/);
    assert.match(page.url(), /sort=score/);
    const scores = (await page.locator('.item.event .score').allTextContents()).map(Number);
    assert.ok(scores.length >= 1 && scores.every((s) => s >= 7), scores.join(','));
    assert.deepEqual(
      [...scores].sort((a, b) => b - a),
      scores,
    );
    await page.goto(`${base}/search?q=export+controls`);
    assert.ok((await page.locator('mark').count()) >= 1);
  });

  it("renders in the stylesheet's fonts, not the browser's default serif", async () => {
    const page = await newPage();
    for (const path of ['/', '/search?q=model', '/topics']) {
      await page.goto(`${base}${path}`);
      const body = await page.locator('body').evaluate((el) => getComputedStyle(el).fontFamily);
      assert.match(body, /^-apple-system, BlinkMacSystemFont, "Segoe UI", Roboto/, `${path}: ${body}`);
      assert.doesNotMatch(body, /Times/);
    }
  });

  it('shows each search result with a snippet from its own text', async () => {
    const page = await newPage();
    await page.goto(`${base}/search?q=model`);
    const items = page.locator('main .item');
    const seen = { event: 0, claim: 0, article: 0 };
    const norm = (s: string) => s.replace(/\s+/g, ' ').trim();
    const results: Array<{ href: string; snippet: string; kind: keyof typeof seen }> = [];
    for (const item of await items.all()) {
      const link = item.locator('a[href^="/events/"], a[href^="/articles/"]').first();
      const href = (await link.getAttribute('href'))!;
      const kind = href.startsWith('/events/') ? 'event' : (await item.locator('h3').count()) ? 'article' : 'claim';
      results.push({ href, snippet: norm(await item.locator('.snippet').innerText()), kind });
    }
    const snippets = new Set(results.map((r) => r.snippet));
    assert.ok(snippets.size > results.length / 2, `${results.length} results share ${snippets.size} snippets`);
    for (const r of results) {
      await page.goto(`${base}${r.href}`);
      const text = norm(await page.locator('main').innerText());
      // A snippet is pieces of its row's text joined by "…" (and, for claims and quotes, by "¶").
      for (const piece of r.snippet
        .split(/[…¶]/)
        .map((p) => p.trim())
        .filter((p) => p.length > 0)) {
        assert.ok(text.includes(piece), `${r.kind} ${r.href}: "${piece}" is not on its page`);
      }
      seen[r.kind]++;
    }
    assert.ok(seen.event >= 2 && seen.claim >= 2 && seen.article >= 2, JSON.stringify(seen));
  });

  it('saves screenshots of the event, guide and article pages: desktop and phone, light and dark', async () => {
    const shots: string[] = [];
    for (const [name, opts] of [
      ['desktop-light', {}],
      ['desktop-dark', { dark: true }],
      ['phone-light', { width: 390, height: 844 }],
      ['phone-dark', { width: 390, height: 844, dark: true }],
    ] as const) {
      const page = await newPage(opts);
      await page.goto(`${base}/?sort=score`);
      await page.locator('.item.event h3 a').first().click();
      await page.waitForURL(/\/events\//);
      const eventShot = join(ARTIFACTS, `event-${name}.png`);
      await page.screenshot({ path: eventShot, fullPage: true });
      const eventUrl = page.url();
      await page.goto(`${base}/guides/open-source-ai`);
      const guideShot = join(ARTIFACTS, `guide-${name}.png`);
      await page.screenshot({ path: guideShot, fullPage: true });
      shots.push(guideShot);
      await page.goto(eventUrl);
      await page.locator('.item.member h3 a').first().click();
      await page.waitForURL(/\/articles\//);
      const articleShot = join(ARTIFACTS, `article-${name}.png`);
      await page.screenshot({ path: articleShot, fullPage: true });
      // Nothing overflows sideways on a phone.
      const overflow = await page
        .evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
        .catch(() => 0);
      assert.ok(overflow <= 1, `${name}: page is ${overflow}px wider than the viewport`);
      shots.push(eventShot, articleShot);
    }
    for (const s of shots) assert.ok(existsSync(s), s);
  });
});
