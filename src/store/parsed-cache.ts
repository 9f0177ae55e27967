/**
 * Parsed forms of JSON columns that are read over and over (event centroids, while relating
 * events): parsing them is the larger part of relating's cost. An entry is used only while
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
  private readonly entries = new Map<string, { check: string; value: T }>();

  constructor(private readonly parse: (text: string) => T, private readonly max = 5000) {}

  /**
   * The value parsed for `key` at this version, if it is held (then the text need not be read
   * at all: a stored centroid is kilobytes, its version a few bytes before it in the row).
   */
  current(key: string, version: string): T | undefined {
    const hit = this.entries.get(key);
    if (!hit || hit.check !== version) return undefined;
    this.entries.delete(key);
    this.entries.set(key, hit);
    return hit.value;
  }

  get(key: string, text: string, version?: string): T {
    const check = version ?? text;
    const held = this.current(key, check);
    if (held !== undefined) return held;
    const value = this.parse(text);
    this.entries.delete(key);
    this.entries.set(key, { check, value });
    if (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value!);
    return value;
  }
}
