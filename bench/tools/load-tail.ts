/**
 * Where an event page's tail under load comes from: one server of a checkout (`serve
 * --no-scheduler`, every request rendered), 50 connections on one event page, counted two ways
 * in the same run: as two autocannon runs counted it (a warm-up, then a run on 50 new
 * connections) and as the web bench counts it now (the counted seconds on connections already
 * open, bench/steady-load.ts).
 *   node --import tsx bench/tools/load-tail.ts <checkout> <store.db> [workers] [seconds] [node flag…]
 * Node flags (--trace-gc, --max-semi-space-size=…) go to the server and its workers.
 */
import { spawn } from 'node:child_process';
import autocannon from 'autocannon';
import Database from 'better-sqlite3';
import { childrenOf, freePort } from '../../test/helpers.js';
import { processCpuMs } from '../pg-backend-cpu.js';
import { quantile } from '../steady-load.js';

const [tree, store, workers = '1', seconds = '6', ...flags] = process.argv.slice(2);
if (!tree || !store) {
  console.error(
    'usage: node --import tsx bench/tools/load-tail.ts <checkout> <store.db> [workers] [seconds] [node flag…]',
  );
  process.exit(2);
}
const db = new Database(store, { readonly: true });
const id = db.prepare('SELECT id FROM events ORDER BY last_updated DESC LIMIT 1 OFFSET 100').pluck().get() as string;
db.close();
const port = await freePort();
const args = [...flags, `${tree}/bin/almanac.js`, 'serve', '--no-scheduler', '--workers', workers, '--db', store];
const server = spawn(process.execPath, [...args, '--port', String(port)], {
  env: { ...process.env, ALMANAC_RATE_LIMIT: '0', ALMANAC_PAGE_CACHE_S: '0' },
  stdio: ['ignore', 'pipe', 'inherit'],
});
let said = '';
server.stdout!.on('data', (b: Buffer) => {
  said += b.toString();
  process.stderr.write(b); // --trace-gc's lines, for whoever reads them
});
while (!/serving on/.test(said)) await new Promise((r) => setTimeout(r, 50));
const url = `http://127.0.0.1:${port}/events/${encodeURIComponent(id)}`;
const cpu = () => [server.pid!, ...childrenOf(server.pid!)].reduce((ms, pid) => ms + processCpuMs(pid), 0);

await autocannon({ url, connections: 50, duration: 2 });
const cpu0 = cpu();
const answers: Array<{ sent: number; ms: number }> = [];
let finished!: (r: autocannon.Result) => void;
const result = new Promise<autocannon.Result>((resolve) => (finished = resolve));
const run = autocannon({ url, connections: 50, duration: Number(seconds) }, (_e, r) => finished(r));
const t0 = performance.now();
run.on('response', (_c: unknown, _s: number, _b: number, ms: number) =>
  answers.push({ sent: performance.now() - t0 - ms, ms }),
);
const r = await result;
const cpuMs = (cpu() - cpu0) / r.requests.total;
// The connections opened within the first second of the run (a busy server accepts one per turn of its loop).
const opened = answers.filter((a) => a.sent >= 1000);
const figures = (xs: Array<{ ms: number }>) => {
  const sorted = xs.map((a) => a.ms).sort((a, b) => a - b);
  return `${sorted.length} answers, p50 ${quantile(sorted, 0.5)} p99 ${quantile(sorted, 0.99)} ms`;
};
console.log(
  `${tree}, ${workers} worker(s) ${flags.join(' ')}: ${Math.round(r.requests.average)} req/s, ${cpuMs.toFixed(2)} CPU ms/req\n` +
    `  every answer of the run:              ${figures(answers)}, over 200 ms: ${answers.filter((a) => a.ms > 200).length}\n` +
    `  asked after its first second:         ${figures(opened)}`,
);
server.kill('SIGTERM');
await new Promise((r) => server.once('exit', r));
