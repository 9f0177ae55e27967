import { generateJsonFeed } from 'feedsmith';
import type { EventCardRow } from '../store/event-cards.js';
import { sourceLabel } from '../store/sources.js';
import { xmlSafe } from '../ingest/xml-chars.js';

/**
 * The events list as Atom 1.0 and JSON Feed 1.1, under whatever filter the URL carries.
 * Entry ids are stable tag URIs, so readers do not show an event twice when its title or
 * score changes; `updated` moves when the event does.
 */
export interface FeedMeta {
  title: string;
  selfUrl: string;
  pageUrl: string;
  origin: string;
  updated: Date;
}

const tag = (id: string) => `tag:almanac,2026:event:${id}`;

/** Text for an XML element or attribute: forbidden characters dropped, the five markup characters escaped. */
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
/** Any character either step would change (a forbidden one, a surrogate, a markup one): most strings have none, and are written as they are. */
const TOUCHED = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF&<>"']/;
const esc = (s: string) => (TOUCHED.test(s) ? xmlSafe(s).replace(/[&<>"']/g, (c) => ESCAPES[c]!) : s);

/** An ISO time in toISOString's own form (a real date and time): what the store writes. */
const CANONICAL_ISO = /^(\d{4})-(\d\d)-(\d\d)T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d\.\d{3}Z$/;
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * `new Date(iso).toISOString()`, without the Date when `iso` is already in that form (a
 * feed's 100 times cost 60 microseconds through Date); anything else (another offset, a
 * day past the month's end, which Date rolls over) still goes through Date.
 */
export function isoTime(iso: string): string {
  const m = CANONICAL_ISO.exec(iso);
  if (m) {
    const year = Number(m[1]);
    const month = Number(m[2]);
    const day = Number(m[3]);
    const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
    if (month >= 1 && month <= 12 && day >= 1 && day <= (month === 2 && leap ? 29 : MONTH_DAYS[month - 1]!)) return iso;
  }
  return new Date(iso).toISOString();
}

/**
 * Written directly rather than through feedsmith's generator (its object building and
 * generic serializer were half of a feed request's time): the same elements in the same
 * order, byte for byte (feeds.test.ts compares the two), into one string.
 */
export function eventsAtom(events: EventCardRow[], m: FeedMeta): string {
  // Every string made XML-safe: one stored title with a U+0001 must not break the feed for every reader.
  // Percent-encoded so the id is one plain IRI token (no `&` that would force CDATA).
  const feedId = `tag:almanac,2026:feed:${encodeURIComponent(m.selfUrl.replace(/^https?:\/\/[^/]+/, ''))}`;
  let out =
    '<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">\n' +
    `  <id>${esc(feedId)}</id>\n` +
    `  <link href="${esc(m.selfUrl)}" rel="self" type="application/atom+xml"/>\n` +
    `  <link href="${esc(m.pageUrl)}" rel="alternate" type="text/html"/>\n` +
    `  <title type="text">${esc(m.title)}</title>\n` +
    `  <updated>${m.updated.toISOString()}</updated>\n`;
  const eventUrl = `${m.origin}/events/`;
  for (const e of events) {
    const author = e.primary ? sourceLabel({ name: e.primary.sourceName, author: e.primary.sourceAuthor }) : 'Almanac';
    out += `  <entry>\n    <author>\n      <name>${esc(author)}</name>\n    </author>\n`;
    for (const t of e.topics) out += `    <category term="${esc(t)}"/>\n`;
    out +=
      `    <id>${esc(tag(e.id))}</id>\n` +
      `    <link href="${esc(eventUrl + encodeURIComponent(e.id))}" rel="alternate" type="text/html"/>\n` +
      `    <published>${isoTime(e.firstSeen)}</published>\n` +
      `    <summary type="text">${esc(e.summary || e.title)}</summary>\n` +
      `    <title type="text">${esc(`[${e.significance}] ${e.title}`)}</title>\n` +
      `    <updated>${isoTime(e.lastUpdated)}</updated>\n  </entry>\n`;
  }
  return `${out}</feed>\n`;
}

export function eventsJsonFeed(events: EventCardRow[], m: FeedMeta): string {
  return JSON.stringify(
    generateJsonFeed({
      title: m.title,
      home_page_url: m.pageUrl,
      feed_url: m.selfUrl,
      items: events.map((e) => ({
        id: tag(e.id),
        url: `${m.origin}/events/${encodeURIComponent(e.id)}`,
        title: `[${e.significance}] ${e.title}`,
        content_text: e.summary || e.title,
        date_published: new Date(e.firstSeen),
        date_modified: new Date(e.lastUpdated),
        tags: e.topics,
        authors: [
          { name: e.primary ? sourceLabel({ name: e.primary.sourceName, author: e.primary.sourceAuthor }) : 'Almanac' },
        ],
        _almanac: { significance: e.significance, sources: e.sourceCount },
      })),
    } as never),
    null,
    2,
  );
}
