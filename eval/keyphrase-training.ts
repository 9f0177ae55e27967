import { FEATURE_NAMES, keyphraseCandidates, keyphraseFeatures } from '../src/analyze/keyphrase-candidates.js';
import type { KeyphraseModel } from '../src/analyze/keyphrases.js';
import { analyzeText, truecaseTitle } from '../src/analyze/nlp.js';
import { normPhrase } from './keyphrase-metrics.js';
import { trainLogistic, TRAIN_DEFAULTS, type TrainOptions } from './logistic-training.js';

/**
 * Training data and a logistic-regression trainer for the keyphrase ranker: each
 * candidate of a document is one example, labelled by whether its normalized text is
 * among the document's gold keyphrases (the same match the evaluation uses).
 */
export interface KpDoc { id: string; title: string; text: string; keyphrases: string[]; category?: string }

export interface Example { texts: string[]; X: number[][]; y: number[] }

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

/** Learns the ranker's weights from the documents' candidates (see logistic-training.ts). */
export function trainKeyphraseModel(examples: Example[], o: TrainOptions = TRAIN_DEFAULTS): KeyphraseModel {
  return trainLogistic(examples.flatMap((e) => e.X), examples.flatMap((e) => e.y), FEATURE_NAMES, o);
}

/** Ranks a document's candidates with a model: texts, best first. */
export function rankWith(e: Example, m: KeyphraseModel, score: (x: number[], m: KeyphraseModel) => number): string[] {
  return e.texts.map((t, i) => ({ t, s: score(e.X[i]!, m) })).sort((a, b) => b.s - a.s || a.t.localeCompare(b.t)).map((r) => r.t);
}

/** k-fold cross-validation: each document ranked by a model trained on the other folds. */
export function crossValidated(examples: Example[], folds: number, o: TrainOptions = TRAIN_DEFAULTS, score: (x: number[], m: KeyphraseModel) => number): string[][] {
  const out: string[][] = new Array(examples.length);
  for (let f = 0; f < folds; f++) {
    const model = trainKeyphraseModel(examples.filter((_, i) => i % folds !== f), o);
    for (let i = f; i < examples.length; i += folds) out[i] = rankWith(examples[i]!, model, score);
  }
  return out;
}
