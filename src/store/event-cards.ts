import type { EventRow, RawEvent } from './event-rows.js';

/**
 * An event as lists and feeds show it (a card): the columns they print and its primary
 * article's source and link, read in the same statement as the event (a join, not a second
 * read per list). Leaves out what only an event's own page or the API uses (the significance
 * factors, the names, the counts), which are JSON to parse in every row.
 */

/** The source and link of an event's primary article. */
export interface PrimaryInfo {
  sourceName: string;
  sourceAuthor: string | null;
  url: string | null;
  sourceId: string;
}

export type EventCardRow = Pick<
  EventRow,
  'id' | 'title' | 'summary' | 'significance' | 'firstSeen' | 'lastUpdated' | 'topics' | 'sourceCount'
> & { primary?: PrimaryInfo | undefined };

/** The primary article's columns of the event aliased `e`, with PRIMARY_JOIN. */
export const PRIMARY_COLUMNS =
  'pa.url AS p_url, ps.id AS p_source_id, ps.name AS p_source_name, ps.author AS p_source_author';
export const PRIMARY_JOIN =
  'LEFT JOIN articles pa ON pa.id = e.primary_article_id LEFT JOIN sources ps ON ps.id = pa.source_id';

/** A card's columns of the event aliased `e`, with PRIMARY_JOIN. */
export const CARD_COLUMNS = `e.id, e.title, e.summary, e.significance, e.first_seen, e.last_updated, e.topics, e.source_count, ${PRIMARY_COLUMNS}`;

export interface RawPrimary {
  p_url: string | null;
  p_source_id: string | null;
  p_source_name: string | null;
  p_source_author: string | null;
}

export type RawCard = Pick<
  RawEvent,
  'id' | 'title' | 'summary' | 'significance' | 'first_seen' | 'last_updated' | 'topics' | 'source_count'
> &
  RawPrimary;

/** The primary of a row read with PRIMARY_COLUMNS: none when the article (or its source) is gone, as a separate read would find. */
export function primaryFromRow(r: RawPrimary): PrimaryInfo | undefined {
  return r.p_source_id === null
    ? undefined
    : { sourceName: r.p_source_name!, sourceAuthor: r.p_source_author, url: r.p_url, sourceId: r.p_source_id };
}

export function cardFromRow(r: RawCard): EventCardRow {
  return {
    id: r.id,
    title: r.title,
    summary: r.summary,
    significance: r.significance,
    firstSeen: r.first_seen,
    lastUpdated: r.last_updated,
    topics: JSON.parse(r.topics),
    sourceCount: r.source_count,
    primary: primaryFromRow(r),
  };
}
