import type { Db } from '../store/db.js';
import { greatest, value } from '../store/sql/query.js';

/**
 * A guide's overview without a model: the span it covers, then the lead sentence of
 * each of its most significant events, highest first. Reads the top events through the
 * guide_events index, so it costs the same for a guide of ten events or ten thousand.
 * An overview written by the LLM (see review.ts) is kept until the model writes again.
 */
export const OVERVIEW_EVENTS = 3;

const DAY = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

export function leadSentence(text: string): string {
  const t = text.trim();
  const m = /^(.{20,}?[.!?])(?=\s+["“A-Z0-9])/.exec(t);
  return (m ? m[1]! : t).trim();
}

export async function localOverview(db: Db, slug: string): Promise<string> {
  const g = await db.get<{ title: string; event_count: number; last_event_at: string | null }>('SELECT title, event_count, last_event_at FROM guides WHERE slug = ?', [slug]);
  if (!g || !g.event_count) return '';
  const first = (await value<string>(db, 'SELECT MIN(first_seen) FROM guide_events WHERE guide_slug = ?', [slug]))!;
  const leads: string[] = [];
  // The guide's most significant events (as topGuideEvents orders them), with their text, in one read.
  const top = await db.all<{ title: string; summary: string }>(`SELECT e.title, e.summary FROM guide_events ge JOIN events e ON e.id = ge.event_id
    WHERE ge.guide_slug = ? ORDER BY ge.significance DESC, ge.first_seen DESC LIMIT ?`, [slug, OVERVIEW_EVENTS]);
  for (const e of top) {
    const lead = leadSentence(e.summary || e.title);
    if (lead && !leads.includes(lead)) leads.push(lead);
  }
  const span = g.event_count === 1 ? `one event, ${DAY.format(new Date(first))}` : `${g.event_count} events from ${DAY.format(new Date(first))} to ${DAY.format(new Date(g.last_event_at ?? first))}`;
  return `${g.title}: ${span}. ${leads.join(' ')}`.trim();
}

/** Store the local overview (unless the model wrote the current one) and the time of the change. */
export async function refreshGuideOverview(db: Db, slug: string, at: string): Promise<void> {
  const by = await value<string>(db, 'SELECT overview_by FROM guides WHERE slug = ?', [slug]);
  if (by === undefined) return;
  if (by === 'llm') await db.run(`UPDATE guides SET updated_at = ${greatest(db, 'updated_at', '?')} WHERE slug = ?`, [at, slug]);
  else await db.run(`UPDATE guides SET overview = ?, updated_at = ${greatest(db, 'updated_at', '?')} WHERE slug = ?`, [await localOverview(db, slug), at, slug]);
}
