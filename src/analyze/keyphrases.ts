import { keyphraseCandidates, keyphraseFeatures, nounPhraseScore, type CandidateSet } from './keyphrase-candidates.js';
import { KEYPHRASE_MODEL } from './keyphrase-model.js';
import type { Sentence } from './nlp.js';

/**
 * Keyphrases: candidates (noun phrases, their words, content verbs and adjectives) ranked
 * by a linear model over their features (frequency, position, spread, title, part of
 * speech, how many longer phrases contain them, ...). The weights are learned from a
 * public news keyphrase set by `npm run train:keyphrases` and live in keyphrase-model.ts;
 * ranking needs nothing but this file and that one. Deterministic.
 */
export interface Keyphrase {
  text: string;
  /** The model's probability that a reader would pick this phrase. */
  score: number;
}

export interface KeyphraseModel {
  features: readonly string[];
  /** Standardization: each feature is (x - mean) / scale before it is weighted. */
  mean: readonly number[];
  scale: readonly number[];
  weights: readonly number[];
  bias: number;
}

export function scoreFeatures(x: readonly number[], m: KeyphraseModel): number {
  let z = m.bias;
  for (let j = 0; j < x.length; j++) z += (m.weights[j]! * (x[j]! - m.mean[j]!)) / m.scale[j]!;
  return 1 / (1 + Math.exp(-z));
}

const byScore = (a: Keyphrase, b: Keyphrase) => b.score - a.score || a.text.localeCompare(b.text);

export function rankKeyphrases(set: CandidateSet, limit = 20, model: KeyphraseModel = KEYPHRASE_MODEL): Keyphrase[] {
  return set.candidates
    .map((c) => ({ text: c.text, score: scoreFeatures(keyphraseFeatures(c, set), model) }))
    .sort(byScore)
    .slice(0, limit);
}

/**
 * Noun phrases ranked by the phrase-frequency score alone. Readers' keyphrases (what the
 * model learns) are mostly single words; naming a new topic wants the phrases.
 */
export function rankNounPhrases(set: CandidateSet, limit = 20): Keyphrase[] {
  return set.candidates
    .filter((c) => c.nounPhrase)
    .map((c) => ({ text: c.text, score: nounPhraseScore(c) }))
    .sort(byScore)
    .slice(0, limit);
}

export function extractKeyphrases(
  title: Sentence[],
  body: Sentence[],
  limit = 20,
  model: KeyphraseModel = KEYPHRASE_MODEL,
): Keyphrase[] {
  return rankKeyphrases(keyphraseCandidates(title, body), limit, model);
}
