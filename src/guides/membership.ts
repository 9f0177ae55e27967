import { slugify } from '../analyze/topics.js';
import type { Db } from '../store/db.js';
import { freeGuideSlug, guideForSubject, insertGuide, queryGuides, type Guide } from '../store/guides.js';
import { topicLabelOf } from '../store/topics.js';
import { GuideError } from '../store/guides.js';
import { refreshGuideOverview } from './overview.js';

/**
 * Keeps guides in step with events, one event at a time: called by refreshEvent inside
 * its transaction. The cost is bounded by the event's own subjects (at most six topics
 * and twelve entities) and the number of saved-query guides, never by a guide's history:
 * membership is an upsert, counts follow by trigger, the overview reads the top events
 * through an index.
 */
export interface GuideSettings {
  /** A topic or entity gets its guide once this many events name it… */
  minEvents: number;
  /** …covered by at least this many distinct sources. */
  minSources: number;
}

export const DEFAULT_GUIDE_SETTINGS: GuideSettings = { minEvents: 3, minSources: 2 };

/** Entity types that make a guide; places are too broad to explain ("China", "Europe"). */
const GUIDE_ENTITY_TYPES = new Set(['organization', 'person', 'product', 'law']);

export interface EventSubjects {
  topics: readonly string[];
  entities: ReadonlyArray<{ name: string; type: string; weight: number }>;
}

