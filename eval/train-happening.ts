/**
 * npm run train:happening — learns the clusterer's model of "same happening?" from the
 * labelled files of ../shared/data/clustering (each as given, headlines only, and without
 * URLs), prints how it does on data it was not trained on (the other file; each time half
 * of a file from the other half and the other file), the worst of those, and writes
 * src/events/happening-model.ts. Deterministic: the same data, the same file.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bcubed } from '../src/events/bcubed.js';
import { HAPPENING_FEATURES } from '../src/events/happening.js';
import { coEventPairs } from '../src/events/pairs.js';
import { clusterWith, demoFile, examplesOf, half, labelledFiles, variants, type Examples, type LabelledFile } from './happening-training.js';
import { trainLogistic } from './logistic-training.js';
import { pad, pct, requireData } from './shared-data.js';

const dir = requireData('clustering', 'train:happening');
// The labelled files only: trained on our demo corpus too (the only full text with an answer
// key), the model joined more readily and the AI-news month's pairs precision fell to 0.63.
const files = labelledFiles(dir);
/**
 * Each file weighs the same in the loss whatever its number of examples: a dense headline
 * stream (stories of 60+) and a sparse feed (most events one article) are both regimes the
 * clusterer must get right, and the first has ten times the examples.
 */
const train = (fs: LabelledFile[]) => {
  const perFile: Examples[][] = fs.map((f) => variants(f).map(examplesOf));
  const X = perFile.flat().flatMap((e) => e.X);
  const y = perFile.flat().flatMap((e) => e.y);
  const weight = perFile.flatMap((es) => {
    const n = es.reduce((s, e) => s + e.y.length, 0);
    return es.flatMap((e) => e.y.map(() => y.length / (n * perFile.length)));
  });
  return trainLogistic(X, y, HAPPENING_FEATURES, undefined, weight);
};

console.log(`${pad('held out (trained on the rest)', 58)}${pad('pairs P', 9)}${pad('R', 7)}${pad('F1', 7)}BCubed F1`);
let worstP = 1;
let worstName = '';
const report = (test: LabelledFile, model: ReturnType<typeof train>) => {
  for (const v of variants(test)) {
    const pred = clusterWith(v, model);
    const p = coEventPairs(pred, v.gold);
    const b = bcubed(pred, v.gold);
    console.log(`${pad(v.name, 58)}${pad(pct(p.precision), 9)}${pad(pct(p.recall), 7)}${pad(pct(p.f1), 7)}${pct(b.f1)}`);
    if (p.precision < worstP) [worstP, worstName] = [p.precision, v.name];
  }
};
for (const f of files) {
  const others = files.filter((o) => o !== f);
  if (others.length) report(f, train(others));
  for (const second of [false, true]) report(half(f, second), train([...others, half(f, !second)]));
}
// Our demo corpus, never trained on: full text.
report(demoFile(), train(files));
console.log(`worst pairs precision held out: ${pct(worstP)} (${worstName})`);

const model = train(files);
const fixed = (xs: readonly number[]) => `[${xs.map((x) => Number(x.toPrecision(6))).join(', ')}]`;
writeFileSync(join(import.meta.dirname, '..', 'src', 'events', 'happening-model.ts'), `// Written by \`npm run train:happening\` (eval/train-happening.ts); do not edit by hand.
// Logistic regression over the evidence of happening.ts, each example an event the
// clusterer looked at closely for an article of ${files.map((f) => f.name).join(' or ')}
// (../shared/data/clustering), as given, headlines only and without URLs, each file weighing
// the same. Held out (the other
// file, or a time half from the other half): worst pairs precision ${pct(worstP)}.
import type { LogisticModel } from '../analyze/logistic.js';
import { HAPPENING_FEATURES } from './happening.js';

export const HAPPENING_MODEL: LogisticModel = {
  features: HAPPENING_FEATURES,
  mean: ${fixed(model.mean)},
  scale: ${fixed(model.scale)},
  weights: ${fixed(model.weights)},
  bias: ${Number(model.bias.toPrecision(6))},
};
`);
console.log('wrote src/events/happening-model.ts');
