/**
 * A map that keeps its `max` most recently used entries: a Map to find an entry, and a list
 * through the entries from the most to the least recently used, so that using one moves it
 * to the front and going past `max` drops the last, each in constant time.
 *
 * (A Map alone, deleting and setting a key again to move it last and dropping
 * `keys().next()`, is what this replaces: every delete leaves a hole at the front of V8's
 * ordered table, which the next `keys()` walks over, so once a cache is full and its
 * lookups mostly miss, each eviction costs microseconds, as relating's centroid cache
 * (20,000) did.)
 */
interface Node<K, V> {
  key: K;
  value: V;
  newer: Node<K, V> | undefined;
  older: Node<K, V> | undefined;
}

export class LruMap<K, V> {
  private readonly nodes = new Map<K, Node<K, V>>();
  private newest: Node<K, V> | undefined;
  private oldest: Node<K, V> | undefined;

  constructor(readonly max: number) {
    if (!(max >= 1)) throw new Error(`an LRU map must hold at least one entry (was given ${max})`);
  }

  get size(): number {
    return this.nodes.size;
  }

  /** The value under `key`, now the most recently used; undefined if not held. */
  get(key: K): V | undefined {
    const node = this.nodes.get(key);
    if (!node) return undefined;
    this.toFront(node);
    return node.value;
  }

  /** Hold `value` under `key` as the most recently used, dropping the least recently used past `max`. */
  set(key: K, value: V): void {
    const held = this.nodes.get(key);
    if (held) {
      held.value = value;
      this.toFront(held);
      return;
    }
    const node: Node<K, V> = { key, value, newer: undefined, older: undefined };
    this.nodes.set(key, node);
    this.link(node);
    if (this.nodes.size > this.max) {
      const last = this.oldest!;
      this.unlink(last);
      this.nodes.delete(last.key);
    }
  }

  /** Forget `key`, if held. */
  delete(key: K): boolean {
    const node = this.nodes.get(key);
    if (!node) return false;
    this.unlink(node);
    this.nodes.delete(key);
    return true;
  }

  /** Forget every entry. */
  clear(): void {
    this.nodes.clear();
    this.newest = this.oldest = undefined;
  }

  private toFront(node: Node<K, V>): void {
    if (node === this.newest) return;
    this.unlink(node);
    this.link(node);
  }

  private link(node: Node<K, V>): void {
    node.older = this.newest;
    node.newer = undefined;
    if (this.newest) this.newest.newer = node;
    this.newest = node;
    this.oldest ??= node;
  }

  private unlink(node: Node<K, V>): void {
    if (node.newer) node.newer.older = node.older;
    else this.newest = node.older;
    if (node.older) node.older.newer = node.newer;
    else this.oldest = node.newer;
    node.newer = node.older = undefined;
  }
}
