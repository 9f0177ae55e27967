/** A logistic model over standardized features, as the training scripts under eval/ write them. */
export interface LogisticModel {
  features: readonly string[];
  /** Standardization: each feature is (x - mean) / scale before it is weighted. */
  mean: readonly number[];
  scale: readonly number[];
  weights: readonly number[];
  bias: number;
}

/** The model's probability for one example's features. */
export function logisticScore(x: readonly number[], m: LogisticModel): number {
  let z = m.bias;
  for (let j = 0; j < x.length; j++) z += (m.weights[j]! * (x[j]! - m.mean[j]!)) / m.scale[j]!;
  return 1 / (1 + Math.exp(-z));
}
