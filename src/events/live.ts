import type { Db } from '../store/db.js';
import { OnlineClusterer, type Assignment, type ClusterInput, type ClusterSettings } from './cluster.js';

/**
 * The clusterer of the live pipeline: the same OnlineClusterer as `almanac cluster`, its
 * state (document frequencies, the centroids of recent events) loaded from the store once
 * per process and written back in the same transaction as each assignment, so a crash
 * between articles loses nothing and a crash inside one rolls it back whole.
 */

export class LiveClusterer {
  private constructor(private readonly db: Db, readonly clusterer: OnlineClusterer) {}

  static load(db: Db, settings: Partial<ClusterSettings> = {}, now = new Date()): LiveClusterer {
    const c = new OnlineClusterer(settings, (doc) => `e${doc.id}`);
    const keepMs = c.settings.keepHours * 3_600_000;
    const docs = Number((db.prepare(`SELECT value FROM cluster_meta WHERE key = 'docs'`).pluck().get() as string | undefined) ?? 0);
    c.loadFrequencies(docs, (db.prepare('SELECT term, df FROM cluster_terms').raw().iterate() as IterableIterator<[string, number]>));
    const since = new Date(now.getTime() - keepMs).toISOString();
    const rows = db.prepare('SELECT event_id, centroid, norm2, size, last_seen FROM event_vectors WHERE last_seen >= ?').all(since) as Array<{ event_id: string; centroid: string; norm2: number; size: number; last_seen: string }>;
    for (const r of rows) c.loadEvent({ id: r.event_id, centroid: new Map(Object.entries(JSON.parse(r.centroid) as Record<string, number>)), norm2: r.norm2, size: r.size, lastSeen: Date.parse(r.last_seen) });
    return new LiveClusterer(db, c);
  }

  /**
   * Assign one article and store the result, all in one transaction: `link` writes the
   * event rows and the membership (before the centroids, which refer to the event), then
   * the state is saved, then `refresh` recomputes what the event pages show.
   */
  assign(doc: ClusterInput, link: (a: Assignment) => void, refresh: (a: Assignment) => void): Assignment {
    const a = this.clusterer.add(doc);
    this.db.transaction(() => {
      link(a);
      this.db.prepare(`INSERT INTO cluster_meta (key, value) VALUES ('docs', '1') ON CONFLICT(key) DO UPDATE SET value = CAST(value AS INTEGER) + 1`).run();
      const df = this.db.prepare('INSERT INTO cluster_terms (term, df) VALUES (?, 1) ON CONFLICT(term) DO UPDATE SET df = df + 1');
      for (const t of a.terms) df.run(t);
      const save = this.db.prepare(`INSERT INTO event_vectors (event_id, centroid, norm2, size, last_seen) VALUES (?, ?, ?, ?, ?)
        ON CONFLICT(event_id) DO UPDATE SET centroid = excluded.centroid, norm2 = excluded.norm2, size = excluded.size, last_seen = excluded.last_seen`);
      for (const id of a.touched) {
        const s = this.clusterer.eventState(id);
        if (s) save.run(id, JSON.stringify(Object.fromEntries(s.centroid)), s.norm2, s.size, new Date(s.lastSeen).toISOString());
      }
      refresh(a);
    })();
    return a;
  }
}
