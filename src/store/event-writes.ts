import type { Db } from './db.js';
import type { EventRow, Role } from './event-rows.js';
import { listParam, rowsParam } from './sql/query.js';

/** Writes of events: their members, merges, and the fields a refresh computes. */

/** Put an article in an event (creating a bare event row the refresh fills in). */
export async function addToEvent(db: Db, eventId: string, articleId: number, at: string): Promise<void> {
  await db.run(
    `INSERT INTO events (id, title, first_seen, last_updated) VALUES (?, '', ?, ?) ON CONFLICT(id) DO NOTHING`,
    [eventId, at, at],
  );
  await db.run(
    `INSERT INTO event_articles (event_id, article_id, role) VALUES (?, ?, 'coverage')
    ON CONFLICT(article_id) DO UPDATE SET event_id = excluded.event_id`,
    [eventId, articleId],
  );
}

/** Move every article of `from` into `into`; `from` lives on as a redirect. */
export async function mergeEvents(db: Db, from: string, into: string): Promise<void> {
  await db.run('UPDATE event_articles SET event_id = ? WHERE event_id = ?', [into, from]);
  await db.run('DELETE FROM events WHERE id = ?', [from]);
  await db.run('UPDATE event_redirects SET to_id = ? WHERE to_id = ?', [into, from]);
  await db.run(
    'INSERT INTO event_redirects (from_id, to_id) VALUES (?, ?) ON CONFLICT(from_id) DO UPDATE SET to_id = excluded.to_id',
    [from, into],
  );
}

/** What a refresh computes for an event: its row, and each member's role. */
export type EventFields = Omit<EventRow, 'id'> & {
  roles: Map<number, Role>;
  /** The voices its members speak in (bits: see events/commentary.ts), which relating reads. */
  voices: number;
};

/**
 * What the store holds of the event before a refresh, where the caller read it: what did
 * not change is not written. The full-text index is rewritten (by trigger) whenever the
 * title or summary is set, even to the same text; a member's role mostly stays.
 */
export interface EventBefore {
  title: string;
  summary: string;
  roles: ReadonlyMap<number, Role>;
}

export async function saveEventFields(db: Db, id: string, f: EventFields, before?: EventBefore): Promise<void> {
  const text = !before || before.title !== f.title || before.summary !== f.summary;
  await db.run(
    `UPDATE events SET ${text ? 'title = ?, summary = ?, ' : ''}significance = ?, factors = ?, ` +
      `primary_article_id = ?, first_seen = ?, last_updated = ?, kind = ?, voices = ?,
      topics = ?, entities = ?, source_count = ?, article_count = ? WHERE id = ?`,
    [
      ...(text ? [f.title, f.summary] : []),
      f.significance,
      JSON.stringify(f.factors),
      f.primaryArticleId,
      f.firstSeen,
      f.lastUpdated,
      f.kind,
      f.voices,
      JSON.stringify(f.topics),
      JSON.stringify(f.entities),
      f.sourceCount,
      f.articleCount,
      id,
    ],
  );
  const roles = [...f.roles].filter(([articleId, role]) => before?.roles.get(articleId) !== role);
  if (!roles.length) return;
  await db.run(
    `UPDATE event_articles SET role = (SELECT r.role FROM (${rowsParam(db, [
      ['article_id', 'int'],
      ['role', 'text'],
    ])}) AS r WHERE r.article_id = event_articles.article_id)
    WHERE event_id = ? AND article_id IN (${listParam(db, 'int')})`,
    [
      JSON.stringify(roles.map(([article_id, role]) => ({ article_id, role }))),
      id,
      JSON.stringify(roles.map(([articleId]) => articleId)),
    ],
  );
}
