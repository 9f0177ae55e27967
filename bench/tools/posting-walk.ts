/**
 * What the clusterer's candidate search walks (a preload): per article placed, the entries of
 * its terms' lists in the inverted index, how many of them belong to events idle for longer
 * than the window (passed over), the holes left by events taken out, and the distinct events
 * met within the window. Printed at exit; the counting walks the lists a second time, so time
 * nothing with it. For one round on a kept store:
 *   BENCH_INGEST_DIR=<a copy of a kept store> BENCH_INGEST_ROUNDS=1 \
 *     node --import tsx --import ./bench/tools/posting-walk.ts bench/ingest-run.ts 1100000
 */
import { OnlineClusterer } from '../../src/events/cluster.js';
import type { Posted, Posting } from '../../src/events/posting.js';
import type { SparseVector } from '../../src/events/vector.js';

// The search and the index are private to the clusterer; a preload reads them all the same.
interface Inside {
  settings: { windowHours: number };
  index: Map<number, Posting<Posted>>;
}
type Search = (this: Inside, v: SparseVector, now: number) => unknown;
const proto = OnlineClusterer.prototype as unknown as { candidates: Search };
const search = proto.candidates;
const count = { articles: 0, entries: 0, out: 0, holes: 0, met: 0 };
proto.candidates = function (v, now) {
  const windowMs = this.settings.windowHours * 3_600_000;
  const met = new Set<Posted>();
  for (let i = 0; i < v.ids.length; i++) {
    const posting = this.index.get(v.ids[i]!);
    if (!posting) continue;
    for (let j = 0; j < posting.events.length; j++) {
      const e = posting.events[j];
      if (e === undefined) count.holes++;
      else if (now - posting.lastSeen[j]! > windowMs) count.out++;
      else met.add(e);
    }
    count.entries += posting.size;
  }
  count.articles++;
  count.met += met.size;
  return search.call(this, v, now);
};

process.on('exit', () => {
  const per = (n: number) => (n / Math.max(1, count.articles)).toFixed(0);
  console.error(
    `posting-walk: ${count.articles} articles placed; per article ${per(count.entries)} entries walked, ` +
      `${per(count.out)} of them (${((100 * count.out) / Math.max(1, count.entries)).toFixed(1)}%) out of the window, ` +
      `${per(count.holes)} holes passed, ${per(count.met)} events met`,
  );
});
