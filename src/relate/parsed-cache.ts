import { LruMap } from '../store/lru.js';

/**
 * Parsed forms of stored values that are read over and over (event centroids and subjects,
 * while relating events): parsing them is a large part of relating's cost. An entry is used only while
 * the stored value is the one it was parsed from, so no write, by this process or another,
 * can leave a stale value behind; the least recently used entries go past `max`.
 *
 * What tells "the same value" apart is the text itself, or, where the row carries one, a
 * version: something every write of the value changes (for a centroid, its event's size,
 * which grows with every article and merge, with its norm and latest time). A version is
 * compared instead of the text, which for a large centroid is tens of kilobytes to hash or
 * compare, and the entry does not keep the text.
 */
export class ParsedCache<T> {
  private readonly entries: LruMap<string, { check: string; value: T }>;

  constructor(
    private readonly parse: (text: string) => T,
    max = 5000,
  ) {
    this.entries = new LruMap(max);
  }

  /**
   * The value parsed for `key` at this version, if it is held (then the text need not be read
   * at all: a stored centroid is kilobytes, its version a few bytes before it in the row).
   */
  current(key: string, version: string): T | undefined {
    const hit = this.entries.get(key);
    return hit && hit.check === version ? hit.value : undefined;
  }

  get(key: string, text: string, version?: string): T {
    const check = version ?? text;
    const held = this.current(key, check);
    if (held !== undefined) return held;
    const value = this.parse(text);
    this.entries.set(key, { check, value });
    return value;
  }
}
