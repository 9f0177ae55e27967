/**
 * An event as the store holds it (the events table) and as every read of it gives it back:
 * the row type, the significance kept with it, and the one conversion from a raw row.
 */

export type Role = 'primary' | 'coverage' | 'commentary';

export interface EventRow {
  id: string;
  title: string;
  summary: string;
  significance: number;
  factors: Significance;
  primaryArticleId: number | null;
  firstSeen: string;
  lastUpdated: string;
  kind: string | null;
  topics: string[];
  entities: { name: string; type: string; weight: number }[];
  sourceCount: number;
  articleCount: number;
}

export interface SignificanceFactor {
  /** What was measured, shown as is ("tier 1", "6 sources", "government action"). */
  value: string;
  points: number;
  why: string;
}

export interface Significance {
  score: number;
  base: number;
  factors: Record<string, SignificanceFactor>;
  llm?: { delta: number; reason: string };
}

export interface RawEvent {
  id: string;
  title: string;
  summary: string;
  significance: number;
  factors: string;
  primary_article_id: number | null;
  first_seen: string;
  last_updated: string;
  kind: string | null;
  topics: string;
  entities: string;
  source_count: number;
  article_count: number;
}

/** RawEvent's columns of the events table aliased `e`: what eventFromRow reads, without the pipeline's own (review, relating). */
export const EVENT_COLUMNS =
  'e.id, e.title, e.summary, e.significance, e.factors, e.primary_article_id, e.first_seen, e.last_updated, e.kind, e.topics, ' +
  'e.entities, e.source_count, e.article_count';

export function eventFromRow(r: RawEvent): EventRow {
  return {
    id: r.id,
    title: r.title,
    summary: r.summary,
    significance: r.significance,
    factors: JSON.parse(r.factors || '{}'),
    primaryArticleId: r.primary_article_id,
    firstSeen: r.first_seen,
    lastUpdated: r.last_updated,
    kind: r.kind,
    topics: JSON.parse(r.topics),
    entities: JSON.parse(r.entities),
    sourceCount: r.source_count,
    articleCount: r.article_count,
  };
}
