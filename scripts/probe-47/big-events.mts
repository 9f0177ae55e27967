/**
 * Probe (issue 47): the events of a stream file or a store with at least N articles (5 unless
 * given), largest first, each with its members' dates, outlets and titles: to read them as a
 * reader would and judge which hold more than one happening.
 * Usage: node --import tsx scripts/probe-47/big-events.mts <almanac.db | stream.jsonl> [N]
 */
import { OnlineClusterer } from '../../src/events/cluster.js';
import { clusterInput, type ProbeArticle, readArticles } from './articles.mjs';

const source = process.argv[2];
if (!source) {
  console.error('usage: big-events.mts <almanac.db | stream.jsonl> [N]');
  process.exit(1);
}
const least = Number(process.argv[3] ?? 5);
const rows = readArticles(source);
const c = new OnlineClusterer();
const placed = rows.map((r) => [r, c.add(clusterInput(r, 'entities')).event] as const);
const events = new Map<string, ProbeArticle[]>();
for (const [r, e] of placed) {
  const id = c.resolve(e);
  events.set(id, [...(events.get(id) ?? []), r]);
}
const big = [...events].filter(([, m]) => m.length >= least).sort((a, b) => b[1].length - a[1].length);
console.log(`${big.length} events of ${least} or more articles`);
for (const [id, members] of big) {
  console.log(`\n${id} (${members.length})`);
  for (const r of members) console.log(`  ${r.at.slice(0, 10)}  ${String(r.source_id).padEnd(22)} ${r.title}`);
}
