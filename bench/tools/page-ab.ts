/**
 * Two checkouts' server time for the same pages, in one process, in turns: on a shared
 * machine whose load moves by half from one minute to the next, runs a minute apart (the web
 * bench, page-render.ts) cannot tell a 10% change; rounds taken in turns see the same load.
 *   node --import tsx bench/tools/page-ab.ts <checkout A> <checkout B> <store.db> [requests a round] [path…]
 * Prints each tree's best round in CPU ms a request and whether their pages are the same
 * bytes. Both open the same store: a migration only one of them has is applied for both. Run
 * it from checkout B; pages written in JSX render only for the checkout it runs from (tsx
 * reads that one's tsconfig), the string-written event page and feeds for both. The store may
 * be a PostgreSQL URL: then each round's CPU in the database's backends is printed too (the
 * trees take turns, so a round's backend work is its tree's).
 */
import { isAbsolute, resolve } from 'node:path';
import { isPostgresUrl } from '../../src/store/sql/url.js';
import { openStore } from '../../src/store/sql/open.js';
import { backendCpu, backendCpuSpent } from '../pg-backend-cpu.js';

const [a, b, file, n = '300', ...given] = process.argv.slice(2);
if (!a || !b || !file) {
  console.error(
    'usage: node --import tsx bench/tools/page-ab.ts <checkout A> <checkout B> <store.db> [requests] [path…]',
  );
  process.exit(2);
}
const ROUNDS = 12;
const requests = Number(n);
const fixedNow = new Date('2026-11-23T06:00:00Z');

async function appOf(tree: string) {
  const root = isAbsolute(tree) ? tree : resolve(tree);
  const { openStore: open } = await import(`${root}/src/store/sql/open.ts`);
  const { createApp } = await import(`${root}/src/web/app.tsx`);
  const { TAXONOMY } = await import(`${root}/src/analyze/taxonomy.ts`);
  const db = await open(file!, { seed: TAXONOMY });
  return { db, app: createApp({ db, clock: { now: () => fixedNow } }) };
}

const trees = [
  { name: 'A', ...(await appOf(a)) },
  { name: 'B', ...(await appOf(b)) },
];
const event = (await trees[1]!.db.get('SELECT id FROM events ORDER BY last_updated DESC LIMIT 1 OFFSET 100')) as {
  id: string;
};
const source = (await trees[1]!.db.get('SELECT id FROM sources ORDER BY id LIMIT 1')) as { id: string };
const paths = given.length
  ? given
  : [
      `/events/${encodeURIComponent(event.id)}`,
      '/feed.atom?topic=ai-chips&min=5',
      `/feed.atom?source=${source.id}&min=5`,
    ];
/** On PostgreSQL, a connection of its own that reads the backends' CPU time. */
const monitor = isPostgresUrl(file) ? await openStore(file, { poolSize: 1 }) : undefined;
const backends = async () => (monitor ? backendCpu(monitor) : new Map<number, number>());
const fixed = (x: number) => x.toFixed(3);
for (const path of paths) {
  const best = [Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY];
  const bestBackends = [Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY];
  const bodies = ['', ''];
  for (let round = 0; round < ROUNDS; round++)
    for (const [i, t] of trees.entries()) {
      const pg0 = await backends();
      const cpu0 = process.cpuUsage();
      for (let r = 0; r < requests; r++) bodies[i] = await (await t.app.request(path)).text();
      const cpu = process.cpuUsage(cpu0);
      const pg = backendCpuSpent(pg0, await backends());
      // The first two rounds warm both up (statements prepared, pages in SQLite's cache).
      if (round > 1) best[i] = Math.min(best[i]!, (cpu.user + cpu.system) / 1000 / requests);
      if (round > 1) bestBackends[i] = Math.min(bestBackends[i]!, pg / requests);
    }
  const inBackends = monitor ? `; backends A ${fixed(bestBackends[0]!)}  B ${fixed(bestBackends[1]!)}` : '';
  console.log(
    `${path.padEnd(50)} A ${fixed(best[0]!)}  B ${fixed(best[1]!)} CPU ms/request${inBackends}  ` +
      `(B/A ${(best[1]! / best[0]!).toFixed(2)}; pages ${bodies[0] === bodies[1] ? 'the same' : 'DIFFERENT'})`,
  );
}
for (const t of trees) await t.db.close();
await monitor?.close();
