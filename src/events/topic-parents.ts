import { TAXONOMY } from '../analyze/taxonomy.js';

/**
 * A topic with the broader topics of the taxonomy above it, each counted half as much as
 * the one below: "us-ai-policy" is also "ai-regulation" (½) and "ai-policy" (¼). Events
 * about US and EU AI policy then share AI regulation, where their own slugs share nothing.
 */
const PARENT = new Map(TAXONOMY.filter((t) => t.parent).map((t) => [t.slug, t.parent!]));

export function withParents(topics: readonly string[]): Array<{ topic: string; weight: number }> {
  const weights = new Map<string, number>();
  for (const t of topics) {
    weights.set(t, 1);
    let w = 1;
    const seen = new Set([t]);
    for (let p = PARENT.get(t); p && !seen.has(p); p = PARENT.get(p)) {
      seen.add(p);
      w /= 2;
      if ((weights.get(p) ?? 0) < w) weights.set(p, w);
    }
  }
  return [...weights].map(([topic, weight]) => ({ topic, weight }));
}
