/**
 * Parsed forms of JSON columns that are read over and over (event centroids, while relating
 * events): parsing them is the larger part of relating's cost. An entry is used only while
 * the stored text is exactly the text it was parsed from, so no write, by this process or
 * another, can leave a stale value behind; the oldest entries go past `max`.
 */
export class ParsedCache<T> {
  private readonly entries = new Map<string, { text: string; value: T }>();

  constructor(private readonly parse: (text: string) => T, private readonly max = 5000) {}

  get(key: string, text: string): T {
    const hit = this.entries.get(key);
    if (hit && hit.text === text) {
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit.value;
    }
    const value = this.parse(text);
    this.entries.delete(key);
    this.entries.set(key, { text, value });
    if (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value!);
    return value;
  }
}
