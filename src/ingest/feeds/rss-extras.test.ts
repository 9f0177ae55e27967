import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseFeed } from './parse.js';
import { needsRssExtras, pairItems, readRssExtras } from './rss-extras.js';
import { expandDeclaredEntities, normalizeRssShape, withoutDoctype } from './prepare.js';

const rss = (channel: string, attrs = '') =>
  `<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" ` +
  `xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd" ` +
  `xmlns:content="http://purl.org/rss/1.0/modules/content/"${attrs}><channel><title>T</title>` +
  `${channel}</channel></rss>`;

describe('RSS elements beyond the specifications', () => {
  it('is not run for plain RSS, whose items carry <author> the standard way', () => {
    assert.equal(
      needsRssExtras(rss('<item><title>a</title><author>me@x.org (Me)</author><category>c</category></item>')),
      false,
    );
    assert.equal(needsRssExtras(rss('<author>Ed</author><item><title>a</title></item>')), true);
    assert.equal(needsRssExtras(rss('<item><body><p>x</p></body></item>')), true);
  });

  it('reads channel <author> and <dc:author>, item <dc:author>', () => {
    const f = parseFeed(
      rss(
        '<author>Example editor (me@example.com)</author><item><title>a</title><dc:author>Jane Roe</dc:author></item>',
      ),
    );
    assert.deepEqual(f.authors, [{ name: 'Example editor', email: 'me@example.com' }]);
    assert.deepEqual(f.items[0]!.authors, [{ name: 'Jane Roe' }]);
    const only = parseFeed(
      '<rss version="2.0"><channel><dc:author xmlns:dc="http://purl.org/dc/elements/1.1/">Ed &lt;ed@x.org&gt;</dc:author></channel></rss>',
    );
    assert.deepEqual(only.authors, [{ name: 'Ed', email: 'ed@x.org' }]);
  });

  it('takes <body>, <xhtml:body> and <fullitem> as full text, resolved and sanitized, with their xml:lang', () => {
    const f = parseFeed(
      rss(
        `<item><title>a</title><body xmlns="http://www.w3.org/1999/xhtml"><p>Hi <a href="/r" onclick="x()">r</a></p></body></item>
<item><fullitem xml:lang="fr">&lt;p&gt;Bonjour&lt;script&gt;x()&lt;/script&gt;&lt;/p&gt;</fullitem></item>
<item><title>c</title><x:body xmlns:x="http://www.w3.org/1999/xhtml"><x:p>Prefixed</x:p></x:body></item>`,
        ' xml:lang="en"',
      ),
      { url: 'https://site.test/feed' },
    );
    assert.equal(f.items.length, 3, 'the item holding only <fullitem> is kept');
    assert.equal(f.items[0]!.contentHtml, '<p>Hi <a href="https://site.test/r">r</a></p>');
    assert.equal(f.items[0]!.language, 'en');
    assert.equal(f.items[1]!.contentHtml, '<p>Bonjour</p>');
    assert.equal(f.items[1]!.language, 'fr');
    assert.equal(f.items[2]!.contentHtml, '<p>Prefixed</p>');
  });

  it('orders <summary> and <description>: the first is the summary, the other the content', () => {
    const a = parseFeed(rss('<item><title>a</title><summary>S</summary><description>D</description></item>')).items[0]!;
    assert.deepEqual([a.summaryHtml, a.contentHtml], ['S', 'D']);
    const b = parseFeed(rss('<item><title>a</title><description>D</description><summary>S</summary></item>')).items[0]!;
    assert.deepEqual([b.summaryHtml, b.contentHtml], ['D', 'S']);
  });

  it('reads <tags>, item iTunes categories (nested) and iTunes images written with url= or as a link', () => {
    const f = parseFeed(
      rss(`<itunes:link rel="image" href="http://img.test/c.png"/><item><title>a</title><tags>one, two</tags><category>three</category>
<itunes:category text="Technology"><itunes:category text="Gadgets"/></itunes:category><itunes:image url="http://img.test/i.png"/></item>`),
    );
    assert.deepEqual(
      f.items[0]!.categories.map((c) => c.term),
      ['one', 'two', 'three', 'Technology', 'Gadgets'],
    );
    assert.equal(f.items[0]!.categories[3]!.scheme, 'http://www.itunes.com/');
    assert.equal(f.items[0]!.image, 'http://img.test/i.png');
    assert.equal(f.image, 'http://img.test/c.png');
  });

  it('pairs items in order, leaves out extras that cannot be lined up', () => {
    const x = readRssExtras(
      rss(
        '<item><title>a</title></item><item><body>b</body></item><item><title>c</title><dc:author>C</dc:author></item>',
      ),
    ).items;
    assert.deepEqual(
      x.map((i) => i.known),
      [true, false, true],
    );
    assert.deepEqual(
      pairItems(['a', 'c'], x).map((p) => [p.item, p.extra?.dcAuthors[0]]),
      [
        ['a', undefined],
        [undefined, undefined],
        ['c', 'C'],
      ],
    );
    assert.deepEqual(
      pairItems(['a'], x).map((p) => [p.item, p.extra]),
      [['a', undefined]],
    );
  });
});

