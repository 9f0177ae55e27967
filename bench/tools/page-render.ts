/**
 * Server time of pages rendered in-process (app.request, no HTTP), against a kept store:
 * what one request of each costs in SQL statements and CPU, without the load generator.
 *   node --import tsx bench/tools/page-render.ts <store.db> [requests] [path…]
 * With no paths: an event page and the filtered Atom feeds of the web bench. Run it under
 * `node --cpu-prof` to see where the time goes (bench/profile-summary.ts).
 */
import { TAXONOMY } from '../../src/analyze/taxonomy.js';
import { openDb } from '../../src/store/db.js';
import { one } from '../../src/store/sql/query.js';
import { createApp } from '../../src/web/app.js';
import { systemClock } from '../../src/clock.js';

const [file, n = '2000', ...given] = process.argv.slice(2);
if (!file) {
  console.error('usage: node --import tsx bench/tools/page-render.ts <store.db> [requests] [path…]');
  process.exit(2);
}
const db = openDb(file, { seed: TAXONOMY });
let statements = 0;
const prepare = db.db.prepare;
db.db.prepare = ((sql: string) => {
  statements++;
  return prepare(sql);
}) as typeof prepare;
const event = await one<string>(db, 'SELECT id FROM events ORDER BY last_updated DESC LIMIT 1 OFFSET 100');
const source = await one<string>(db, 'SELECT id FROM sources ORDER BY id LIMIT 1');
const paths = given.length
  ? given
  : [`/events/${encodeURIComponent(event)}`, '/feed.atom?topic=ai-chips&min=5', `/feed.atom?source=${source}&min=5`];
const app = createApp({ db, clock: systemClock });
const requests = Number(n);
for (const path of paths) {
  let bytes = 0;
  for (let i = 0; i < Math.min(200, requests); i++) bytes = (await (await app.request(path)).text()).length;
  statements = 0;
  // CPU time rather than wall time: on a shared machine the other work moves wall time far more.
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  for (let i = 0; i < requests; i++) await (await app.request(path)).text();
  const cpu = process.cpuUsage(cpu0);
  const wall = (performance.now() - t0) / requests;
  const cpuMs = (cpu.user + cpu.system) / 1000 / requests;
  console.log(
    `${path.padEnd(50)} ${cpuMs.toFixed(3)} CPU ms/request (wall ${wall.toFixed(3)})  ${(statements / requests).toFixed(1)} statements  ${bytes} chars`,
  );
}
await db.close();
