import assert from 'node:assert/strict';
import { XMLParser, XMLValidator } from 'fast-xml-parser';

/**
 * The "MUST" rules of RFC 4287 (Atom 1.0) and JSON Feed 1.1 that a generator can break,
 * checked on our own output: well-formed XML in the Atom namespace; feed and every entry
 * carry exactly one id (an absolute IRI), one title and one RFC 3339 `updated`; every
 * entry has an author (or the feed does) and either content or an alternate link;
 * at most one alternate link per type. JSON Feed: version URL, title, items with string
 * ids and content_html or content_text, RFC 3339 dates.
 */
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const IRI = /^[a-z][a-z0-9+.-]*:\S+$/i;

export function assertAtomValid(xml: string): void {
  assert.equal(XMLValidator.validate(xml), true, 'Atom feed is not well-formed XML');
  const doc = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    trimValues: false,
    isArray: (n) => ['entry', 'link', 'author', 'category', 'id', 'title', 'updated'].includes(n),
  }).parse(xml) as Record<string, any>;
  const feed = doc['feed'];
  assert.ok(feed, 'root element is not <feed>');
  assert.equal(feed['@xmlns'], 'http://www.w3.org/2005/Atom');
  const one = (el: Record<string, any>, name: string, where: string) => {
    const v = el[name];
    assert.ok(Array.isArray(v) && v.length === 1, `${where} must have exactly one <${name}>`);
    return typeof v[0] === 'object' ? String(v[0]['#text'] ?? '') : String(v[0]);
  };
  const checkCommon = (el: Record<string, any>, where: string) => {
    assert.match(one(el, 'id', where).trim(), IRI, `${where} id is not an IRI`);
    assert.equal(one(el, 'id', where), one(el, 'id', where).trim(), `${where} id has surrounding whitespace`);
    one(el, 'title', where);
    assert.match(one(el, 'updated', where), RFC3339, `${where} updated is not RFC 3339`);
    const alternates = ((el['link'] ?? []) as Array<Record<string, string>>).filter(
      (l) => (l['@rel'] ?? 'alternate') === 'alternate',
    );
    const types = alternates.map((l) => `${l['@type'] ?? ''}|${l['@hreflang'] ?? ''}`);
    assert.equal(new Set(types).size, types.length, `${where} has two alternate links of one type`);
  };
  checkCommon(feed, 'feed');
  const feedHasAuthor = Array.isArray(feed['author']) && feed['author'].length > 0;
  for (const [i, e] of ((feed['entry'] ?? []) as Array<Record<string, any>>).entries()) {
    const where = `entry ${i + 1}`;
    checkCommon(e, where);
    assert.ok(
      feedHasAuthor || (Array.isArray(e['author']) && e['author'].every((a: any) => a.name)),
      `${where} has no author`,
    );
    assert.ok(
      e['content'] !== undefined ||
        ((e['link'] ?? []) as Array<Record<string, string>>).some((l) => (l['@rel'] ?? 'alternate') === 'alternate'),
      `${where} has neither content nor an alternate link`,
    );
    if (e['published'] !== undefined)
      assert.match(String(e['published']), RFC3339, `${where} published is not RFC 3339`);
  }
}

export function assertJsonFeedValid(f: Record<string, any>): void {
  assert.equal(f['version'], 'https://jsonfeed.org/version/1.1');
  assert.equal(typeof f['title'], 'string');
  assert.ok(Array.isArray(f['items']), 'items is not an array');
  for (const [i, it] of (f['items'] as Array<Record<string, any>>).entries()) {
    assert.equal(typeof it['id'], 'string', `item ${i + 1} id is not a string`);
    assert.ok(
      typeof it['content_html'] === 'string' || typeof it['content_text'] === 'string',
      `item ${i + 1} has no content`,
    );
    for (const k of ['date_published', 'date_modified'])
      if (it[k] !== undefined) assert.match(it[k], RFC3339, `item ${i + 1} ${k}`);
    for (const k of ['url', 'external_url']) if (it[k] !== undefined) assert.match(it[k], IRI);
  }
}
