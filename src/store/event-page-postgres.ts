import type { Db } from './db.js';
import { CARD_COLUMNS, PRIMARY_COLUMNS, PRIMARY_JOIN } from './event-cards.js';
import { EVENT_COLUMNS } from './event-rows.js';
import { PLANNED_ONCE } from './sql/planned-once.js';

/**
 * The event page's reads (event-page.ts) on PostgreSQL as one statement: the event through a
 * merged id's redirect, then its related events, members and guides as JSON arrays built by
 * the server, and its topics' labels as an object. One round trip and one statement's planning and executor start instead of five
 * (each a backend's work for a few rows), planned once per connection (PLANNED_ONCE: every read
 * is by key). The rows are the ones the four statements read, in their order, with the same
 * column names, so the page is built from them unchanged.
 */
export interface EventPageJsonRow<E, R, M, G> {
  event: E;
  related: R[];
  members: M[];
  guides: G[];
  /** The labels of the event's topics, by slug. */
  labels: Record<string, string>;
}

const SQL = `${PLANNED_ONCE}WITH page AS (
  SELECT ${EVENT_COLUMNS}, ${PRIMARY_COLUMNS} FROM events e ${PRIMARY_JOIN}
  WHERE e.id = COALESCE((SELECT to_id FROM event_redirects WHERE from_id = ?), ?))
SELECT row_to_json(page) AS event,
  (SELECT COALESCE(json_agg(r ORDER BY r.similarity DESC, r.id), '[]') FROM (
    SELECT ${CARD_COLUMNS}, e.entities, rel.similarity FROM event_relations rel JOIN events e ON e.id = rel.related_id ${PRIMARY_JOIN}
    WHERE rel.event_id = page.id ORDER BY rel.similarity DESC, e.id LIMIT ?) r) AS related,
  (SELECT COALESCE(json_agg(json_build_object('articleId', ea.article_id, 'role', ea.role, 'title', a.title, 'url', a.url,
      'publishedAt', a.published_at, 'fetchedAt', a.fetched_at, 'sourceName', s.name, 'sourceAuthor', s.author, 'tier', s.tier,
      'summary', x.summary) ORDER BY COALESCE(a.published_at, a.fetched_at), a.id), '[]')
    FROM event_articles ea JOIN articles a ON a.id = ea.article_id JOIN sources s ON s.id = a.source_id
      LEFT JOIN extractions x ON x.article_id = a.id
    WHERE ea.event_id = page.id) AS members,
  (SELECT COALESCE(json_agg(json_build_object('slug', g.slug, 'title', g.title, 'relevance', ge.relevance, 'eventCount', g.event_count)
      ORDER BY ge.relevance DESC, g.event_count DESC, g.slug), '[]')
    FROM guide_events ge JOIN guides g ON g.slug = ge.guide_slug WHERE ge.event_id = page.id) AS guides,
  (SELECT COALESCE(json_object_agg(t.slug, t.label), '{}') FROM topics t
    WHERE t.slug IN (SELECT jsonb_array_elements_text(page.topics::jsonb))) AS labels
FROM page`;

/** The page's rows of the event at `id` (or at the id it was merged into); undefined when there is none. */
export function readEventPageJson<E, R, M, G>(
  db: Db,
  id: string,
  relatedLimit: number,
): Promise<EventPageJsonRow<E, R, M, G> | undefined> {
  return db.get<EventPageJsonRow<E, R, M, G>>(SQL, [id, id, relatedLimit]);
}