describe('text repairs before parsing', () => {
  it('expands entities declared as plain text only, and drops the internal subset', () => {
    const doc =
      '<!DOCTYPE rss [<!ENTITY id "tag:example.com,"><!ENTITY lol1 "&lol;&lol;"><!ENTITY xxe SYSTEM ' +
      '"file:///etc/passwd"><!ENTITY % p "x">]><rss><channel><item><guid>&id;2006</guid><title>' +
      '&lol1; &xxe;</title></item></channel></rss>';
    const out = expandDeclaredEntities(doc);
    assert.equal(
      out,
      '<rss><channel><item><guid>tag:example.com,2006</guid><title>&lol1; &xxe;</title></item></channel></rss>',
    );
    assert.equal(parseFeed(doc).items[0]!.guid, 'tag:example.com,2006');
  });

  it('caps the expansion', () => {
    const doc = `<!DOCTYPE rss [<!ENTITY big "${'x'.repeat(1000)}">]><rss>${'&big;'.repeat(2000)}</rss>`;
    const out = expandDeclaredEntities(doc);
    assert.ok(out.length < 1_020_000, `grew to ${out.length}`);
    assert.match(out, /&big;/);
  });

  it('finds the DOCTYPE only in the prolog, never inside CDATA', () => {
    const doc = '<rss><item><description><![CDATA[ <!DOCTYPE x> ]]></description></item></rss>';
    assert.equal(withoutDoctype(doc), doc);
  });

  it('reads RSS whose elements are in a prefixed namespace, and items with no <channel>', () => {
    assert.equal(
      normalizeRssShape(
        '<r:rss xmlns:r="http://backend.userland.com/rss2"><r:channel><r:title>T</r:title><dc:title>D</dc:title></r:channel></r:rss>',
        'r:rss',
      ),
      '<rss xmlns:r="http://backend.userland.com/rss2"><channel><title>T</title><dc:title>D</dc:title></channel></rss>',
    );
    const f = parseFeed('<rss><item><title>Loose</title></item></rss>');
    assert.equal(f.items[0]!.title, 'Loose');
  });

  it('xml:lang="" stops the parent language; Content-Language fills in where the document is silent', () => {
    const f = parseFeed(
      '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en"><entry><title>t</title><content type="html" xml:lang="">x</content></entry></feed>',
    );
    assert.equal(f.items[0]!.language, null);
    const g = parseFeed(
      '<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title><entry><title>e</title></entry></feed>',
      { contentLanguage: 'de-DE, en' },
    );
    assert.equal(g.language, 'de-DE');
    assert.equal(g.items[0]!.language, 'de-DE');
  });
});
