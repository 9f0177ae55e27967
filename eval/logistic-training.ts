import type { LogisticModel } from '../src/analyze/logistic.js';

export interface TrainOptions { epochs: number; rate: number; l2: number }
export const TRAIN_DEFAULTS: TrainOptions = { epochs: 1500, rate: 1, l2: 1e-3 };

/**
 * Full-batch gradient descent on the log loss over standardized features, from zero
 * weights: deterministic, so the same data always gives the same model. `weightOf` weighs
 * each example in the mean loss (1 each by default).
 */
export function trainLogistic(rows: readonly (readonly number[])[], labels: readonly number[], features: readonly string[], o: TrainOptions = TRAIN_DEFAULTS, weightOf?: readonly number[]): LogisticModel {
  const d = features.length;
  const n = weightOf ? weightOf.reduce((a, b) => a + b, 0) : rows.length;
  const mean = new Array<number>(d).fill(0);
  const scale = new Array<number>(d).fill(0);
  for (const x of rows) for (let j = 0; j < d; j++) mean[j]! += x[j]! / rows.length;
  for (const x of rows) for (let j = 0; j < d; j++) scale[j]! += (x[j]! - mean[j]!) ** 2 / rows.length;
  for (let j = 0; j < d; j++) scale[j] = Math.sqrt(scale[j]!) || 1;
  const Z = new Float64Array(rows.length * d);
  rows.forEach((x, i) => { for (let j = 0; j < d; j++) Z[i * d + j] = (x[j]! - mean[j]!) / scale[j]!; });
  const w = new Float64Array(d);
  let bias = 0;
  const grad = new Float64Array(d);
  for (let epoch = 0; epoch < o.epochs; epoch++) {
    grad.fill(0);
    let gb = 0;
    for (let i = 0; i < rows.length; i++) {
      let z = bias;
      const off = i * d;
      for (let j = 0; j < d; j++) z += w[j]! * Z[off + j]!;
      const err = (1 / (1 + Math.exp(-z)) - labels[i]!) * (weightOf ? weightOf[i]! : 1);
      gb += err;
      for (let j = 0; j < d; j++) grad[j]! += err * Z[off + j]!;
    }
    bias -= (o.rate * gb) / n;
    for (let j = 0; j < d; j++) w[j]! -= o.rate * (grad[j]! / n + o.l2 * w[j]!);
  }
  return { features, mean, scale, weights: [...w], bias };
}
