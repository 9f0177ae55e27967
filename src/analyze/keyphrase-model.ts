// Written by `npm run train:keyphrases` (eval/train-keyphrases.ts); do not edit by hand.
// Logistic regression over the features of keyphrase-candidates.ts, trained on the
// 500N-KPCrowd dev half (250 news stories, ../shared/data/nlp). Measured on stories it was
// not trained on: 5-fold cross-validated F1@10 0.209, leave-one-category-out 0.209.
import type { KeyphraseModel } from './keyphrases.js';

export const KEYPHRASE_MODEL: KeyphraseModel = {
  features: [
    'log count',
    'log word frequency',
    'first position',
    'spread',
    'in title',
    'proper name',
    'two words',
    'three or more words',
    'generic noun',
    'share of sentences',
    'in first sentence',
    'capitalized',
    'log noun-phrase score',
    'pos NOUN',
    'pos PROPN',
    'pos ADJ',
    'pos VERB',
    'pos ADV',
    'pos MULTI',
    'title only',
    'log contained in',
    'length / 10',
    'log count × in title',
    'first position²',
  ],
  mean: [
    0.831591, 0.70648, 0.45488, 0.0818423, 0.0452884, 0.210288, 0.145694, 0.0454145, 0.0392651, 0.0796882, 0.0445828,
    0.252804, 0.865811, 0.317195, 0.170216, 0.10464, 0.18884, 0.0279997, 0.191109, 0.00811512, 0.279921, 0.850515,
    0.0568241, 0.295193,
  ],
  scale: [
    0.333873, 0.547001, 0.297114, 0.2064, 0.207936, 0.407513, 0.352799, 0.208211, 0.194225, 0.125546, 0.206386,
    0.434619, 0.857553, 0.465384, 0.375822, 0.306089, 0.391382, 0.164972, 0.393174, 0.0897177, 0.393918, 0.504335,
    0.292618, 0.293832,
  ],
  weights: [
    0.196893, -0.0958753, -0.150396, 0.0334429, 0.13141, 0.303836, -0.169627, -0.523969, -0.0389637, 0.453689,
    -0.0603892, -0.0846701, 0.262889, 0.17573, -0.102119, 0.185963, 0.174384, 0.00221497, -0.429684, -0.174768,
    -0.172337, 0.736461, -0.098767, 0.0853052,
  ],
  bias: -1.55708,
};
