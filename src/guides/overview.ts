import type { Db } from '../store/db.js';
import { topGuideEvents, type Guide } from '../store/guides.js';
import { greatest, listParam, rowsParam, value } from '../store/sql/query.js';

/**
 * A guide's overview without a model: the span it covers, then the lead sentence of
 * each of its most significant events, highest first. Reads the top events from guide_top
 * (topGuideEvents), so it costs the same for a guide of ten events or ten thousand.
 * An overview written by the LLM (see review.ts) is stored, and shown until the model writes again.
 */
export const OVERVIEW_EVENTS = 3;

const DAY = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

export function leadSentence(text: string): string {
  const t = text.trim();
  const m = /^(.{20,}?[.!?])(?=\s+["“A-Z0-9])/.exec(t);
  return (m ? m[1]! : t).trim();
}

/**
 * The overview shown when the model has not written one: made when read, from the guide's
 * row and two index reads, so ingest never rewrites it (a batch touches hundreds of guides,
 * and most are never read before they change again).
 */
export async function localOverview(db: Db, g: Pick<Guide, 'slug' | 'title' | 'eventCount' | 'lastEventAt'>): Promise<string> {
  if (!g.eventCount) return '';
  const first = await value<string>(db, 'SELECT MIN(first_seen) FROM guide_events WHERE guide_slug = ?', [g.slug]);
  if (!first) return '';
  const leads: string[] = [];
  // The guide's most significant events, then their text.
  const ids = (await topGuideEvents(db, g.slug, OVERVIEW_EVENTS, g.eventCount)).map((r) => r.eventId);
  const text = new Map((await db.all<{ id: string; title: string; summary: string }>(`SELECT id, title, summary FROM events WHERE id IN (${listParam(db, 'text')})`,
    [JSON.stringify(ids)])).map((e) => [e.id, e]));
  for (const e of ids.flatMap((id) => text.get(id) ?? [])) {
    const lead = leadSentence(e.summary || e.title);
    if (lead && !leads.includes(lead)) leads.push(lead);
  }
  const span = g.eventCount === 1 ? `one event, ${DAY.format(new Date(first))}` : `${g.eventCount} events from ${DAY.format(new Date(first))} to ${DAY.format(new Date(g.lastEventAt ?? first))}`;
  return `${g.title}: ${span}. ${leads.join(' ')}`.trim();
}

/** The overview a reader sees: the model's while it has written one, else the local one. */
export async function currentOverview(db: Db, g: Guide): Promise<string> {
  return g.overviewBy === 'llm' && g.overview ? g.overview : localOverview(db, g);
}

/** Record that guides changed (slug → when): their updated_at moves forward, in one statement. */
export async function touchGuides(db: Db, touched: ReadonlyMap<string, string>): Promise<void> {
  if (!touched.size) return;
  await db.run(`UPDATE guides SET updated_at = ${greatest(db, 'guides.updated_at', 't.at')}
    FROM (${rowsParam(db, [['slug', 'text'], ['at', 'text']])}) AS t WHERE guides.slug = t.slug`, [JSON.stringify([...touched].map(([slug, at]) => ({ slug, at })))]);
}
