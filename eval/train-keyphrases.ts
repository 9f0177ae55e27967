/**
 * npm run train:keyphrases — learns the keyphrase ranker's weights from the 500N-KPCrowd
 * dev half (../shared/data/nlp), prints how well they carry over to documents they were
 * not trained on (5-fold cross-validation, and leaving out one news category at a time),
 * and writes src/analyze/keyphrase-model.ts. Deterministic: the same data, the same file.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { scoreFeatures } from '../src/analyze/keyphrases.js';
import { f1AtK } from './keyphrase-metrics.js';
import { crossValidated, examplesOf, rankWith, trainKeyphraseModel, type KpDoc } from './keyphrase-training.js';
import { pct, readJsonlFile, requireData } from './shared-data.js';

const dir = requireData('nlp', 'train:keyphrases');
const docs = readJsonlFile<KpDoc>(join(dir, 'keyphrase-news-dev.jsonl'));
const gold = docs.map((d) => d.keyphrases);
process.stdout.write(`reading ${docs.length} documents… `);
const examples = docs.map(examplesOf);
console.log(
  `${examples.reduce((s, e) => s + e.y.length, 0)} candidates, ${examples.reduce((s, e) => s + e.y.reduce((a, b) => a + b, 0), 0)} of them gold`,
);

const cv = f1AtK(crossValidated(examples, 5, undefined, scoreFeatures), gold, 10);
console.log(`5-fold cross-validated F1@10 ${pct(cv.f1)} (P ${pct(cv.precision)}, R ${pct(cv.recall)})`);
const categories = [...new Set(docs.map((d) => d.category ?? ''))];
const loco: string[][] = new Array(docs.length);
for (const c of categories) {
  const model = trainKeyphraseModel(examples.filter((_, i) => docs[i]!.category !== c));
  docs.forEach((d, i) => {
    if (d.category === c) loco[i] = rankWith(examples[i]!, model, scoreFeatures);
  });
}
const lc = f1AtK(loco, gold, 10);
console.log(`leave-one-category-out F1@10 ${pct(lc.f1)} (${categories.length} categories)`);

const model = trainKeyphraseModel(examples);
const fixed = (xs: readonly number[]) => `[${xs.map((x) => Number(x.toPrecision(6))).join(', ')}]`;
const file = `// Written by \`npm run train:keyphrases\` (eval/train-keyphrases.ts); do not edit by hand.
// Logistic regression over the features of keyphrase-candidates.ts, trained on the
// 500N-KPCrowd dev half (${docs.length} news stories, ../shared/data/nlp). Measured on stories it was
// not trained on: 5-fold cross-validated F1@10 ${pct(cv.f1)}, leave-one-category-out ${pct(lc.f1)}.
import type { KeyphraseModel } from './keyphrases.js';

export const KEYPHRASE_MODEL: KeyphraseModel = {
  features: ${JSON.stringify(model.features)},
  mean: ${fixed(model.mean)},
  scale: ${fixed(model.scale)},
  weights: ${fixed(model.weights)},
  bias: ${Number(model.bias.toPrecision(6))},
};
`;
writeFileSync(join(import.meta.dirname, '..', 'src', 'analyze', 'keyphrase-model.ts'), file);
console.log('wrote src/analyze/keyphrase-model.ts');
for (const [name, w] of model.features
  .map((f, j) => [f, model.weights[j]!] as const)
  .sort((a, b) => Math.abs(b[1]) - Math.abs(a[1])))
  console.log(`  ${name.padEnd(24)} ${w.toFixed(3)}`);
