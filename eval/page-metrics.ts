/** The article-extraction benchmark's scoring of one page: 4-token shingles of \\w+ runs, compared as multisets. */
function shingles(text: string): Map<string, number> {
  const toks = text.match(/\w+/gu) ?? [];
  const m = new Map<string, number>();
  const n = 4;
  if (toks.length < n) {
    if (toks.length) m.set(toks.join(' '), 1);
    return m;
  }
  for (let i = 0; i + n <= toks.length; i++) {
    const s = toks.slice(i, i + n).join(' ');
    m.set(s, (m.get(s) ?? 0) + 1);
  }
  return m;
}

export function pagePR(pred: string, gold: string): { p: number; r: number } {
  const a = shingles(pred);
  const b = shingles(gold);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [s, c] of a) {
    const g = b.get(s) ?? 0;
    tp += Math.min(c, g);
    fp += Math.max(0, c - g);
  }
  for (const [s, c] of b) fn += Math.max(0, c - (a.get(s) ?? 0));
  const total = tp + fp + fn;
  if (total === 0) return { p: 1, r: 1 };
  // Normalised per page as the benchmark does; an empty prediction has precision 0 unless the truth is empty too.
  const ntp = tp / total;
  const nfp = fp / total;
  const nfn = fn / total;
  return { p: ntp + nfp ? ntp / (ntp + nfp) : 0, r: ntp + nfn ? ntp / (ntp + nfn) : 0 };
}
