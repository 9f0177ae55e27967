/**
 * npm run eval:cluster — BCubed precision/recall/F1 of our online clustering (the exact
 * code of `almanac cluster` and of the live pipeline) on labelled news from
 * ../shared/data/clustering, beside a plain single-pass TF-IDF baseline run on the same
 * data in the same run, and the reference points that data set's README gives.
 */
import { join } from 'node:path';
import { loadCorpus } from '../src/demo/corpus.js';
import { clusterBatch } from '../src/events/cluster.js';
import { bcubed } from '../src/events/bcubed.js';
import { plainTfidfClusters } from './plain-tfidf.js';
import { pad, pct, readJsonlFile, requireData } from './shared-data.js';

interface Row {
  id: string;
  title: string;
  text: string;
  published: string;
  source: string;
  url: string;
  cluster: string;
}

const dir = requireData('clustering', 'eval:cluster');
const rows = readJsonlFile<Row>(join(dir, 'uci-dev.jsonl'));
const gold = new Map(rows.map((r) => [r.id, r.cluster]));
const docs = rows.map((r) => ({
  id: r.id,
  title: r.title,
  text: r.text,
  url: r.url,
  source: r.source,
  published: new Date(r.published),
}));

function timed<T>(f: () => T): [T, number] {
  const t = performance.now();
  const out = f();
  return [out, performance.now() - t];
}

const [ours, ms] = timed(() => clusterBatch(docs));
const [oursTitleOnly] = timed(() => clusterBatch(docs.map((d) => ({ ...d, url: undefined }))));
const [baseline] = timed(() => plainTfidfClusters(docs, 0.06));

console.log(`uci-dev.jsonl: ${rows.length} headlines in ${new Set(gold.values()).size} stories (no text)\n`);
console.log(`${pad('system', 52)}${pad('P', 8)}${pad('R', 8)}${pad('F1', 8)}events`);
const line = (name: string, pred: Map<string, string>) => {
  const b = bcubed(pred, gold);
  console.log(
    `${pad(name, 52)}${pad(pct(b.precision), 8)}${pad(pct(b.recall), 8)}${pad(pct(b.f1), 8)}${new Set(pred.values()).size}`,
  );
};
line('almanac (title + URL words)', ours);
line('almanac, titles only', oursTitleOnly);
line('plain TF-IDF single pass, threshold 0.06 (this run)', baseline);
console.log(
  `${pad('plain TF-IDF, as the data README gives it', 52)}${pad('0.860', 8)}${pad('0.787', 8)}${pad('0.822', 8)}`,
);
console.log(`${pad('goal', 52)}${pad('', 16)}${pad('0.900', 8)}`);
// Our own demo corpus with its answer key: full text against headlines alone (text must help).
const corpus = loadCorpus();
const anchor = Date.parse('2026-11-22T12:00:00Z');
const demoGold = new Map(corpus.map((a, i) => [String(i), a.event!]));
const demoDocs = (withText: boolean) =>
  corpus.map((a, i) => ({
    id: String(i),
    title: a.title,
    text: withText ? a.paragraphs.join('\n\n') : '',
    url: `https://example.org/${a.sourceId}/${a.slug}`,
    published: new Date(anchor - a.hoursBeforeNewest * 3_600_000),
  }));
console.log(
  `\ndemo corpus (ours, not a quality claim): ${corpus.length} articles in ${new Set(demoGold.values()).size} events`,
);
for (const [name, withText] of [
  ['almanac, full text', true],
  ['almanac, headlines only', false],
] as const) {
  const b = bcubed(clusterBatch(demoDocs(withText)), demoGold);
  console.log(`${pad(name, 52)}${pad(pct(b.precision), 8)}${pad(pct(b.recall), 8)}${pct(b.f1)}`);
}
console.log(
  `\nthroughput: ${Math.round((docs.length / ms) * 1000)} articles/s (one run, one core; npm run bench for a steadier figure)`,
);
