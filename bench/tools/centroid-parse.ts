/**
 * What reading a stored centroid costs in each of its stored forms: takes up to N centroids
 * of a store (read only), writes each as JSON (SparseVector.toJSON) and packed
 * (SparseVector.serialize), and prints their mean length and the mean time to parse each
 * form (the best of five passes over all of them, after a pass that warms up).
 *   node --import tsx bench/tools/centroid-parse.ts <store.db> [N, default 5000]
 */
import Database from 'better-sqlite3';
import { SparseVector } from '../../src/events/vector.js';

const [file, count = '5000'] = process.argv.slice(2);
if (!file) {
  console.error('usage: node --import tsx bench/tools/centroid-parse.ts <store.db> [N]');
  process.exit(2);
}
const db = new Database(file, { readonly: true, fileMustExist: true });
const stored = db
  .prepare('SELECT centroid FROM event_vectors ORDER BY event_id LIMIT ?')
  .pluck()
  .all(Number(count)) as string[];
db.close();
if (!stored.length) throw new Error(`${file} holds no centroids`);
const vectors = stored.map((s) => SparseVector.parse(s));
const forms = { json: vectors.map((v) => JSON.stringify(v)), packed: vectors.map((v) => v.serialize()) };

const meanLength = (texts: string[]) => texts.reduce((s, t) => s + t.length, 0) / texts.length;
function microsEach(texts: string[]): number {
  let best = Infinity;
  for (let pass = 0; pass < 6; pass++) {
    const start = process.hrtime.bigint();
    for (const t of texts) SparseVector.parse(t);
    const us = Number(process.hrtime.bigint() - start) / 1e3 / texts.length;
    if (pass > 0) best = Math.min(best, us);
  }
  return best;
}
const terms = vectors.reduce((s, v) => s + v.size, 0) / vectors.length;
console.log(`${vectors.length} centroids of ${file}, ${terms.toFixed(0)} terms on average`);
for (const [form, texts] of Object.entries(forms)) {
  console.log(
    `${form.padEnd(7)} ${meanLength(texts).toFixed(0).padStart(6)} characters  ${microsEach(texts).toFixed(1).padStart(6)} µs to parse`,
  );
}
