import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { generateAtomFeed } from 'feedsmith';
import { XMLParser } from 'fast-xml-parser';
import { xmlSafeDeep } from '../ingest/xml-chars.js';
import { sourceLabel } from '../store/sources.js';
import { eventsAtom, type FeedMeta, isoTime } from './feeds.js';
import type { EventCard } from './pages/events.js';

/** The feed as feedsmith's generator wrote it before eventsAtom wrote it directly: the reference. */
function feedsmithAtom(events: EventCard[], m: FeedMeta): string {
  return generateAtomFeed(
    xmlSafeDeep({
      id: `tag:almanac,2026:feed:${encodeURIComponent(m.selfUrl.replace(/^https?:\/\/[^/]+/, ''))}`,
      title: { value: m.title, type: 'text' },
      updated: m.updated,
      links: [
        { href: m.selfUrl, rel: 'self', type: 'application/atom+xml' },
        { href: m.pageUrl, rel: 'alternate', type: 'text/html' },
      ],
      entries: events.map((e) => ({
        id: `tag:almanac,2026:event:${e.id}`,
        title: { value: `[${e.significance}] ${e.title}`, type: 'text' },
        updated: new Date(e.lastUpdated),
        published: new Date(e.firstSeen),
        summary: { value: e.summary || e.title, type: 'text' },
        links: [{ href: `${m.origin}/events/${encodeURIComponent(e.id)}`, rel: 'alternate', type: 'text/html' }],
        authors: [
          { name: e.primary ? sourceLabel({ name: e.primary.sourceName, author: e.primary.sourceAuthor }) : 'Almanac' },
        ],
        categories: e.topics.map((t) => ({ term: t })),
      })),
    }) as never,
  );
}

const card = (id: string, title: string, summary: string, primary?: EventCard['primary']): EventCard => ({
  id,
  title,
  summary,
  significance: 7,
  factors: {} as EventCard['factors'],
  primaryArticleId: null,
  firstSeen: '2026-03-01T10:00:00.000Z',
  lastUpdated: '2026-03-02T11:30:00.000Z',
  kind: 'news',
  topics: ['ai-chips', 'open-source-ai'],
  entities: [],
  sourceCount: 2,
  articleCount: 3,
  primary,
});

const meta: FeedMeta = {
  title: 'Almanac events (topic ai-chips, score 5+)',
  selfUrl: 'https://almanac.test/feed.atom?min=5&topic=ai-chips',
  pageUrl: 'https://almanac.test/?min=5&topic=ai-chips',
  origin: 'https://almanac.test',
  updated: new Date('2026-03-02T11:30:00.000Z'),
};

describe('eventsAtom', () => {
  it('writes the same bytes as feedsmith for plain text', () => {
    const events = [
      card('e1', 'Chip export rules tighten', 'The rules now cover more chips.', {
        sourceName: 'Reuters',
        sourceAuthor: null,
        url: null,
        sourceId: 'reuters',
      }),
      card('e 2/ü', 'Open weights — a release', ''),
    ];
    assert.equal(eventsAtom(events, meta), feedsmithAtom(events, meta));
    assert.equal(eventsAtom([], meta), feedsmithAtom([], meta));
  });

  it('reads the same as feedsmith for markup and characters XML forbids', () => {
    const hostile = `Tom & Jerry <b>"quoted"</b> 'single' \u0001bell\uFFFE ]]> end`;
    const events = [
      card(`e&<'"`, hostile, hostile, { sourceName: hostile, sourceAuthor: 'A & B', url: null, sourceId: 's' }),
    ];
    const parse = (xml: string) => new XMLParser({ ignoreAttributes: false }).parse(xml);
    assert.deepEqual(
      parse(eventsAtom(events, { ...meta, title: hostile })),
      parse(feedsmithAtom(events, { ...meta, title: hostile })),
    );
    assert.ok(!eventsAtom(events, meta).includes('\u0001'));
    // A forbidden character alone, with no markup beside it, goes too; a surrogate pair stays.
    const bare = eventsAtom([card('e3', 'bell\u0001 \uD83D\uDE00 lone\uD800', 'x')], meta);
    assert.ok(!bare.includes('\u0001') && !bare.includes('lone\uD800') && bare.includes('bell \uD83D\uDE00 lone'));
  });
});

describe('isoTime', () => {
  it("gives what Date gives, without it for the store's own form", () => {
    const times = [
      '2026-03-01T10:00:00.000Z',
      '2024-02-29T23:59:59.999Z',
      '2000-02-29T00:00:00.000Z',
      '0000-01-01T00:00:00.000Z',
      // Date rolls these over or reads them another way: they must go through it.
      '2025-02-29T00:00:00.000Z',
      '1900-02-29T00:00:00.000Z',
      '2026-04-31T12:00:00.000Z',
      '2026-01-01T24:00:00.000Z',
      '2026-03-01T10:00:00Z',
      '2026-03-01T10:00:00.000+02:00',
      '2026-03-01',
    ];
    for (const t of times) assert.equal(isoTime(t), new Date(t).toISOString(), t);
    assert.throws(() => isoTime('not a time'), RangeError);
  });
});
