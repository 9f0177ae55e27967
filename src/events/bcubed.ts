/**
 * BCubed precision, recall and F1 (Bagga & Baldwin 1998; Amigó et al. 2009): for every
 * item, the share of its predicted cluster that shares its gold label (precision) and the
 * share of its gold class that landed in its predicted cluster (recall), averaged over items.
 */
export interface BCubed {
  precision: number;
  recall: number;
  f1: number;
}

export function bcubed(predicted: ReadonlyMap<string, string>, gold: ReadonlyMap<string, string>): BCubed {
  const ids = [...gold.keys()].filter((id) => predicted.has(id));
  if (ids.length === 0) return { precision: 0, recall: 0, f1: 0 };
  const pair = new Map<string, number>();
  const predSize = new Map<string, number>();
  const goldSize = new Map<string, number>();
  for (const id of ids) {
    const p = predicted.get(id)!;
    const g = gold.get(id)!;
    const key = `${p}\u0000${g}`;
    pair.set(key, (pair.get(key) ?? 0) + 1);
    predSize.set(p, (predSize.get(p) ?? 0) + 1);
    goldSize.set(g, (goldSize.get(g) ?? 0) + 1);
  }
  let precision = 0;
  let recall = 0;
  for (const id of ids) {
    const p = predicted.get(id)!;
    const g = gold.get(id)!;
    const both = pair.get(`${p}\u0000${g}`)!;
    precision += both / predSize.get(p)!;
    recall += both / goldSize.get(g)!;
  }
  precision /= ids.length;
  recall /= ids.length;
  return { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
}
