import type { Db } from './db.js';
import {
  CARD_COLUMNS,
  cardFromRow,
  type EventCardRow,
  PRIMARY_COLUMNS,
  PRIMARY_JOIN,
  type PrimaryInfo,
  primaryFromRow,
  type RawCard,
  type RawPrimary,
} from './event-cards.js';
import { guidesOfEvent } from './guides.js';
import { EVENT_COLUMNS, eventFromRow, type EventRow, type RawEvent, type Role } from './event-rows.js';
import { readEventPageJson } from './event-page-postgres.js';
import { readTogether } from './sql/read-together.js';
import { topicLabelsOf } from './topics.js';

/**
 * What one event's page reads, in five statements in one read transaction: the event (through a merged id's
 * redirect) with its primary article's source, its related events as cards with theirs, its
 * members, its guides (guides.ts) and the labels of its topics. Each reads only what the page shows: a member's text
 * and extraction lists, which the general reads (event-reads.ts) carry for the pipeline, and
 * a related event's factors, are left out.
 */

export type EventWithPrimary = EventRow & { primary?: PrimaryInfo | undefined };

export interface EventPageMember {
  articleId: number;
  role: Role;
  title: string;
  url: string | null;
  publishedAt: string | null;
  fetchedAt: string;
  sourceName: string;
  sourceAuthor: string | null;
  tier: number;
  summary: string | null;
}

export interface EventPageData {
  event: EventWithPrimary;
  related: RelatedCard[];
  members: EventPageMember[];
  guides: Awaited<ReturnType<typeof guidesOfEvent>>;
  /** The stored labels of the event's topics by slug: the page names its topics, and what a related event shares, by these. */
  topicLabels: Map<string, string>;
}

/** A related event as its card shows it, with the names it may share with the page's event. */
export type RelatedCard = EventCardRow & Pick<EventRow, 'entities'> & { similarity: number };

type RawWithPrimary = RawEvent & RawPrimary;

function withPrimary(r: RawWithPrimary): EventWithPrimary {
  const e: EventWithPrimary = eventFromRow(r);
  e.primary = primaryFromRow(r);
  return e;
}

/** The event at `id` (or at the id it was merged into) and all its page shows; undefined when there is none. */
export function eventPageData(db: Db, id: string, relatedLimit = 8): Promise<EventPageData | undefined> {
  if (db.dialect === 'postgres') return readEventPageAtOnce(db, id, relatedLimit);
  return readTogether(db, (q) => readEventPage(q, id, relatedLimit));
}

/** PostgreSQL: the same rows in one statement (event-page-postgres.ts), where each statement is a round trip and a backend's work. */
async function readEventPageAtOnce(db: Db, id: string, relatedLimit: number): Promise<EventPageData | undefined> {
  const row = await readEventPageJson<RawWithPrimary, RawRelated, EventPageMember, EventPageData['guides'][number]>(
    db,
    id,
    relatedLimit,
  );
  return (
    row && {
      event: withPrimary(row.event),
      related: row.related.map(relatedFromRow),
      members: row.members,
      guides: row.guides,
      topicLabels: new Map(Object.entries(row.labels)),
    }
  );
}

type RawRelated = RawCard & { entities: string; similarity: number };

const relatedFromRow = (r: RawRelated): RelatedCard => ({
  ...cardFromRow(r),
  entities: JSON.parse(r.entities),
  similarity: r.similarity,
});

async function readEventPage(db: Db, id: string, relatedLimit: number): Promise<EventPageData | undefined> {
  const row = await db.get<RawWithPrimary>(
    `SELECT ${EVENT_COLUMNS}, ${PRIMARY_COLUMNS} FROM events e ${PRIMARY_JOIN}
    WHERE e.id = COALESCE((SELECT to_id FROM event_redirects WHERE from_id = ?), ?)`,
    [id, id],
  );
  if (!row) return undefined;
  const event = withPrimary(row);
  // The others need only the event's row.
  const [related, members, guides, topicLabels] = await Promise.all([
    db.all<RawRelated>(
      `SELECT ${CARD_COLUMNS}, e.entities, r.similarity FROM event_relations r JOIN events e ON e.id = r.related_id ${PRIMARY_JOIN}
      WHERE r.event_id = ? ORDER BY r.similarity DESC, e.id LIMIT ?`,
      [event.id, relatedLimit],
    ),
    db.all<EventPageMember>(
      `SELECT ea.article_id AS "articleId", ea.role, a.title, a.url, a.published_at AS "publishedAt", a.fetched_at AS "fetchedAt",
        s.name AS "sourceName", s.author AS "sourceAuthor", s.tier, x.summary
      FROM event_articles ea JOIN articles a ON a.id = ea.article_id JOIN sources s ON s.id = a.source_id LEFT JOIN extractions x ON x.article_id = a.id
      WHERE ea.event_id = ? ORDER BY COALESCE(a.published_at, a.fetched_at), a.id`,
      [event.id],
    ),
    guidesOfEvent(db, event.id),
    topicLabelsOf(db, event.topics),
  ]);
  return {
    event,
    related: related.map(relatedFromRow),
    members,
    guides,
    topicLabels,
  };
}
