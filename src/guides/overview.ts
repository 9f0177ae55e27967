import type { Db } from '../store/db.js';
import { eventTitles } from '../store/event-reads.js';
import { guideFirstSeen, guideTimeline, type Guide } from '../store/guides.js';

/**
 * A guide's overview without a model: one sentence of what it covers (its subject, how many
 * events, over what span), then its most significant recent events as a dated list, one line
 * each (date · event title · score), newest first. Each line is an event's own title, so the
 * overview never strings together sentences of unrelated summaries. Read from the guide's
 * latest events (an index read of RECENT_EVENTS), so it costs the same for a guide of ten
 * events or ten thousand. An overview written by the LLM (see review.ts) is stored, and shown
 * until the model writes again.
 */
export const OVERVIEW_EVENTS = 5;
/** How far back "recent" reaches: the guide's latest this many events. */
export const RECENT_EVENTS = 20;

const DAY = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
/** A day as overviews write it: "22 Aug 2026". */
export const dayLabel = (iso: string) => DAY.format(new Date(iso));

export interface LatestEvent {
  eventId: string;
  /** When the event was first seen (ISO). */
  at: string;
  title: string;
  significance: number;
}

export interface LocalOverview {
  /** The sentence saying what the guide covers. */
  scope: string;
  latest: LatestEvent[];
}

/** What the guide covers, in one sentence: its subject, how many events, over what span. */
function scopeSentence(
  g: Pick<Guide, 'title' | 'subjectKind' | 'subject' | 'eventCount' | 'lastEventAt'>,
  first: string,
): string {
  const matching = g.subjectKind === 'query' ? ` matching \u201c${g.subject}\u201d` : '';
  return g.eventCount === 1
    ? `${g.title}: one event${matching}, ${DAY.format(new Date(first))}.`
    : `${g.title}: ${g.eventCount} events${matching} from ${DAY.format(new Date(first))} to ${DAY.format(new Date(g.lastEventAt ?? first))}.`;
}

/**
 * The parts of the overview shown when the model has not written one: made when read, from
 * the guide's row and two index reads, so ingest never rewrites it (a batch touches hundreds
 * of guides, and most are never read before they change again).
 */
export async function localOverviewParts(
  db: Db,
  g: Pick<Guide, 'slug' | 'title' | 'subjectKind' | 'subject' | 'eventCount' | 'lastEventAt'>,
): Promise<LocalOverview | undefined> {
  if (!g.eventCount) return undefined;
  const first = await guideFirstSeen(db, g.slug);
  if (!first) return undefined;
  // The most significant of the latest events (ties to the newer), then listed newest first.
  const recent = (await guideTimeline(db, g.slug, RECENT_EVENTS))
    .map((r, i) => ({ r, i }))
    .sort((x, y) => y.r.significance - x.r.significance || x.i - y.i)
    .slice(0, OVERVIEW_EVENTS)
    .sort((x, y) => x.i - y.i)
    .map((x) => x.r);
  const titles = await eventTitles(
    db,
    recent.map((r) => r.eventId),
  );
  const latest = recent.flatMap((r) => {
    const title = titles.get(r.eventId)?.trim();
    return title ? [{ eventId: r.eventId, at: r.firstSeen, title, significance: r.significance }] : [];
  });
  return { scope: scopeSentence(g, first), latest };
}

/** One line of the list: "22 Aug 2026 · Claude gets a voice mode · 7". */
export const latestLine = (e: LatestEvent) => `${dayLabel(e.at)} \u00b7 ${e.title} \u00b7 ${e.significance}`;

/** The local overview as text: the scope sentence, then one line per event. */
export async function localOverview(
  db: Db,
  g: Pick<Guide, 'slug' | 'title' | 'subjectKind' | 'subject' | 'eventCount' | 'lastEventAt'>,
): Promise<string> {
  const o = await localOverviewParts(db, g);
  if (!o) return '';
  return o.latest.length
    ? `${o.scope} Its most significant recent events:\n${o.latest.map(latestLine).join('\n')}`
    : o.scope;
}

/** The overview a reader sees: the model's while it has written one, else the local one. */
export async function currentOverview(db: Db, g: Guide): Promise<string> {
  return g.overviewBy === 'llm' && g.overview ? g.overview : localOverview(db, g);
}
