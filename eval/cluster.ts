/**
 * npm run eval:cluster — for every labelled file of ../shared/data/clustering: co-event pairs
 * and BCubed precision/recall/F1 of our online clustering (the exact code of `almanac cluster`
 * and of the live pipeline) as given, from headlines alone, without URLs and on each time
 * half; beside a plain single-pass TF-IDF baseline (at the two thresholds the data README
 * gives) and "all apart", in the same run; then whether the goals are met, and our demo corpus.
 */
import { bcubed } from '../src/events/bcubed.js';
import { clusterBatch } from '../src/events/cluster.js';
import { coEventPairs } from '../src/events/pairs.js';
import { demoFile, half, type LabelledFile, labelledFiles, variants } from './cluster-data.js';
import { plainTfidfClusters } from './plain-tfidf.js';
import { pad, pct, requireData } from './shared-data.js';

const dir = requireData('clustering', 'eval:cluster');
const header = () =>
  console.log(
    `  ${pad('system', 46)}${pad('pairs P', 9)}${pad('R', 7)}${pad('F1', 7)}${pad('BCubed P', 10)}${pad('R', 7)}${pad('F1', 7)}events`,
  );
const line = (name: string, pred: Map<string, string>, f: LabelledFile) => {
  const gold = new Map(f.docs.map((d) => [d.id, f.gold.get(d.id)!]));
  const p = coEventPairs(pred, gold);
  const b = bcubed(pred, gold);
  const cells = [p.precision, p.recall, p.f1].map((x, i) => pad(pct(x), i ? 7 : 9)).join('');
  const bcells = [b.precision, b.recall, b.f1].map((x, i) => pad(pct(x), i ? 7 : 10)).join('');
  console.log(`  ${pad(name, 46)}${cells}${bcells}${new Set(pred.values()).size}`);
  return { pairs: p, bcubed: b };
};

const goals: { what: string; value: number; goal: number }[] = [];
let articles = 0;
let ms = 0;
for (const file of labelledFiles(dir)) {
  const withText = file.docs.some((d) => d.text);
  console.log(
    `\n${file.name}: ${file.docs.length} articles in ${new Set(file.gold.values()).size} events (${withText ? 'title and feed description' : 'headlines'})`,
  );
  header();
  const t = performance.now();
  const ours = clusterBatch(file.docs);
  [articles, ms] = [articles + file.docs.length, ms + performance.now() - t];
  const r = line('almanac', ours, file);
  let worstP = 1;
  for (const v of [...variants(file).slice(1), half(file, false), half(file, true)]) {
    const x = line(`almanac, ${v.name}`, clusterBatch(v.docs), v);
    worstP = Math.min(worstP, x.pairs.precision);
  }
  for (const th of [0.06, 0.2])
    line(`plain TF-IDF single pass, threshold ${th}`, plainTfidfClusters(file.docs, th), file);
  line('all apart', new Map(file.docs.map((d) => [d.id, d.id])), file);
  if (file.name.startsWith('ai-news')) {
    goals.push({ what: `${file.name}: pairs precision`, value: r.pairs.precision, goal: 0.85 });
    goals.push({ what: `${file.name}: pairs precision, worst variant or half`, value: worstP, goal: 0.85 });
    goals.push({ what: `${file.name}: pairs F1`, value: r.pairs.f1, goal: 0.7 });
  }
  if (file.name.startsWith('uci')) goals.push({ what: `${file.name}: BCubed F1`, value: r.bcubed.f1, goal: 0.9 });
}

console.log('\ngoals');
for (const g of goals)
  console.log(`  ${pad(g.what, 64)}${pad(pct(g.value), 7)}>= ${pct(g.goal)}  ${g.value >= g.goal ? 'met' : 'NOT met'}`);

console.log('\ndemo corpus (ours, not a quality claim)');
header();
for (const withText of [true, false]) {
  const demo = demoFile(withText);
  line(`almanac, ${demo.name}`, clusterBatch(demo.docs), demo);
}
console.log(
  `\nthroughput: ${Math.round((articles / ms) * 1000)} articles/s (one run, one core; npm run bench for a steadier figure)`,
);
