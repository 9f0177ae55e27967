/**
 * Parsed forms of JSON columns that are read over and over (event centroids, while relating
 * events): parsing them is the larger part of relating's cost. An entry is used only while
 * the stored text is the text it was parsed from, so no write, by this process or another,
 * can leave a stale value behind; the least recently used entries go past `max`.
 *
 * With `fingerprint`, an entry keeps the text's length and two 32-bit hashes of it instead of
 * the text itself: a centroid's text is about four times the size of its parsed vector, so
 * the same memory holds about four times the entries. (Two different texts of one length with
 * both hashes equal is the only way a stale value could be used: about one in 2^64.)
 */
export class ParsedCache<T> {
  private readonly entries = new Map<string, { text: string; value: T }>();

  constructor(private readonly parse: (text: string) => T, private readonly max = 5000, private readonly fingerprint = false) {}

  get(key: string, text: string): T {
    const check = this.fingerprint ? fingerprintOf(text) : text;
    const hit = this.entries.get(key);
    if (hit && hit.text === check) {
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit.value;
    }
    const value = this.parse(text);
    this.entries.delete(key);
    this.entries.set(key, { text: check, value });
    if (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value!);
    return value;
  }
}

/** The text's length and two independent 32-bit hashes of it (FNV-1a and a multiply-xor hash). */
export function fingerprintOf(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x9747b28c;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  return `${text.length}:${(a >>> 0).toString(36)}:${(b >>> 0).toString(36)}`;
}