/** How strongly an event is about each of its subjects: topics by rank, entities by weight relative to the strongest. */
export function subjectWeights(s: EventSubjects): Array<{ kind: 'topic' | 'entity'; subject: string; type?: string; weight: number }> {
  const maxW = Math.max(1e-9, ...s.entities.map((e) => e.weight));
  return [
    ...s.topics.map((t, i) => ({ kind: 'topic' as const, subject: t, weight: round(1 / (1 + 0.5 * i)) })),
    ...s.entities.map((e) => ({ kind: 'entity' as const, subject: e.name, type: e.type, weight: round(e.weight / maxW) })),
  ];
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/** Replace an event's rows in event_subjects (the index behind topic and entity lookups). */
export function syncEventSubjects(db: Db, eventId: string, s: EventSubjects): void {
  db.prepare('DELETE FROM event_subjects WHERE event_id = ?').run(eventId);
  // The week it is counted in for the topics page's sparklines (see migration 007).
  const week = (db.prepare('SELECT CAST(unixepoch(last_updated) / 604800 AS INTEGER) FROM events WHERE id = ?').pluck().get(eventId) as number | null) ?? 0;
  const ins = db.prepare('INSERT INTO event_subjects (kind, subject, event_id, weight, week) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO UPDATE SET weight = max(weight, excluded.weight)');
  for (const w of subjectWeights(s)) ins.run(w.kind, w.subject, eventId, w.weight, week);
}

/** Does a saved query match this event (its title and summary, through FTS5)? */
function queryMatches(db: Db, query: string, eventRowid: number): boolean {
  try {
    return !!db.prepare('SELECT 1 FROM events_fts WHERE events_fts MATCH ? AND rowid = ?').get(query, eventRowid);
  } catch {
    return false; // checked when the guide was added; a later FTS change must not break the pipeline
  }
}

/**
 * Put the event in every guide it belongs to and take it out of the ones it left;
 * create the guides whose subject this event makes busy enough. Returns the guides touched.
 * With `overviewsLater`, the touched guides (and the latest time each was touched) are
 * collected there for the caller to rewrite their overviews once, instead of one by one.
 */
export function updateGuidesForEvent(db: Db, eventId: string, settings: GuideSettings = DEFAULT_GUIDE_SETTINGS, overviewsLater?: Map<string, string>): string[] {
  const ev = db.prepare(`SELECT rowid, significance, first_seen, last_updated, topics, entities, title FROM events WHERE id = ?`).get(eventId) as
    | { rowid: number; significance: number; first_seen: string; last_updated: string; topics: string; entities: string; title: string }
    | undefined;
  const target = new Map<string, number>();
  if (ev && ev.title) {
    const subjects = subjectWeights({ topics: JSON.parse(ev.topics), entities: JSON.parse(ev.entities) });
    for (const s of subjects) {
      if (s.kind === 'entity' && !GUIDE_ENTITY_TYPES.has(s.type ?? '')) continue;
      const g = guideForSubject(db, s.kind, s.subject) ?? maybeCreateGuide(db, s.kind, s.subject, settings, ev.last_updated);
      if (g) target.set(g.slug, Math.max(target.get(g.slug) ?? 0, s.weight));
    }
    for (const q of queryGuides(db)) if (queryMatches(db, q.subject, ev.rowid)) target.set(q.slug, Math.max(target.get(q.slug) ?? 0, 0.8));
  }
  const current = db.prepare('SELECT guide_slug FROM guide_events WHERE event_id = ?').pluck().all(eventId) as string[];
  // Every guide the event is in is touched (a new member or summary changes it even when its row does not move), and every guide it left.
  const touched = new Set<string>(target.keys());
  const del = db.prepare('DELETE FROM guide_events WHERE guide_slug = ? AND event_id = ?');
  for (const slug of current) if (!target.has(slug)) (del.run(slug, eventId), touched.add(slug));
  if (ev) {
    const upsert = db.prepare(`INSERT INTO guide_events (guide_slug, event_id, relevance, significance, first_seen, added_at) VALUES (?, ?, ?, ?, ?, ?)
      ON CONFLICT(guide_slug, event_id) DO UPDATE SET relevance = excluded.relevance, significance = excluded.significance, first_seen = excluded.first_seen
      WHERE relevance <> excluded.relevance OR significance <> excluded.significance OR first_seen <> excluded.first_seen`);
    for (const [slug, relevance] of target) upsert.run(slug, eventId, relevance, ev.significance, ev.first_seen, ev.last_updated);
  }
  const at = ev?.last_updated ?? new Date(0).toISOString();
  if (overviewsLater) for (const slug of touched) overviewsLater.set(slug, [overviewsLater.get(slug) ?? '', at].sort()[1]!);
  else for (const slug of touched) refreshGuideOverview(db, slug, at);
  return [...touched];
}

/** Create the guide of a topic or an entity when it has crossed the activity threshold; backfill its events. */
function maybeCreateGuide(db: Db, kind: 'topic' | 'entity', subject: string, settings: GuideSettings, at: string): Guide | undefined {
  const n = db.prepare('SELECT COUNT(*) FROM (SELECT 1 FROM event_subjects WHERE kind = ? AND subject = ? LIMIT ?)').pluck().get(kind, subject, settings.minEvents) as number;
  if (n < settings.minEvents) return undefined;
  // Distinct sources over the subject's latest events (bounded, so a busy one-source subject stays cheap to re-check).
  const sources = db.prepare(`SELECT COUNT(DISTINCT a.source_id) FROM (SELECT es.event_id FROM event_subjects es JOIN events e ON e.id = es.event_id
      WHERE es.kind = ? AND es.subject = ? ORDER BY e.last_updated DESC LIMIT 50) s
    JOIN event_articles ea ON ea.event_id = s.event_id JOIN articles a ON a.id = ea.article_id`).pluck().get(kind, subject) as number;
  if (sources < settings.minSources) return undefined;
  const title = kind === 'topic' ? topicLabelOf(db, subject) : subject;
  const slug = freeGuideSlug(db, slugify(subject) || 'guide');
  insertGuide(db, { slug, title, subjectKind: kind, subject, origin: 'auto' }, at);
  backfillGuide(db, slug);
  return guideForSubject(db, kind, subject);
}

/**
 * Fill a guide's membership from scratch: from event_subjects for a topic or an entity,
 * through FTS5 for a saved query. Once per guide (creation, a topic merge, `guides rebuild`).
 */
export function backfillGuide(db: Db, slug: string): number {
  const g = db.prepare('SELECT subject_kind, subject FROM guides WHERE slug = ?').get(slug) as { subject_kind: string; subject: string } | undefined;
  if (!g) throw new GuideError(`no guide "${slug}"`);
  db.prepare('DELETE FROM guide_events WHERE guide_slug = ?').run(slug);
  let n: number;
  if (g.subject_kind === 'query') {
    n = db.prepare(`INSERT INTO guide_events (guide_slug, event_id, relevance, significance, first_seen, added_at)
      SELECT ?, e.id, 0.8, e.significance, e.first_seen, e.last_updated FROM events_fts f JOIN events e ON e.rowid = f.rowid
      WHERE events_fts MATCH ? AND e.title <> ''`).run(slug, g.subject).changes;
  } else {
    n = db.prepare(`INSERT INTO guide_events (guide_slug, event_id, relevance, significance, first_seen, added_at)
      SELECT ?, e.id, es.weight, e.significance, e.first_seen, e.last_updated FROM event_subjects es JOIN events e ON e.id = es.event_id
      WHERE es.kind = ? AND es.subject = ? AND e.title <> ''`).run(slug, g.subject_kind, g.subject).changes;
  }
  const at = (db.prepare('SELECT MAX(added_at) FROM guide_events WHERE guide_slug = ?').pluck().get(slug) as string | null) ?? new Date().toISOString();
  refreshGuideOverview(db, slug, at);
  return n;
}

/** Check a full-text query before a guide is saved with it: a clear message instead of an FTS5 error later. */
export function checkGuideQuery(db: Db, query: string): void {
  if (!query.trim()) throw new GuideError('the query is empty');
  try {
    db.prepare('SELECT COUNT(*) FROM events_fts WHERE events_fts MATCH ?').get(query);
  } catch (e) {
    throw new GuideError(`the query "${query}" is not valid full-text syntax (${(e as Error).message}); use words, "quoted phrases", AND, OR, NOT and parentheses`);
  }
}

/** Add a guide by hand for a saved query. */
export function addManualGuide(db: Db, g: { title: string; query: string; slug?: string }, at: string): Guide {
  const title = g.title.trim();
  if (!title) throw new GuideError('a guide needs a title');
  checkGuideQuery(db, g.query);
  const existing = guideForSubject(db, 'query', g.query);
  if (existing) throw new GuideError(`guide "${existing.slug}" already follows the query ${JSON.stringify(g.query)}`);
  if (g.slug !== undefined && !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(g.slug)) throw new GuideError(`"${g.slug}" is not a kebab-case slug`);
  if (g.slug && db.prepare('SELECT 1 FROM guides WHERE slug = ?').get(g.slug)) throw new GuideError(`a guide "${g.slug}" exists already`);
  const slug = g.slug ?? freeGuideSlug(db, slugify(title) || 'guide');
  db.transaction(() => {
    insertGuide(db, { slug, title, subjectKind: 'query', subject: g.query, origin: 'manual' }, at);
    backfillGuide(db, slug);
  })();
  return guideForSubject(db, 'query', g.query)!;
}

/** After topic `from` was merged into `into`: one guide for `into`, rebuilt from the merged rows. */
export function afterTopicMerge(db: Db, from: string, into: string, settings: GuideSettings = DEFAULT_GUIDE_SETTINGS): void {
  const old = guideForSubject(db, 'topic', from);
  const target = guideForSubject(db, 'topic', into);
  if (old && target) db.prepare('DELETE FROM guides WHERE slug = ?').run(old.slug);
  else if (old) {
    db.prepare('UPDATE guides SET subject = ?, title = ? WHERE slug = ?').run(into, topicLabelOf(db, into), old.slug);
    // The guide takes the canonical slug when it is free, so /guides/<topic> keeps working.
    if (!db.prepare('SELECT 1 FROM guides WHERE slug = ?').get(into)) db.prepare('UPDATE guides SET slug = ? WHERE slug = ?').run(into, old.slug);
  }
  const g = guideForSubject(db, 'topic', into);
  if (g) backfillGuide(db, g.slug);
  else {
    const anyEvent = db.prepare(`SELECT event_id FROM event_subjects WHERE kind = 'topic' AND subject = ? LIMIT 1`).pluck().get(into) as string | undefined;
    if (anyEvent) updateGuidesForEvent(db, anyEvent, settings);
  }
}
