import { generateAtomFeed, generateJsonFeed } from 'feedsmith';
import type { EventCard } from './pages/events.js';
import { sourceLabel } from '../store/sources.js';
import { xmlSafeDeep } from '../ingest/xml-chars.js';

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

export function eventsAtom(events: EventCard[], m: FeedMeta): string {
  // Every string made XML-safe: one stored title with a U+0001 must not break the feed for every reader.
  return generateAtomFeed(
    xmlSafeDeep({
      // Percent-encoded so the id is one plain IRI token (no `&` that would force CDATA).
      id: `tag:almanac,2026:feed:${encodeURIComponent(m.selfUrl.replace(/^https?:\/\/[^/]+/, ''))}`,
      title: { value: m.title, type: 'text' },
      updated: m.updated,
      links: [
        { href: m.selfUrl, rel: 'self', type: 'application/atom+xml' },
        { href: m.pageUrl, rel: 'alternate', type: 'text/html' },
      ],
      entries: events.map((e) => ({
        id: tag(e.id),
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

export function eventsJsonFeed(events: EventCard[], m: FeedMeta): string {
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
