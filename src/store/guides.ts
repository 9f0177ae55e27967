import type { Db } from './db.js';
import { greatest, listParam, rowsParam, value } from './sql/query.js';

/**
 * Guides: living explainers of one subject (a topic, an entity or a saved full-text
 * query) and the events that belong to them. Membership rows carry the event's
 * significance and date, so a guide's top events and timeline are index reads.
 */
export type SubjectKind = 'topic' | 'entity' | 'query';

export interface Guide {
  slug: string;
  title: string;
  subjectKind: SubjectKind;
  subject: string;
  origin: 'auto' | 'manual';
  overview: string;
  overviewBy: string;
  overviewEvents: number;
  eventCount: number;
  lastEventAt: string | null;
  createdAt: string;
  updatedAt: string;
}

interface Raw {
  slug: string;
  title: string;
  subject_kind: SubjectKind;
  subject: string;
  origin: 'auto' | 'manual';
  overview: string;
  overview_by: string;
  overview_events: number;
  event_count: number;
  last_event_at: string | null;
  created_at: string;
  updated_at: string;
}

const fromRow = (r: Raw): Guide => ({
  slug: r.slug,
  title: r.title,
  subjectKind: r.subject_kind,
  subject: r.subject,
  origin: r.origin,
  overview: r.overview,
  overviewBy: r.overview_by,
  overviewEvents: r.overview_events,
  eventCount: r.event_count,
  lastEventAt: r.last_event_at,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

/** A guide as stored: `overview` is the model's, or empty (readers get theirs from guides/read.ts). */
export async function guideRow(db: Db, slug: string): Promise<Guide | undefined> {
  const r = await db.get<Raw>('SELECT * FROM guides WHERE slug = ?', [slug]);
  return r && fromRow(r);
}

export async function guideForSubject(db: Db, kind: SubjectKind, subject: string): Promise<Guide | undefined> {
  const r = await db.get<Raw>('SELECT * FROM guides WHERE subject_kind = ? AND subject = ?', [kind, subject]);
  return r && fromRow(r);
}

/** One key for a topic or an entity (what guidesForSubjects keys its guides by). */
export const subjectKey = (s: { kind: string; subject: string }): string => `${s.kind}\u0000${s.subject}`;

/** The guides of many subjects at once, keyed by subjectKey. */
export async function guidesForSubjects(
  db: Db,
  subjects: ReadonlyArray<{ kind: SubjectKind; subject: string }>,
): Promise<Map<string, Guide>> {
  const out = new Map<string, Guide>();
  if (!subjects.length) return out;
  // Both columns of the guides_subject index, so each subject is one index lookup.
  const rows = await db.all<Raw>(
    `SELECT * FROM guides WHERE subject_kind IN (${listParam(db, 'text')}) AND subject IN (${listParam(db, 'text')})`,
    [
      JSON.stringify([...new Set(subjects.map((x) => x.kind))]),
      JSON.stringify([...new Set(subjects.map((x) => x.subject))]),
    ],
  );
  const wanted = new Set(subjects.map(subjectKey));
  for (const r of rows) {
    const key = subjectKey({ kind: r.subject_kind, subject: r.subject });
    if (wanted.has(key)) out.set(key, fromRow(r));
  }
  return out;
}

/** Busiest first, as stored (readers get their overviews from guides/read.ts). */
export async function listGuideRows(db: Db, o: { limit?: number; offset?: number } = {}): Promise<Guide[]> {
  return (
    await db.all<Raw>('SELECT * FROM guides ORDER BY event_count DESC, last_event_at DESC, slug LIMIT ? OFFSET ?', [
      o.limit ?? 500,
      o.offset ?? 0,
    ])
  ).map(fromRow);
}

export async function queryGuides(db: Db): Promise<Guide[]> {
  return (await db.all<Raw>(`SELECT * FROM guides WHERE subject_kind = 'query' ORDER BY slug`)).map(fromRow);
}

/** A slug not yet taken: the base, else base-2, base-3… */
export async function freeGuideSlug(db: Db, base: string): Promise<string> {
  const taken = async (slug: string) => !!(await db.get('SELECT 1 FROM guides WHERE slug = ?', [slug]));
  if (!(await taken(base))) return base;
  for (let i = 2; ; i++) if (!(await taken(`${base}-${i}`))) return `${base}-${i}`;
}

export async function insertGuide(
  db: Db,
  g: { slug: string; title: string; subjectKind: SubjectKind; subject: string; origin: 'auto' | 'manual' },
  at: string,
): Promise<void> {
  await db.run(
    `INSERT INTO guides (slug, title, subject_kind, subject, origin, overview, created_at, updated_at) VALUES (?, ?, ?, ?, ?, '', ?, ?)`,
    [g.slug, g.title, g.subjectKind, g.subject, g.origin, at, at],
  );
}

export async function deleteGuide(db: Db, slug: string): Promise<boolean> {
  return (await db.run('DELETE FROM guides WHERE slug = ?', [slug])).changes > 0;
}

/** The guides an event belongs to, best first. */
export async function guidesOfEvent(
  db: Db,
  eventId: string,
): Promise<Array<{ slug: string; title: string; relevance: number; eventCount: number }>> {
  return await db.all<{ slug: string; title: string; relevance: number; eventCount: number }>(
    `SELECT g.slug, g.title, ge.relevance, g.event_count AS "eventCount" FROM guide_events ge JOIN guides g ON g.slug = ge.guide_slug
    WHERE ge.event_id = ? ORDER BY ge.relevance DESC, g.event_count DESC, g.slug`,
    [eventId],
  );
}

export interface GuideEventRef {
  eventId: string;
  significance: number;
  firstSeen: string;
  addedAt: string;
  relevance: number;
}

const refCols = 'event_id AS "eventId", significance, first_seen AS "firstSeen", added_at AS "addedAt", relevance';

/**
 * The guide's most significant events, highest first (then the latest first sighting, then
 * the event id): read from guide_top, which keeps each guide's best 20 to 40 (migration 021),
 * so the cost does not grow with the guide. Should it hold fewer than asked while the guide has more
 * (many of its best taken away since the guide last took an event), they are ordered from the
 * memberships instead. `eventCount`: the guide's, where the caller holds its row.
 */
export async function topGuideEvents(
  db: Db,
  slug: string,
  limit: number,
  eventCount?: number,
): Promise<GuideEventRef[]> {
  const held = await db.all<GuideEventRef>(
    `SELECT ge.event_id AS "eventId", ge.significance, ge.first_seen AS "firstSeen", ge.added_at AS "addedAt", ge.relevance FROM guide_top t
    JOIN guide_events ge ON ge.guide_slug = t.guide_slug AND ge.first_seen = t.first_seen AND ge.event_id = t.event_id
    WHERE t.guide_slug = ? ORDER BY t.significance DESC, t.first_seen DESC, t.event_id DESC LIMIT ?`,
    [slug, limit],
  );
  if (held.length >= limit) return held;
  // The guide's size as the caller read it with the guide, else from its row.
  const all =
    eventCount ??
    Number((await db.get<{ n: number }>('SELECT event_count AS n FROM guides WHERE slug = ?', [slug]))?.n ?? 0);
  if (held.length >= all) return held;
  return await db.all<GuideEventRef>(
    `SELECT ${refCols} FROM guide_events WHERE guide_slug = ? ORDER BY significance DESC, first_seen DESC, event_id DESC LIMIT ?`,
    [slug, limit],
  );
}

/** When the guide's earliest event was first seen (undefined for a guide with none). */
export async function guideFirstSeen(db: Db, slug: string): Promise<string | undefined> {
  return await value<string>(db, 'SELECT MIN(first_seen) FROM guide_events WHERE guide_slug = ?', [slug]);
}

/** Record that guides changed (slug → when): their updated_at moves forward, in one statement. */
export async function touchGuides(db: Db, touched: ReadonlyMap<string, string>): Promise<void> {
  if (!touched.size) return;
  await db.run(
    `UPDATE guides SET updated_at = ${greatest(db, 'guides.updated_at', 't.at')}
    FROM (${rowsParam(db, [
      ['slug', 'text'],
      ['at', 'text'],
    ])}) AS t WHERE guides.slug = t.slug`,
    [JSON.stringify([...touched].map(([slug, at]) => ({ slug, at })))],
  );
}

/** The guide's events, newest first (index read). */
export async function guideTimeline(db: Db, slug: string, limit: number, offset = 0): Promise<GuideEventRef[]> {
  return await db.all<GuideEventRef>(
    `SELECT ${refCols} FROM guide_events WHERE guide_slug = ? ORDER BY first_seen DESC LIMIT ? OFFSET ?`,
    [slug, limit, offset],
  );
}
