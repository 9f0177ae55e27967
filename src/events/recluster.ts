import type { Db } from '../store/db.js';
import { OnlineClusterer } from './cluster.js';

/**
 * Undo the clustering of every event that has an article published since `since`, so the
 * cluster stage places those articles again (after the algorithm or its settings change).
 * Whole events are undone, earlier members included, so no event is left half-built;
 * the document frequencies the clusterer counted for those articles are taken back.
 * One transaction: an interruption leaves the store as it was.
 */
export function resetClustering(db: Db, since: string): { events: number; articles: number } {
  return db.transaction(() => {
    const events = db.prepare(`SELECT DISTINCT ea.event_id FROM event_articles ea JOIN articles a ON a.id = ea.article_id
      WHERE COALESCE(a.published_at, a.fetched_at) >= ?`).pluck().all(since) as string[];
    const articles = db.prepare(`SELECT a.id, a.title, a.text, a.url, x.entities FROM event_articles ea JOIN articles a ON a.id = ea.article_id
      LEFT JOIN extractions x ON x.article_id = a.id WHERE ea.event_id IN (SELECT value FROM json_each(?))`).all(JSON.stringify(events)) as Array<{ id: number; title: string; text: string; url: string | null; entities: string | null }>;
    const terms = new OnlineClusterer();
    const dec = db.prepare('UPDATE cluster_terms SET df = df - 1 WHERE term = ?');
    for (const a of articles) {
      const entities = a.entities ? (JSON.parse(a.entities) as { name: string }[]).map((e) => e.name) : undefined;
      for (const t of terms.termCounts({ id: String(a.id), title: a.title, text: a.text, url: a.url ?? undefined, published: new Date(0), entities }).keys()) dec.run(t);
    }
    db.prepare('DELETE FROM cluster_terms WHERE df <= 0').run();
    db.prepare(`UPDATE cluster_meta SET value = MAX(0, CAST(value AS INTEGER) - ?) WHERE key = 'docs'`).run(articles.length);
    const ids = JSON.stringify(events);
    db.prepare('DELETE FROM event_redirects WHERE to_id IN (SELECT value FROM json_each(?))').run(ids);
    db.prepare('DELETE FROM events WHERE id IN (SELECT value FROM json_each(?))').run(ids);
    db.prepare(`UPDATE article_stages SET status = 'pending', attempts = 0, error = NULL, note = 'reclustering'
      WHERE stage = 'cluster' AND article_id IN (SELECT value FROM json_each(?))`).run(JSON.stringify(articles.map((a) => a.id)));
    return { events: events.length, articles: articles.length };
  })();
}
