// Written by `npm run train:happening` (eval/train-happening.ts); do not edit by hand.
// Logistic regression over the evidence of happening.ts, each example an event the
// clusterer looked at closely for an article of ai-news-2026-01.jsonl or uci-dev.jsonl
// (../shared/data/clustering), as given, headlines only and without URLs, each file weighing
// the same. Held out (the other
// file, or a time half from the other half): worst pairs precision 0.131.
import type { LogisticModel } from '../analyze/logistic.js';
import { HAPPENING_FEATURES } from './happening.js';

export const HAPPENING_MODEL: LogisticModel = {
  features: HAPPENING_FEATURES,
  mean: [0.256731, 0.295234, 0.157532, 0.299448, 0.669886, 0.477444, 0.00786056, 0.0391631, 0.20092, 0.403704, 0.0861576, 0.536564, 0.294705, 0.608159],
  scale: [0.230555, 0.242055, 0.183046, 0.238689, 0.188569, 0.312821, 0.0883107, 0.131481, 0.183569, 0.478778, 0.260213, 0.330222, 0.273121, 0.314115],
  weights: [-0.00437989, 0.657251, 0.359913, 0.301945, 0.256768, 0.188012, 0.0500558, 0.0469337, 0.794858, -2.35712, -0.151057, 0.00173137, 0.871061, 0.342749],
  bias: -1.22251,
};
