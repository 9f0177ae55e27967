import type { Db } from '../store/db.js';
import { listEvents } from '../store/events.js';
import { sourceLabel } from '../store/sources.js';
import { resolveSince } from './filters.js';
import { cards } from './routes/shared.js';
import type { EventCard } from './pages/events.js';

/**
 * The digest: the events of a period, by score, with their summaries and where to read
 * more. One query, three renderings (Markdown, HTML page, and the JSON of /api/events).
 */
export async function digestEvents(
  db: Db,
  since: string,
  now: Date,
  limit = 100,
): Promise<{ from: string; events: EventCard[] }> {
  const from = resolveSince(since, now)!;
  return { from, events: await cards(db, await listEvents(db, { limit, since: from, sort: 'significance' })) };
}

export function digestMarkdown(d: { from: string; events: EventCard[] }, now: Date, origin = ''): string {
  const lines = [
    `# Almanac digest`,
    '',
    `${d.events.length} event${d.events.length === 1 ? '' : 's'} from ` +
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
