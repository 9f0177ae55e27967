import { undoEvents } from '../events/recluster.js';
import { countArticles } from '../store/articles.js';
import type { Db } from '../store/db.js';
import { eventsOfSource } from '../store/event-reads.js';
import { findSource, removeSource } from '../store/sources.js';

export interface Unfollowed {
  id: string;
  /** The source's articles, removed with it. */
  articles: number;
  /** Events that held one of them, undone. */
  events: number;
  /** Their articles of other sources, which the cluster stage places again at the next `process`. */
  replaced: number;
}

/**
 * Stop following a source: it goes with its articles, and the events they were in are undone,
 * their other articles placed again by the next `process` — an event must not keep a title,
 * summary and score made from articles the store no longer holds. One transaction: an
 * interruption leaves everything as it was. Undefined when no source has this id or feed URL.
 */
export async function unfollowSource(store: Db, idOrUrl: string): Promise<Unfollowed | undefined> {
  return store.transaction(async (db) => {
    const source = await findSource(db, idOrUrl);
    if (!source) return undefined;
    const articles = await countArticles(db, source.id);
    const { events, otherArticles } = await eventsOfSource(db, source.id);
    await undoEvents(db, events);
    await removeSource(db, source.id);
    return { id: source.id, articles, events: events.length, replaced: otherArticles };
  });
}
