import type { Db } from '../store/db.js';
import { countEventsWhere, listEvents } from '../store/events.js';
import { digestCountWords } from './digest-count.js';
import { sourceLabel } from '../store/sources.js';
import { resolveSince } from './filters.js';
import { cards } from './routes/shared.js';
import type { EventCard } from './pages/events.js';

/**
 * The digest: the events of a period, by score, with their summaries and where to read
 * more. One query, three renderings (Markdown, HTML page, and the JSON of /api/events).
 */
export async function digestEvents(db: Db, since: string, now: Date, limit = 100): Promise<Digest> {
  const from = resolveSince(since, now)!;
  const events = await cards(db, await listEvents(db, { limit, since: from, sort: 'significance' }));
  // The period's whole count only when the limit cut it (counting reads the period again).
  const total = events.length < limit ? events.length : await countEventsWhere(db, { since: from });
  return { from, events, total };
}

/** A digest: its period's start, its events by significance, and how many the period holds (COUNT_CAP + 1: more). */
export interface Digest {
  from: string;
  events: EventCard[];
  total: number;
}

export function digestMarkdown(d: Digest, now: Date, origin = ''): string {
  const words = digestCountWords(d);
  const lines = [
    `# Almanac digest`,
    '',
    `${words[0]!.toUpperCase()}${words.slice(1)} from ` +
      `${d.from.slice(0, 16).replace('T', ' ')} to ` +
      `${now.toISOString().slice(0, 16).replace('T', ' ')} UTC, by significance.`,
    '',
  ];
  for (const e of d.events) {
    const src = e.primary ? sourceLabel({ name: e.primary.sourceName, author: e.primary.sourceAuthor }) : '';
    const link = origin ? `${origin}/events/${encodeURIComponent(e.id)}` : `/events/${encodeURIComponent(e.id)}`;
    lines.push(
      `## [${e.significance}] ${e.title.replace(/\n/g, ' ')}`,
      '',
      `${src}${e.sourceCount > 1 ? ` and ${e.sourceCount - 1} more` : ''} · ${e.topics.join(', ')} · ${link}`,
      '',
      e.summary,
      '',
    );
  }
  if (!d.events.length) lines.push('Nothing happened in this period, or nothing has been processed yet.', '');
  return lines.join('\n');
}
