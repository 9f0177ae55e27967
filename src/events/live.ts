import type { Db } from '../store/db.js';
import { column, listParam, rowsParam, value } from '../store/sql/query.js';
import { SparseVector } from './vector.js';
import { OnlineClusterer, type Assignment, type ClusterInput, type ClusterSettings } from './cluster.js';

/**
 * The clusterer of the live pipeline: the same OnlineClusterer as `almanac cluster`, its
 * state (document frequencies, the centroids of recent events) loaded from the store once
 * per process and written back in the same transaction as each assignment, so a crash
 * between articles loses nothing and a crash inside one rolls it back whole.
 */

/** Stored centroids read per statement when the clusterer loads. */
const LOAD_SLICE = 500;

/** What assignments changed of the clustering state: documents counted, each term's new documents, events whose centroid moved. */
interface StateChange {
  docs: number;
  terms: Map<string, number>;
  events: Set<string>;
}

export class LiveClusterer {
  private constructor(readonly clusterer: OnlineClusterer) {}

  static async load(db: Db, settings: Partial<ClusterSettings> = {}, now = new Date()): Promise<LiveClusterer> {
    const c = new OnlineClusterer(settings, (doc) => `e${doc.id}`);
    const keepMs = c.settings.keepHours * 3_600_000;
    const docs = Number((await value<string>(db, `SELECT value FROM cluster_meta WHERE key = 'docs'`)) ?? 0);
    const terms = await db.all<{ term: string; df: number }>('SELECT term, df FROM cluster_terms');
    c.loadFrequencies(
      docs,
      terms.map((t): [string, number] => [t.term, t.df]),
    );
    // The clusterer forgets events idle for keepHours behind the newest article it has seen,
    // not behind the clock; so the span loaded ends at the newest stored activity. (Measured
    // from the clock, a store of older news, such as a backfill of an archive, came back
    // empty after every restart: its next articles could join none of the events before it.)
    const newest = await value<string | null>(db, 'SELECT MAX(last_seen) FROM event_vectors');
    const end = newest ? Math.min(Date.parse(newest), now.getTime()) : now.getTime();
    const since = new Date(end - keepMs).toISOString();
    // The centroids are read a slice at a time: a month of events at once held every text
    // (tens of thousands of a few kilobytes each) beside its parsed vector, which set the
    // peak memory of a whole ingest.
    const ids = await column<string>(db, 'SELECT event_id FROM event_vectors WHERE last_seen >= ?', [since]);
    for (let at = 0; at < ids.length; at += LOAD_SLICE) {
      const rows = await db.all<{ event_id: string; centroid: string; norm2: number; size: number; last_seen: string }>(
        `SELECT event_id, centroid, norm2, size, last_seen FROM event_vectors WHERE event_id IN (${listParam(db, 'text')})`,
        [JSON.stringify(ids.slice(at, at + LOAD_SLICE))],
      );
      // Given `end`, the events idle for two windows stay out of the candidate index (indexing
      // the whole month was a large part of a start's time).
      for (const r of rows)
        c.loadEvent(
          {
            id: r.event_id,
            centroid: SparseVector.parse(r.centroid),
            norm2: r.norm2,
            size: r.size,
            lastSeen: Date.parse(r.last_seen),
          },
          end,
        );
    }
    return new LiveClusterer(c);
  }

  /** A live event's centroid as the clusterer holds it (it changes as the event grows). */
  centroidOf(eventId: string): SparseVector | undefined {
    return this.clusterer.eventState(eventId)?.centroid;
  }

  /**
   * Assign one article and store the result, all in one transaction: `link` writes the
   * event rows and the membership (before the centroids, which refer to the event), then
   * the state is saved, then `refresh` recomputes what the event pages show. `db` is the
   * store as the caller holds it (inside its batch's transaction, that transaction's client).
   *
   * With `deferState` (inside a batch's transaction) the clustering state is not written
   * now but gathered, and saveDeferred writes it once for the batch before it commits: a
   * batch's articles share most of their terms and often their events.
   */
  async assign(
    db: Db,
    doc: ClusterInput,
    link: (a: Assignment, tx: Db) => Promise<void>,
    refresh: (a: Assignment, tx: Db) => Promise<void>,
    deferState = false,
  ): Promise<Assignment> {
    const a = this.clusterer.add(doc);
    await db.transaction(async (tx) => {
      await link(a, tx);
      if (!deferState)
        await this.writeState(tx, { docs: 1, terms: new Map(a.terms.map((t) => [t, 1])), events: new Set(a.touched) });
      await refresh(a, tx);
    });
    if (deferState) {
      const u = (this.unsaved ??= { docs: 0, terms: new Map(), events: new Set() });
      u.docs++;
      for (const t of a.terms) u.terms.set(t, (u.terms.get(t) ?? 0) + 1);
      for (const id of a.touched) u.events.add(id);
    }
    return a;
  }

  /** Write the state gathered by deferred assignments (see assign). */
  async saveDeferred(db: Db): Promise<void> {
    const u = this.unsaved;
    this.unsaved = undefined;
    if (u) await this.writeState(db, u);
  }

  private unsaved: StateChange | undefined;

  private async writeState(db: Db, change: StateChange): Promise<void> {
    await db.run(
      `INSERT INTO cluster_meta (key, value) VALUES ('docs', ?) ON CONFLICT(key) DO UPDATE SET ` +
        `value = CAST(CAST(cluster_meta.value AS INTEGER) + CAST(? AS INTEGER) AS TEXT)`,
      [String(change.docs), change.docs],
    );
    // One statement for all the terms (WHERE true lets SQLite parse the upsert after a SELECT).
    await db.run(
      `INSERT INTO cluster_terms (term, df) SELECT term, n FROM (${rowsParam(db, [
        ['term', 'text'],
        ['n', 'int'],
      ])}) AS t WHERE true
      ON CONFLICT(term) DO UPDATE SET df = cluster_terms.df + excluded.df`,
      [JSON.stringify([...change.terms].map(([term, n]) => ({ term, n })))],
    );
    for (const id of change.events) {
      // An event merged away since has no state left (and its row is gone).
      const s = this.clusterer.eventState(id);
      if (!s) continue;
      await db.run(
        `INSERT INTO event_vectors (event_id, centroid, norm2, size, last_seen) VALUES (?, ?, ?, ?, ?)
        ON CONFLICT(event_id) DO UPDATE SET centroid = excluded.centroid, norm2 = excluded.norm2, size = excluded.size, last_seen = excluded.last_seen`,
        [id, s.centroid.serialize(), s.norm2, s.size, new Date(s.lastSeen).toISOString()],
      );
    }
  }
}
