/**
 * Probe (issue 47): the articles of a store built from ../shared/data/streams, clustered as the
 * pipeline does (time order, ties by article id, with the extractor's entities, or `none`), and
 * whether the happenings the issue found stitched stay apart. The unit test
 * (src/events/stream-groupings.test.ts) clusters the stream file in its own order; ties of
 * publication time (a feed's items at one hour) make the online clusterer's result depend on order.
 * Usage: node --import tsx scripts/probe-47/store-order.mts <almanac.db | stream.jsonl> [entities|none]
 * (build the store as a user would: serve the stream's outlets as RSS on loopback, `sources add
 * --allow-private --fulltext never`, `fetch`, `process`).
 */
import { OnlineClusterer } from '../../src/events/cluster.js';
import { clusterInput, readArticles } from './articles.mjs';
const rows = readArticles(process.argv[2]!);
const mode = process.argv[3] ?? 'entities';
const c = new OnlineClusterer();
const ev = new Map<string, string>();
for (const r of rows) {
  const a = c.add(clusterInput(r, mode));
  ev.set(String(r.id), a.event);
  for (const m of a.merges) for (const [k, v] of ev) if (v === m.from) ev.set(k, m.into);
}
const byTitle = new Map(rows.map((r) => [r.title, String(r.id)]));
const e = (t: string) => c.resolve(ev.get(byTitle.get(t)!)!);
const checks = [
  [
    'New ways to learn and explore with AI Mode in Search',
    'Microsoft Edge is now an AI browser with launch of ‘Copilot Mode’',
  ],
  ['New ways to learn and explore with AI Mode in Search', 'OpenAI launches Study Mode in ChatGPT'],
  [
    'Anthropic launches a Claude AI agent that lives in Chrome',
    'Anthropic settles AI book-training lawsuit with authors',
  ],
  [
    'How to remap the Copilot key on your keyboard to something more helpful',
    'Microsoft confirms Copilot ‘super app’ coming this year',
  ],
];
for (const [a, b] of checks) console.log(e(a!) === e(b!) ? 'TOGETHER' : 'apart   ', '|', a, '|', b);
const sizes = new Map<string, number>();
for (const id of ev.keys()) {
  const k = c.resolve(ev.get(id)!);
  sizes.set(k, (sizes.get(k) ?? 0) + 1);
}
console.log(
  mode,
  'events',
  sizes.size,
  'biggest',
  [...sizes.values()]
    .sort((a, b) => b - a)
    .slice(0, 8)
    .join(','),
);
