import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { passRate, runFeedSuite } from './feed-suite.js';
import { FeedError, parseFeed } from './parse.js';

const RSS = `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Example &amp; Co</title><link>https://example.com/</link><description>d</description>
<item><title>First &lt;b&gt;post&lt;/b&gt;</title><link>/posts/1?utm_source=rss</link><guid isPermaLink="false">id-1</guid>
<pubDate>Thu, 01 Jan 2026 19:48:21 GMT</pubDate><dc:creator>Jane Doe</dc:creator>
<description>Teaser</description>
<content:encoded><![CDATA[<p onclick="x()">Body <a href="/rel">link</a><script>alert(1)</script><img src="javascript:alert(1)"></p>]]></content:encoded></item>
</channel></rss>`;

const ATOM =
  `<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://blog.example.org/"><title type="html">A &lt;i&gt;blog&lt;/i&gt;</title>
<link href="/" rel="alternate"/><updated>2026-01-02T00:00:00Z</updated><id>urn:x</id>
<entry><title>Entry</title><id>urn:e1</id><link href="entries/1" rel="alternate"/><updated>2026-01-02T10:00:00+02:00</updated>
<author><name>Ann</name></author><content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>` +
  `Hello <a href="x.html">there</a></p></div></content></entry></feed>`;

const JSONFEED = JSON.stringify({
  version: 'https://jsonfeed.org/version/1.1',
  title: 'J',
  home_page_url: 'https://j.example/',
  items: [
    {
      id: 'j1',
      url: 'https://j.example/1',
      title: 'One',
      content_text: 'Para one.\n\nPara two.',
      date_published: '2026-02-03T04:05:06Z',
      authors: [{ name: 'Jo' }],
    },
  ],
});

describe('parseFeed', () => {
  it('reads RSS 2.0: entities, relative links, dates, authors, sanitized content', () => {
    const f = parseFeed(Buffer.from(RSS), { url: 'https://example.com/feed.xml' });
    assert.equal(f.format, 'rss');
    assert.equal(f.version, 'rss20');
    assert.equal(f.title, 'Example & Co');
    const item = f.items[0]!;
    assert.equal(item.title, 'First post');
    assert.equal(item.url, 'https://example.com/posts/1?utm_source=rss');
    assert.equal(item.guid, 'id-1');
    assert.equal(item.published, '2026-01-01T19:48:21.000Z');
    assert.deepEqual(item.authors, [{ name: 'Jane Doe' }]);
    assert.match(item.contentHtml, /<a href="https:\/\/example.com\/rel"/);
    assert.doesNotMatch(item.contentHtml, /script|onclick|javascript:/);
  });

  it('reads Atom 1.0 with xml:base and xhtml content', () => {
    const f = parseFeed(ATOM);
    assert.equal(f.version, 'atom10');
    assert.equal(f.title, 'A blog');
    assert.equal(f.link, 'https://blog.example.org/');
    const e = f.items[0]!;
    assert.equal(e.url, 'https://blog.example.org/entries/1');
    assert.equal(e.published, '2026-01-02T08:00:00.000Z');
    assert.match(e.contentHtml, /href="https:\/\/blog.example.org\/x.html"/);
  });

  it('reads JSON Feed 1.1', () => {
    const f = parseFeed(JSONFEED);
    assert.equal(f.format, 'json');
    assert.equal(f.version, 'json11');
    assert.equal(f.items[0]!.contentHtml, '<p>Para one.</p>\n<p>Para two.</p>');
    assert.deepEqual(f.items[0]!.authors, [{ name: 'Jo' }]);
  });

  it('detects the format by content and refuses HTML with a clear error', () => {
    assert.throws(
      () =>
        parseFeed('<!doctype html><html><body>hi</body></html>', {
          url: 'https://x.example/',
          contentType: 'text/html',
        }),
      (e: Error) =>
        e instanceof FeedError && /not a feed \(got HTML, text\/html\) at https:\/\/x.example\//.test(e.message),
    );
    assert.throws(() => parseFeed(''), /empty document/);
    assert.equal(parseFeed(RSS, { contentType: 'text/html' }).format, 'rss');
  });

  it('refuses JSON that is no JSON Feed (an API error, any object), and reads one without a version that has items', () => {
    for (const doc of ['{"a":1}', '{"error":"rate limited"}', '{"items":"none"}'])
      assert.throws(
        () => parseFeed(doc, { url: 'https://x.example/data.json' }),
        (e: Error) => e instanceof FeedError && /not a feed: JSON without a JSON Feed version or items/.test(e.message),
        doc,
      );
    const loose = parseFeed('{"title":"T","items":[{"id":"1","title":"One","content_text":"Text."}]}');
    assert.equal(loose.format, 'json');
    assert.equal(loose.items[0]!.title, 'One');
  });

  it('reads ill-formed XML and says so (bozo)', () => {
    const f = parseFeed('<rss version="2.0"><channel><title>T</title><item><title>A & B</title></item></channel></rss');
    assert.equal(f.bozo, true);
    assert.equal(f.items[0]!.title, 'A & B');
  });

  it('decodes the charset declared in XML or HTTP', () => {
    const latin1 = Buffer.concat([
      Buffer.from('<?xml version="1.0" encoding="iso-8859-1"?><rss version="2.0"><channel><title>caf'),
      Buffer.from([0xe9]),
      Buffer.from('</title></channel></rss>'),
    ]);
    assert.equal(parseFeed(latin1).title, 'café');
    const utf16 = Buffer.from('\ufeff<rss version="2.0"><channel><title>ünï</title></channel></rss>', 'utf16le');
    assert.equal(parseFeed(utf16).title, 'ünï');
  });
});

const dataDir = join(import.meta.dirname, '..', '..', '..', '..', 'shared', 'data', 'feeds');

describe('feedparser public suite', {
  skip: existsSync(dataDir) ? false : `../shared/data/feeds not found at ${dataDir}`,
}, () => {
  it('never crashes, and keeps its pass rate (run `npm run eval:feeds` for the table)', () => {
    const report = runFeedSuite(dataDir);
    const crashes = report.results.filter((r) => r.outcome === 'crash');
    assert.deepEqual(crashes, []);
    const wellformed = passRate(
      [...report.byCategory.entries()]
        .filter(([c]) => c.startsWith('wellformed/') && c !== 'wellformed/sanitize')
        .map(([, r]) => r),
    );
    console.log(
      `feed suite: well-formed field checks ${wellformed.pass}/${wellformed.applicable} = ${(wellformed.rate * 100).toFixed(1)}%`,
    );
    // The goal (95% of well-formed field checks) as a floor against regressions.
    assert.ok(wellformed.rate >= 0.95, `well-formed pass rate fell to ${wellformed.rate}`);
  });
});
