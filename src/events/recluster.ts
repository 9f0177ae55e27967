import type { Db } from '../store/db.js';
import { column, greatest, listParam } from '../store/sql/query.js';
import { OnlineClusterer } from './cluster.js';

/**
 * Undo the clustering of every event that has an article published since `since`, so the
 * cluster stage places those articles again (after the algorithm or its settings change).
 * Whole events are undone, earlier members included, so no event is left half-built;
 * the document frequencies the clusterer counted for those articles are taken back.
 * One transaction: an interruption leaves the store as it was.
 */
export async function resetClustering(store: Db, since: string): Promise<{ events: number; articles: number }> {
  return store.transaction(async (db) => {
    const events = await column<string>(
      db,
      `SELECT DISTINCT ea.event_id FROM event_articles ea JOIN articles a ON a.id = ea.article_id
      WHERE COALESCE(a.published_at, a.fetched_at) >= ?`,
      [since],
    );
    return { events: events.length, articles: (await undoEvents(db, events)).length };
  });
}

/**
 * Undo these events inside the caller's transaction: the document frequencies counted for
 * their articles are taken back, the events go, and their articles wait for the cluster stage
 * again. Returns those articles' ids.
 */
export async function undoEvents(db: Db, events: readonly string[]): Promise<number[]> {
  const articles = await db.all<{
    id: number;
    title: string;
    text: string;
    url: string | null;
    author: string | null;
    entities: string | null;
  }>(
    `SELECT a.id, a.title, a.text, a.url, a.author, x.entities FROM event_articles ea JOIN articles a ON a.id = ea.article_id
      LEFT JOIN extractions x ON x.article_id = a.id WHERE ea.event_id IN (${listParam(db, 'text')})`,
    [JSON.stringify(events)],
  );
  const terms = new OnlineClusterer();
  for (const a of articles) {
    const entities = a.entities ? (JSON.parse(a.entities) as { name: string }[]).map((e) => e.name) : undefined;
    const counted = [
      ...terms
        .termCounts({
          id: String(a.id),
          title: a.title,
          text: a.text,
          url: a.url ?? undefined,
          published: new Date(0),
          entities,
          author: a.author ?? undefined,
        })
        .keys(),
    ];
    // One statement per article, as LiveClusterer.assign counted them in.
    await db.run(`UPDATE cluster_terms SET df = df - 1 WHERE term IN (${listParam(db, 'text')})`, [
      JSON.stringify(counted),
    ]);
  }
  await db.run('DELETE FROM cluster_terms WHERE df <= 0');
  await db.run(
    `UPDATE cluster_meta SET value = CAST(${greatest(db, '0', 'CAST(value AS INTEGER) - ?')} AS TEXT) WHERE key = 'docs'`,
    [articles.length],
  );
  const ids = JSON.stringify(events);
  await db.run(`DELETE FROM event_redirects WHERE to_id IN (${listParam(db, 'text')})`, [ids]);
  await db.run(`DELETE FROM events WHERE id IN (${listParam(db, 'text')})`, [ids]);
  await db.run(
    `UPDATE article_stages SET status = 'pending', attempts = 0, error = NULL, note = 'reclustering'
      WHERE stage = 'cluster' AND article_id IN (${listParam(db, 'int')})`,
    [JSON.stringify(articles.map((a) => a.id))],
  );
  return articles.map((a) => a.id);
}
