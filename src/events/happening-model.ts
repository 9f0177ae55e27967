// Written by `npm run train:happening` (eval/train-happening.ts); do not edit by hand.
// Logistic regression over the evidence of happening.ts, each example an event the
// clusterer looked at closely for an article of ai-news-2026-01.jsonl or uci-dev.jsonl
// (../shared/data/clustering), as given, headlines only and without URLs, each file weighing
// the same. Held out (the other
// file, or a time half from the other half): worst pairs precision 0.065.
import type { LogisticModel } from '../analyze/logistic.js';
import { HAPPENING_FEATURES } from './happening.js';

export const HAPPENING_MODEL: LogisticModel = {
  features: HAPPENING_FEATURES,
  mean: [0.256731, 0.295234, 0.157532, 0.299448, 0.669886, 0.477444, 0.00786056, 0.0391631, 0.20092, 0.403704, 0.0861576, 0.536564, 0.294705],
  scale: [0.230555, 0.242055, 0.183046, 0.238689, 0.188569, 0.312821, 0.0883107, 0.131481, 0.183569, 0.478778, 0.260213, 0.330222, 0.273121],
  weights: [-0.156779, 0.536854, 0.570885, 0.487966, 0.311961, 0.122736, 0.0529639, 0.0217983, 0.78349, -2.33524, -0.276751, 0.110062, 0.85176],
  bias: -1.18699,
};
