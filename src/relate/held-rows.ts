import type { Db } from '../store/db.js';
import { eventChangesSince } from '../store/event-changes.js';
import { LruMap } from '../store/lru.js';

/**
 * Rows about events kept by a reader from one read transaction to the next (the relating
 * thread's candidate rows, by event id), and kept true by the store's feed of changes
 * (store/event-changes.ts): at the start of each transaction `sync` drops the rows of the events
 * changed since the last, or all of them when that cannot be known. What is held is then
 * what a read would give, so it is read only once. The least recently used go past `max`.
 */
export class HeldRows<Row> {
  private readonly rows: LruMap<string, Row>;
  private mark: number | undefined;

  constructor(max: number) {
    this.rows = new LruMap(max);
  }

  get size(): number {
    return this.rows.size;
  }

  /** Bring what is held up to the store as this read transaction sees it. Call inside the transaction, before any get. */
  async sync(db: Db): Promise<void> {
    const { mark, changed } = await eventChangesSince(db, this.mark);
    if (changed === undefined) this.rows.clear();
    else for (const id of changed) this.rows.delete(id);
    this.mark = mark;
  }

  get(id: string): Row | undefined {
    return this.rows.get(id);
  }

  /** Hold a row read in the transaction last synced. */
  set(id: string, row: Row): void {
    this.rows.set(id, row);
  }
}
