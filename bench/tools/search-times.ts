import { TAXONOMY } from '../../src/analyze/taxonomy.js';
import { search } from '../../src/store/search.js';
import type { SqlClient } from '../../src/store/sql/client.js';
import { openStore } from '../../src/store/sql/open.js';
import { sharedDataDir } from '../../eval/shared-data.js';
import { searchQueries } from '../web-requests.js';

/**
 * Where search's time goes over the web bench's distinct queries, in one process without
 * HTTP: each query's time (percentiles and the slowest queries, the tail that sets p99 under
 * load) and each statement's total. The second of two passes is reported, so the figures are
 * of a warm store. `node --import tsx bench/tools/search-times.ts <store file or postgres URL>`.
 */
const target = process.argv[2];
if (!target) {
  console.error('usage: node --import tsx bench/tools/search-times.ts <store file or postgres:// URL>');
  process.exit(2);
}
const db = await openStore(target, { seed: TAXONOMY });
const statements = new Map<string, { ms: number; count: number; max: number }>();
/** The store with every `all` and `get` timed by statement (its first 110 characters, spaces folded). */
const timed = (inner: SqlClient): SqlClient => {
  const time =
    <A extends unknown[], R>(f: (...a: A) => Promise<R>) =>
    async (...a: A): Promise<R> => {
      const t0 = performance.now();
      const r = await f(...a);
      const ms = performance.now() - t0;
      const key = String(a[0]).replace(/\s+/g, ' ').slice(0, 110);
      const s = statements.get(key) ?? { ms: 0, count: 0, max: 0 };
      statements.set(key, { ms: s.ms + ms, count: s.count + 1, max: Math.max(s.max, ms) });
      return r;
    };
  return Object.assign(Object.create(inner) as SqlClient, {
    all: time(inner.all.bind(inner)),
    get: time(inner.get.bind(inner)),
  });
};
const store = timed(db);
const { queries, from } = searchQueries(sharedDataDir());
let times: Array<{ ms: number; q: string }> = [];
for (let pass = 0; pass < 2; pass++) {
  statements.clear();
  times = [];
  for (const q of queries) {
    const t0 = performance.now();
    await search(store, q);
    times.push({ ms: performance.now() - t0, q });
  }
}
await db.close();
times.sort((a, b) => a.ms - b.ms);
const at = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))]!.ms.toFixed(1);
const total = times.reduce((s, t) => s + t.ms, 0);
console.log(`${times.length} queries from ${from}, warm pass`);
console.log(
  `total ${total.toFixed(0)} ms, mean ${(total / times.length).toFixed(2)} ms; p50 ${at(0.5)}, p90 ${at(0.9)}, p99 ${at(0.99)}, max ${at(1)} ms`,
);
console.log(
  'slowest:',
  times
    .slice(-12)
    .reverse()
    .map((t) => `${t.q} ${t.ms.toFixed(1)}`)
    .join(' | '),
);
console.log('statements by total time (ms, count, max ms):');
for (const [sql, s] of [...statements].sort((a, b) => b[1].ms - a[1].ms).slice(0, 12))
  console.log(`${s.ms.toFixed(0).padStart(7)} ${String(s.count).padStart(6)} ${s.max.toFixed(1).padStart(7)}  ${sql}`);
