/**
 * npm run eval:cluster — for every labelled file of ../shared/data/clustering: co-event
 * pairs and BCubed precision/recall/F1 of our online clustering (the exact code of
 * `almanac cluster` and of the live pipeline), beside a plain single-pass TF-IDF baseline
 * (at the two thresholds the data README gives) and "all apart", in the same run; then
 * whether the goals are met, and our demo corpus (full text against headlines alone).
 */
import { bcubed } from '../src/events/bcubed.js';
import { clusterBatch } from '../src/events/cluster.js';
import { coEventPairs } from '../src/events/pairs.js';
import { demoFile, labelledFiles, variants } from './happening-training.js';
import { plainTfidfClusters } from './plain-tfidf.js';
import { pad, pct, requireData } from './shared-data.js';

const dir = requireData('clustering', 'eval:cluster');
const header = () => console.log(`  ${pad('system', 46)}${pad('pairs P', 9)}${pad('R', 7)}${pad('F1', 7)}${pad('BCubed P', 10)}${pad('R', 7)}${pad('F1', 7)}events`);
const line = (name: string, pred: Map<string, string>, gold: Map<string, string>) => {
  const p = coEventPairs(pred, gold);
  const b = bcubed(pred, gold);
  console.log(`  ${pad(name, 46)}${pad(pct(p.precision), 9)}${pad(pct(p.recall), 7)}${pad(pct(p.f1), 7)}${pad(pct(b.precision), 10)}${pad(pct(b.recall), 7)}${pad(pct(b.f1), 7)}${new Set(pred.values()).size}`);
  return { pairs: p, bcubed: b };
};

const goals: { what: string; value: number; goal: number }[] = [];
let articles = 0;
let ms = 0;
for (const file of labelledFiles(dir)) {
  console.log(`\n${file.name}: ${file.docs.length} articles in ${new Set(file.gold.values()).size} events${file.docs.some((d) => d.text) ? ' (title and feed description)' : ' (headlines)'}`);
  header();
  for (const v of variants(file)) {
    const t = performance.now();
    const pred = clusterBatch(v.docs);
    if (v === variants(file)[0]) [articles, ms] = [articles + v.docs.length, ms + performance.now() - t];
    const r = line(`almanac${v.name.slice(file.name.length)}`, pred, v.gold);
    if (file.name.startsWith('ai-news')) {
      goals.push({ what: `${v.name}: pairs precision`, value: r.pairs.precision, goal: 0.85 });
      if (v.name === file.name) goals.push({ what: `${v.name}: pairs F1`, value: r.pairs.f1, goal: 0.7 });
    }
    if (file.name.startsWith('uci')) goals.push({ what: `${v.name}: BCubed F1`, value: r.bcubed.f1, goal: 0.9 });
  }
  for (const th of [0.06, 0.2]) line(`plain TF-IDF single pass, threshold ${th}`, plainTfidfClusters(file.docs, th), file.gold);
  line('all apart', new Map(file.docs.map((d) => [d.id, d.id])), file.gold);
}

console.log('\ngoals');
for (const g of goals) console.log(`  ${pad(g.what, 58)}${pad(pct(g.value), 7)}>= ${pct(g.goal)}  ${g.value >= g.goal ? 'met' : 'NOT met'}`);

// Our own demo corpus with its answer key: full text against headlines alone (text must help).
const demo = demoFile();
console.log(`\ndemo corpus (ours, not a quality claim): ${demo.docs.length} articles in ${new Set(demo.gold.values()).size} events`);
header();
line('almanac, full text', clusterBatch(demo.docs), demo.gold);
line('almanac, headlines only', clusterBatch(demo.docs.map((d) => ({ ...d, text: '' }))), demo.gold);
console.log(`\nthroughput: ${Math.round((articles / ms) * 1000)} articles/s (one run, one core; npm run bench for a steadier figure)`);
