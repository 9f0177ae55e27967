/**
 * npm run eval:feeds — our feed parser over feedparser's public test suite.
 * Prints the pass rate per category (over applicable cases), the not-applicable counts
 * with their reasons, and with --failures every failing case.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { passRate, runFeedSuite } from '../src/ingest/feeds/feed-suite.js';

const dataDir = process.env.ALMANAC_SHARED_DATA
  ? join(process.env.ALMANAC_SHARED_DATA, 'feeds')
  : join(import.meta.dirname, '..', '..', 'shared', 'data', 'feeds');
if (!existsSync(dataDir)) {
  console.error(`eval:feeds: ${dataDir} not found (the public data sets live in ../shared/data)`);
  process.exit(1);
}
const report = runFeedSuite(dataDir);
const pad = (s: string | number, n: number) => String(s).padEnd(n);
console.log(`${pad('category', 24)}${pad('pass', 7)}${pad('fail', 7)}${pad('crash', 7)}${pad('n/a', 7)}rate`);
const cats = [...report.byCategory.entries()].sort(([a], [b]) => a.localeCompare(b));
for (const [cat, r] of cats) {
  const { rate, applicable } = passRate([r]);
  console.log(
    `${pad(cat, 24)}${pad(r.pass, 7)}${pad(r.fail, 7)}${pad(r.crash, 7)}${pad(r['n/a'], 7)}${applicable ? (rate * 100).toFixed(1) + '%' : '-'}`,
  );
}
const wellformed = cats.filter(([c]) => c.startsWith('wellformed/') && c !== 'wellformed/sanitize').map(([, r]) => r);
const all = cats.filter(([c]) => c !== 'wellformed/sanitize').map(([, r]) => r);
const sanitize = cats.filter(([c]) => c === 'wellformed/sanitize').map(([, r]) => r);
const w = passRate(wellformed);
const a = passRate(all);
const s = passRate(sanitize);
const crashes = report.results.filter((r) => r.outcome === 'crash').length;
console.log('');
console.log(`well-formed field checks (sanitize apart): ${w.pass}/${w.applicable} = ${(w.rate * 100).toFixed(1)}%`);
console.log(`all categories (sanitize apart):           ${a.pass}/${a.applicable} = ${(a.rate * 100).toFixed(1)}%`);
console.log(
  `sanitize (exact output of feedparser's own sanitizer): ${s.pass}/${s.applicable} = ${(s.rate * 100).toFixed(1)}%`,
);
console.log(`crashes: ${crashes}`);
const na = new Map<string, number>();
for (const r of report.results) {
  if (r.outcome !== 'n/a') continue;
  const reason = r.detail!.replace(/entries\.\d+/, 'entries.N').replace(/\.\d+\./g, '.N.');
  na.set(reason, (na.get(reason) ?? 0) + 1);
}
console.log(`not applicable: ${[...na.values()].reduce((x, y) => x + y, 0)} cases`);
if (process.argv.includes('--failures')) {
  for (const r of report.results)
    if (r.outcome === 'fail' || r.outcome === 'crash') console.log(`${r.outcome} ${r.file}: ${r.detail}`);
  for (const [k, v] of [...na.entries()].sort((x, y) => y[1] - x[1])) console.log(`n/a ${v} ${k}`);
}
