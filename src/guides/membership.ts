import { slugify } from '../analyze/topics.js';
import type { Db } from '../store/db.js';
import { listParam, rowsParam, value } from '../store/sql/query.js';
import {
  freeGuideSlug,
  guideForSubject,
  guidesForSubjects,
  insertGuide,
  queryGuides,
  subjectKey,
  type Guide,
} from '../store/guides.js';
import { topicLabelOf } from '../store/topics.js';
import { GuideError } from './guide-error.js';
import { touchGuides } from '../store/guides.js';

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
export function subjectWeights(
  s: EventSubjects,
): Array<{ kind: 'topic' | 'entity'; subject: string; type?: string; weight: number }> {
  const maxW = Math.max(1e-9, ...s.entities.map((e) => e.weight));
  return [
    ...s.topics.map((t, i) => ({ kind: 'topic' as const, subject: t, weight: round(1 / (1 + 0.5 * i)) })),
    ...s.entities.map((e) => ({
      kind: 'entity' as const,
      subject: e.name,
      type: e.type,
      weight: round(e.weight / maxW),
    })),
  ];
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/**
 * Bring an event's rows in event_subjects (the index behind topic and entity lookups) to
 * these subjects. Only what differs is written: a growing event is refreshed with every
 * article and mostly keeps its subjects, and each row written also moves a count in
 * subject_weeks (by trigger). Each column is set only where it moved: SQLite rewrites the
 * entry of every index on a column an UPDATE names, even to the same value, so a weight
 * that moved (in no index) leaves the recent-events index (kind, subject, week) untouched.
 */
export async function syncEventSubjects(
  db: Db,
  eventId: string,
  s: EventSubjects & { lastUpdated?: string },
): Promise<void> {
  // The week it is counted in for the topics page's sparklines (see migration 007).
  const lastUpdated =
    s.lastUpdated ?? (await value<string>(db, 'SELECT last_updated FROM events WHERE id = ?', [eventId]));
  const week = lastUpdated ? Math.floor(Date.parse(lastUpdated) / 1000 / 604_800) : 0;
  const rows = new Map<string, { kind: string; subject: string; weight: number }>();
  for (const w of subjectWeights(s)) {
    const key = subjectKey(w);
    if (!rows.has(key) || rows.get(key)!.weight < w.weight)
      rows.set(key, { kind: w.kind, subject: w.subject, weight: w.weight });
  }
  const stored = await db.all<{ kind: string; subject: string; weight: number; week: number }>(
    'SELECT kind, subject, weight, week FROM event_subjects WHERE event_id = ?',
    [eventId],
  );
  const had = new Map(stored.map((r) => [subjectKey(r), r]));
  const gone = stored.filter((r) => !rows.has(subjectKey(r)));
  const added = [...rows].filter(([key]) => !had.has(key)).map(([, r]) => r);
  const reweighed = [...rows].filter(([key, r]) => had.has(key) && had.get(key)!.weight !== r.weight).map(([, r]) => r);
  const subjectRows = rowsParam(db, [
    ['kind', 'text'],
    ['subject', 'text'],
    ['weight', 'real'],
  ]);
  if (gone.length) {
    await db.run(
      `DELETE FROM event_subjects WHERE event_id = ? AND EXISTS (SELECT 1 FROM (${rowsParam(db, [
        ['kind', 'text'],
        ['subject', 'text'],
      ])}) AS r
      WHERE r.kind = event_subjects.kind AND r.subject = event_subjects.subject)`,
      [eventId, JSON.stringify(gone.map((r) => ({ kind: r.kind, subject: r.subject })))],
    );
  }
  if (added.length) {
    await db.run(
      `INSERT INTO event_subjects (kind, subject, event_id, weight, week)
        SELECT kind, subject, ?, weight, ? FROM (${subjectRows}) AS r WHERE true
      ON CONFLICT (kind, subject, event_id) DO UPDATE SET weight = excluded.weight, week = excluded.week
      WHERE event_subjects.weight <> excluded.weight OR event_subjects.week <> excluded.week`,
      [eventId, week, JSON.stringify(added)],
    );
  }
  if (reweighed.length) {
    await db.run(
      `UPDATE event_subjects SET weight = r.weight FROM (${subjectRows}) AS r
      WHERE event_subjects.event_id = ? AND event_subjects.kind = r.kind AND event_subjects.subject = r.subject AND event_subjects.weight <> r.weight`,
      [JSON.stringify(reweighed), eventId],
    );
  }
  if (stored.some((r) => r.week !== week && rows.has(subjectKey(r)))) {
    await db.run('UPDATE event_subjects SET week = ? WHERE event_id = ? AND week <> ?', [week, eventId, week]);
  }
}

/**
 * Does a saved query match this event (its title and summary)? Through FTS5 on SQLite; on
 * PostgreSQL through the events' tsvector, the query read by websearch_to_tsquery (words,
 * "quoted phrases", or, -word).
 */
async function queryMatches(db: Db, query: string, eventId: string): Promise<boolean> {
  try {
    const sql =
      db.dialect === 'sqlite'
        ? 'SELECT 1 FROM events_fts WHERE events_fts MATCH ? AND rowid = (SELECT rowid FROM events WHERE id = ?)'
        : `SELECT 1 FROM events WHERE search @@ websearch_to_tsquery('english', ?) AND id = ?`;
    // A savepoint: on PostgreSQL a failed statement would otherwise abort the whole transaction.
    return await db.transaction(async (tx) => !!(await tx.get(sql, [query, eventId])));
  } catch {
    return false; // checked when the guide was added; a later FTS change must not break the pipeline
  }
}

/**
 * Put the event in every guide it belongs to and take it out of the ones it left;
 * create the guides whose subject this event makes busy enough. Returns the guides touched.
 * With `touchLater`, the touched guides (and the latest time each was touched) are
 * collected there for the caller to record once per batch, instead of one by one.
 */
export async function updateGuidesForEvent(
  db: Db,
  eventId: string,
  settings: GuideSettings = DEFAULT_GUIDE_SETTINGS,
  touchLater?: Map<string, string>,
  fields?: GuideEventFields,
): Promise<string[]> {
  const ev = fields ?? (await readGuideEventFields(db, eventId));
  const target = new Map<string, number>();
  if (ev && ev.title) {
    const subjects = subjectWeights(ev);
    const eligible = subjects.filter((s) => s.kind !== 'entity' || GUIDE_ENTITY_TYPES.has(s.type ?? ''));
    const existing = await guidesForSubjects(db, eligible);
    const busy = await busySubjects(
      db,
      eligible.filter((s) => !existing.has(subjectKey(s))),
      settings.minEvents,
    );
    for (const s of eligible) {
      const g =
        existing.get(subjectKey(s)) ??
        (busy.has(subjectKey(s)) ? await maybeCreateGuide(db, s.kind, s.subject, settings, ev.lastUpdated) : undefined);
      if (g) target.set(g.slug, Math.max(target.get(g.slug) ?? 0, s.weight));
    }
    for (const q of await queryGuides(db))
      if (await queryMatches(db, q.subject, eventId)) target.set(q.slug, Math.max(target.get(q.slug) ?? 0, 0.8));
  }
  const current = await db.all<{ slug: string; relevance: number; significance: number; firstSeen: string }>(
    'SELECT guide_slug AS slug, relevance, significance, first_seen AS "firstSeen" FROM guide_events WHERE event_id = ?',
    [eventId],
  );
  // Every guide the event is in is touched (a new member or summary changes it even when its row does not move), and every guide it left.
  const touched = new Set<string>(target.keys());
  const left = current.filter((r) => !target.has(r.slug)).map((r) => r.slug);
  if (left.length)
    await db.run(`DELETE FROM guide_events WHERE event_id = ? AND guide_slug IN (${listParam(db, 'text')})`, [
      eventId,
      JSON.stringify(left),
    ]);
  for (const slug of left) touched.add(slug);
  if (ev && target.size)
    await writeMemberships(
      db,
      eventId,
      ev,
      target,
      current.filter((r) => target.has(r.slug)),
    );
  const at = ev?.lastUpdated ?? new Date(0).toISOString();
  if (touchLater) for (const slug of touched) touchLater.set(slug, [touchLater.get(slug) ?? '', at].sort()[1]!);
  else await touchGuides(db, new Map([...touched].map((slug) => [slug, at])));
  return [...touched];
}

/**
 * Bring the event's rows in guide_events to `target` (guide → relevance), given the rows it
 * already has there (`kept`). New memberships in one statement; then each column only where it
 * moved: SQLite rewrites the entry of every index on a column an UPDATE names, even to the same
 * value, and naming first_seen (in the key since migration 018) moves the row, so a relevance
 * that moved leaves the rest alone and a significance that moved touches only the top index.
 */
async function writeMemberships(
  db: Db,
  eventId: string,
  ev: GuideEventFields,
  target: ReadonlyMap<string, number>,
  kept: ReadonlyArray<{ slug: string; relevance: number; significance: number; firstSeen: string }>,
): Promise<void> {
  const had = new Map(kept.map((r) => [r.slug, r]));
  const guideRows = rowsParam(db, [
    ['slug', 'text'],
    ['relevance', 'real'],
  ]);
  const added = [...target].filter(([slug]) => !had.has(slug)).map(([slug, relevance]) => ({ slug, relevance }));
  if (added.length) {
    await db.run(
      `INSERT INTO guide_events (guide_slug, event_id, relevance, significance, first_seen, added_at)
        SELECT slug, ?, relevance, ?, ?, ? FROM (${guideRows}) AS r WHERE true
      ON CONFLICT(guide_slug, event_id) DO UPDATE SET relevance = excluded.relevance, significance = excluded.significance, first_seen = excluded.first_seen
      WHERE guide_events.relevance <> excluded.relevance OR guide_events.significance <> ` +
        `excluded.significance OR guide_events.first_seen <> excluded.first_seen`,
      [eventId, ev.significance, ev.firstSeen, ev.lastUpdated, JSON.stringify(added)],
    );
  }
  const moved = kept
    .filter((r) => r.relevance !== target.get(r.slug))
    .map((r) => ({ slug: r.slug, relevance: target.get(r.slug)! }));
  if (moved.length) {
    await db.run(
      `UPDATE guide_events SET relevance = r.relevance FROM (${guideRows}) AS r
      WHERE guide_events.event_id = ? AND guide_events.guide_slug = r.slug AND guide_events.relevance <> r.relevance`,
      [JSON.stringify(moved), eventId],
    );
  }
  if (kept.some((r) => r.significance !== ev.significance)) {
    await db.run('UPDATE guide_events SET significance = ? WHERE event_id = ? AND significance <> ?', [
      ev.significance,
      eventId,
      ev.significance,
    ]);
  }
  if (kept.some((r) => r.firstSeen !== ev.firstSeen)) {
    await db.run('UPDATE guide_events SET first_seen = ? WHERE event_id = ? AND first_seen <> ?', [
      ev.firstSeen,
      eventId,
      ev.firstSeen,
    ]);
  }
}

/** What guide membership reads of an event (refreshEvent hands it over; else it is read). */
export interface GuideEventFields extends EventSubjects {
  title: string;
  significance: number;
  firstSeen: string;
  lastUpdated: string;
}

async function readGuideEventFields(db: Db, eventId: string): Promise<GuideEventFields | undefined> {
  const r = await db.get<{
    significance: number;
    first_seen: string;
    last_updated: string;
    topics: string;
    entities: string;
    title: string;
  }>(`SELECT significance, first_seen, last_updated, topics, entities, title FROM events WHERE id = ?`, [eventId]);
  return (
    r && {
      title: r.title,
      significance: r.significance,
      firstSeen: r.first_seen,
      lastUpdated: r.last_updated,
      topics: JSON.parse(r.topics) as string[],
      entities: JSON.parse(r.entities) as EventSubjects['entities'],
    }
  );
}

/** Of these subjects, the ones named by at least `minEvents` events (counting stops there), in one statement. */
async function busySubjects(
  db: Db,
  subjects: ReadonlyArray<{ kind: string; subject: string }>,
  minEvents: number,
): Promise<Set<string>> {
  if (!subjects.length) return new Set();
  const rows = await db.all<{ kind: string; subject: string }>(
    `SELECT r.kind, r.subject FROM (${rowsParam(db, [
      ['kind', 'text'],
      ['subject', 'text'],
    ])}) AS r
    WHERE (SELECT COUNT(*) FROM (SELECT 1 FROM event_subjects es WHERE es.kind = r.kind AND es.subject = r.subject LIMIT ?) AS capped) >= ?`,
    [JSON.stringify(subjects.map((s) => ({ kind: s.kind, subject: s.subject }))), minEvents, minEvents],
  );
  return new Set(rows.map((r) => subjectKey(r)));
}

/** Create the guide of a topic or an entity when it has crossed the activity threshold; backfill its events. */
async function maybeCreateGuide(
  db: Db,
  kind: 'topic' | 'entity',
  subject: string,
  settings: GuideSettings,
  at: string,
): Promise<Guide | undefined> {
  const n =
    (await value<number>(
      db,
      'SELECT COUNT(*) FROM (SELECT 1 FROM event_subjects WHERE kind = ? AND subject = ? LIMIT ?) AS capped',
      [kind, subject, settings.minEvents],
    )) ?? 0;
  if (n < settings.minEvents) return undefined;
  // Distinct sources over the subject's latest events (bounded, so a busy one-source subject stays cheap to re-check).
  const sources =
    (await value<number>(
      db,
      `SELECT COUNT(DISTINCT a.source_id) FROM (SELECT es.event_id FROM event_subjects es JOIN events e ON e.id = es.event_id
      WHERE es.kind = ? AND es.subject = ? ORDER BY e.last_updated DESC LIMIT 50) s
    JOIN event_articles ea ON ea.event_id = s.event_id JOIN articles a ON a.id = ea.article_id`,
      [kind, subject],
    )) ?? 0;
  if (sources < settings.minSources) return undefined;
  const title = kind === 'topic' ? await topicLabelOf(db, subject) : subject;
  const slug = await freeGuideSlug(db, slugify(subject) || 'guide');
  await insertGuide(db, { slug, title, subjectKind: kind, subject, origin: 'auto' }, at);
  await backfillGuide(db, slug);
  return guideForSubject(db, kind, subject);
}

/**
 * Fill a guide's membership from scratch: from event_subjects for a topic or an entity,
 * through FTS5 for a saved query. Once per guide (creation, a topic merge, `guides rebuild`).
 */
export async function backfillGuide(db: Db, slug: string): Promise<number> {
  const g = await db.get<{ subject_kind: string; subject: string }>(
    'SELECT subject_kind, subject FROM guides WHERE slug = ?',
    [slug],
  );
  if (!g) throw new GuideError(`no guide "${slug}"`);
  await db.run('DELETE FROM guide_events WHERE guide_slug = ?', [slug]);
  let n: number;
  if (g.subject_kind === 'query') {
    n = (
      await db.run(
        db.dialect === 'sqlite'
          ? `INSERT INTO guide_events (guide_slug, event_id, relevance, significance, first_seen, added_at)
        SELECT ?, e.id, 0.8, e.significance, e.first_seen, e.last_updated FROM events_fts f JOIN events e ON e.rowid = f.rowid
        WHERE events_fts MATCH ? AND e.title <> ''`
          : `INSERT INTO guide_events (guide_slug, event_id, relevance, significance, first_seen, added_at)
        SELECT ?, e.id, 0.8, e.significance, e.first_seen, e.last_updated FROM events e
        WHERE e.search @@ websearch_to_tsquery('english', ?) AND e.title <> ''`,
        [slug, g.subject],
      )
    ).changes;
  } else {
    n = (
      await db.run(
        `INSERT INTO guide_events (guide_slug, event_id, relevance, significance, first_seen, added_at)
      SELECT ?, e.id, es.weight, e.significance, e.first_seen, e.last_updated FROM event_subjects es JOIN events e ON e.id = es.event_id
      WHERE es.kind = ? AND es.subject = ? AND e.title <> ''`,
        [slug, g.subject_kind, g.subject],
      )
    ).changes;
  }
  const at =
    (await value<string | null>(db, 'SELECT MAX(added_at) FROM guide_events WHERE guide_slug = ?', [slug])) ??
    new Date().toISOString();
  await touchGuides(db, new Map([[slug, at]]));
  return n;
}

/** Check a full-text query before a guide is saved with it: a clear message instead of an FTS5 error later. */
export async function checkGuideQuery(db: Db, query: string): Promise<void> {
  if (!query.trim()) throw new GuideError('the query is empty');
  try {
    if (db.dialect === 'sqlite') await db.get('SELECT COUNT(*) FROM events_fts WHERE events_fts MATCH ?', [query]);
    else if (!(await value<string>(db, `SELECT websearch_to_tsquery('english', ?)::text`, [query])))
      throw new Error('it has no words to search for');
  } catch (e) {
    throw new GuideError(
      `the query "${query}" is not valid full-text syntax (${(e as Error).message}); use words, "quoted phrases", AND, OR, NOT and parentheses`,
    );
  }
}

/** Add a guide by hand for a saved query. */
export async function addManualGuide(
  db: Db,
  g: { title: string; query: string; slug?: string },
  at: string,
): Promise<Guide> {
  const title = g.title.trim();
  if (!title) throw new GuideError('a guide needs a title');
  await checkGuideQuery(db, g.query);
  const existing = await guideForSubject(db, 'query', g.query);
  if (existing) throw new GuideError(`guide "${existing.slug}" already follows the query ${JSON.stringify(g.query)}`);
  if (g.slug !== undefined && !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(g.slug))
    throw new GuideError(`"${g.slug}" is not a kebab-case slug`);
  if (g.slug && (await db.get('SELECT 1 FROM guides WHERE slug = ?', [g.slug])))
    throw new GuideError(`a guide "${g.slug}" exists already`);
  const slug = g.slug ?? (await freeGuideSlug(db, slugify(title) || 'guide'));
  await db.transaction(async (tx) => {
    await insertGuide(tx, { slug, title, subjectKind: 'query', subject: g.query, origin: 'manual' }, at);
    await backfillGuide(tx, slug);
  });
  return (await guideForSubject(db, 'query', g.query))!;
}

/** After topic `from` was merged into `into`: one guide for `into`, rebuilt from the merged rows. */
export async function afterTopicMerge(
  db: Db,
  from: string,
  into: string,
  settings: GuideSettings = DEFAULT_GUIDE_SETTINGS,
): Promise<void> {
  const old = await guideForSubject(db, 'topic', from);
  const target = await guideForSubject(db, 'topic', into);
  if (old && target) await db.run('DELETE FROM guides WHERE slug = ?', [old.slug]);
  else if (old) {
    await db.run('UPDATE guides SET subject = ?, title = ? WHERE slug = ?', [
      into,
      await topicLabelOf(db, into),
      old.slug,
    ]);
    // The guide takes the canonical slug when it is free, so /guides/<topic> keeps working.
    if (!(await db.get('SELECT 1 FROM guides WHERE slug = ?', [into])))
      await db.run('UPDATE guides SET slug = ? WHERE slug = ?', [into, old.slug]);
  }
  const g = await guideForSubject(db, 'topic', into);
  if (g) await backfillGuide(db, g.slug);
  else {
    const anyEvent = await value<string>(
      db,
      `SELECT event_id FROM event_subjects WHERE kind = 'topic' AND subject = ? LIMIT 1`,
      [into],
    );
    if (anyEvent) await updateGuidesForEvent(db, anyEvent, settings);
  }
}
