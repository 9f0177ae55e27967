import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseFeed } from './parse.js';

/** A date the feed gave and we could not read is left out, and the feed says so (bozo), in every format. */
describe('an unreadable date', () => {
  const feeds = {
    rss:
      '<rss version="2.0"><channel><title>T</title><item><title>A</title><guid>1</guid><pubDate>' +
      'next Tuesday-ish</pubDate></item><item><title>B</title><guid>2</guid><pubDate>Sun, 06 Dec ' +
      '2026 02:08:21 GMT</pubDate></item></channel></rss>',
    atom:
      '<feed xmlns="http://www.w3.org/2005/Atom"><title>T</title><id>urn:t</id><updated>' +
      '2026-12-06T02:08:21Z</updated><entry><title>A</title><id>urn:a</id><published>next ' +
      'Tuesday-ish</published><updated>2026-12-06T02:08:21Z</updated></entry></feed>',
    rdf:
      '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" ' +
      'xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel ' +
      'rdf:about="x"><title>T</title><link>http://x.example/</link></channel><item ' +
      'rdf:about="http://x.example/a"><title>A</title><link>http://x.example/a</link><dc:date>next ' +
      'Tuesday-ish</dc:date></item></rdf:RDF>',
    json: JSON.stringify({
      version: 'https://jsonfeed.org/version/1.1',
      title: 'T',
      items: [{ id: '1', title: 'A', content_text: 'x', date_published: 'next Tuesday-ish' }],
    }),
  };
  for (const [format, doc] of Object.entries(feeds)) {
    it(`${format}: the item has no date, and the feed is bozo with the date named`, () => {
      const feed = parseFeed(doc);
      assert.equal(feed.format, format);
      assert.equal(feed.items[0]!.published, null);
      assert.equal(feed.bozo, true);
      assert.ok(feed.bozoReasons.includes('unreadable date "next Tuesday-ish": left out'), feed.bozoReasons.join('; '));
    });
  }

  it('readable dates leave a well-formed feed alone', () => {
    const feed = parseFeed(feeds.rss.replace('next Tuesday-ish', '2026-12-06T02:08:21Z'));
    assert.equal(feed.bozo, false, feed.bozoReasons.join('; '));
    assert.deepEqual(
      feed.items.map((i) => i.published),
      ['2026-12-06T02:08:21.000Z', '2026-12-06T02:08:21.000Z'],
    );
  });
});
