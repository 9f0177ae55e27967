import { FEATURE_NAMES, keyphraseCandidates, keyphraseFeatures } from '../src/analyze/keyphrase-candidates.js';
import type { KeyphraseModel } from '../src/analyze/keyphrases.js';
import { analyzeText, truecaseTitle } from '../src/analyze/nlp.js';
import { normPhrase } from './keyphrase-metrics.js';

/**
 * Training data and a logistic-regression trainer for the keyphrase ranker: each
 * candidate of a document is one example, labelled by whether its normalized text is
 * among the document's gold keyphrases (the same match the evaluation uses).
 */
export interface KpDoc {
  id: string;
  title: string;
  text: string;
  keyphrases: string[];
  category?: string;
}

export interface Example {
  texts: string[];
  X: number[][];
  y: number[];
}

export function examplesOf(doc: KpDoc): Example {
  const body = doc.text.startsWith(doc.title) ? doc.text.slice(doc.title.length) : doc.text;
  const set = keyphraseCandidates(analyzeText(truecaseTitle(doc.title, body)), analyzeText(body));
  const gold = new Set(doc.keyphrases.map(normPhrase));
  return {
    texts: set.candidates.map((c) => c.text),
    X: set.candidates.map((c) => keyphraseFeatures(c, set)),
    y: set.candidates.map((c) => (gold.has(normPhrase(c.text)) ? 1 : 0)),
  };
}

export interface TrainOptions {
  epochs: number;
  rate: number;
  l2: number;
}
export const TRAIN_DEFAULTS: TrainOptions = { epochs: 1500, rate: 1, l2: 1e-3 };

/**
 * Full-batch gradient descent on the log loss over standardized features, from zero
 * weights: deterministic, so the same data always gives the same model.
 */
export function trainKeyphraseModel(examples: Example[], o: TrainOptions = TRAIN_DEFAULTS): KeyphraseModel {
  const d = FEATURE_NAMES.length;
  const rows = examples.flatMap((e) => e.X);
  const labels = examples.flatMap((e) => e.y);
  const n = rows.length;
  const mean = new Array<number>(d).fill(0);
  const scale = new Array<number>(d).fill(0);
  for (const x of rows) for (let j = 0; j < d; j++) mean[j]! += x[j]! / n;
  for (const x of rows) for (let j = 0; j < d; j++) scale[j]! += (x[j]! - mean[j]!) ** 2 / n;
  for (let j = 0; j < d; j++) scale[j] = Math.sqrt(scale[j]!) || 1;
  const Z = new Float64Array(n * d);
  rows.forEach((x, i) => {
    for (let j = 0; j < d; j++) Z[i * d + j] = (x[j]! - mean[j]!) / scale[j]!;
  });
  const w = new Float64Array(d);
  let bias = 0;
  const grad = new Float64Array(d);
  for (let epoch = 0; epoch < o.epochs; epoch++) {
    grad.fill(0);
    let gb = 0;
    for (let i = 0; i < n; i++) {
      let z = bias;
      const off = i * d;
      for (let j = 0; j < d; j++) z += w[j]! * Z[off + j]!;
      const err = 1 / (1 + Math.exp(-z)) - labels[i]!;
      gb += err;
      for (let j = 0; j < d; j++) grad[j]! += err * Z[off + j]!;
    }
    bias -= (o.rate * gb) / n;
    for (let j = 0; j < d; j++) w[j]! -= o.rate * (grad[j]! / n + o.l2 * w[j]!);
  }
  return { features: FEATURE_NAMES, mean, scale, weights: [...w], bias };
}

/** Ranks a document's candidates with a model: texts, best first. */
export function rankWith(e: Example, m: KeyphraseModel, score: (x: number[], m: KeyphraseModel) => number): string[] {
  return e.texts
    .map((t, i) => ({ t, s: score(e.X[i]!, m) }))
    .sort((a, b) => b.s - a.s || a.t.localeCompare(b.t))
    .map((r) => r.t);
}

/** k-fold cross-validation: each document ranked by a model trained on the other folds. */
export function crossValidated(
  examples: Example[],
  folds: number,
  o: TrainOptions = TRAIN_DEFAULTS,
  score: (x: number[], m: KeyphraseModel) => number,
): string[][] {
  const out: string[][] = new Array(examples.length);
  for (let f = 0; f < folds; f++) {
    const model = trainKeyphraseModel(
      examples.filter((_, i) => i % folds !== f),
      o,
    );
    for (let i = f; i < examples.length; i += folds) out[i] = rankWith(examples[i]!, model, score);
  }
  return out;
}
