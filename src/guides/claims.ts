import { contentTerms } from '../analyze/text/terms.js';

/**
 * Who says what about a subject: claims from many sources grouped when they assert the
 * same thing (most of their content words shared), and each group marked as agreed
 * (two or more sources, no conflict), disputed (sources that say it differently: one
 * negates what another asserts, or they give different figures) or single.
 */
export interface SourcedClaim {
  text: string;
  sourceId: string;
  sourceName: string;
  articleId: number;
  eventId: string;
}

export type Stance = 'agreed' | 'disputed' | 'single';

export interface ClaimGroup {
  stance: Stance;
  claims: SourcedClaim[];
  sources: string[];
  /** For a disputed group: the pair that conflicts and why. */
  conflict?: { a: SourcedClaim; b: SourcedClaim; why: 'negation' | 'figures' };
}

const NEGATION = /\b(not|never|denies|denied|deny|cannot)\b|n[’']t\b/i;
/** Figures worth comparing: amounts with a unit or magnitude, percentages, and numbers of three or more digits (not "Fable 5"). */
const FIGURE =
  /\$?\d[\d,.]*\s*(?:%|percent\b|billion\b|million\b|thousand\b|bn\b|trillion\b)|\$\d[\d,.]*|\b\d{1,3}(?:,\d{3})+\b|\b\d{3,}\b/gi;
/** Two claims must be this close (Dice) before a negation or a different figure counts as a conflict. */
const CONFLICT_CLOSENESS = 0.5;
/** Dice coefficient of content terms needed to call two claims one assertion, and the fewest shared terms. */
const SAME_CLAIM = 0.4;
const MIN_SHARED = 3;

function figures(text: string): Set<string> {
  return new Set(
    [...text.matchAll(FIGURE)].map((m) =>
      m[0]
        .replace(/[,\s$]/g, '')
        .toLowerCase()
        .replace(/percent$/, '%')
        .replace(/\.$/, ''),
    ),
  );
}

interface Prepared {
  claim: SourcedClaim;
  terms: Set<string>;
  negated: boolean;
  figures: Set<string>;
}

function prepare(c: SourcedClaim): Prepared {
  return {
    claim: c,
    terms: new Set(contentTerms(c.text).filter((t) => !/^\d/.test(t))),
    negated: NEGATION.test(c.text),
    figures: figures(c.text),
  };
}

function overlap(a: Set<string>, b: Set<string>): { shared: number; ratio: number } {
  let shared = 0;
  for (const t of a) if (b.has(t)) shared++;
  return { shared, ratio: (2 * shared) / Math.max(1, a.size + b.size) };
}

export function conflictBetween(a: Prepared, b: Prepared): 'negation' | 'figures' | undefined {
  if (overlap(a.terms, b.terms).ratio < CONFLICT_CLOSENESS) return undefined;
  if (a.negated !== b.negated) return 'negation';
  if (a.figures.size && b.figures.size && ![...a.figures].some((f) => b.figures.has(f))) return 'figures';
  return undefined;
}

/** Group claims; groups with more sources first, disputed before agreed at equal size. */
export function groupClaims(claims: readonly SourcedClaim[]): ClaimGroup[] {
  const groups: Prepared[][] = [];
  for (const c of claims.map(prepare)) {
    if (c.terms.size < 2) continue;
    let best: { g: Prepared[]; ratio: number } | undefined;
    for (const g of groups) {
      // Compare with the group's first claim: groups stay about one assertion, not a chain.
      const o = overlap(c.terms, g[0]!.terms);
      if (o.shared >= MIN_SHARED && o.ratio >= SAME_CLAIM && (!best || o.ratio > best.ratio))
        best = { g, ratio: o.ratio };
    }
    if (best) best.g.push(c);
    else groups.push([c]);
  }
  const out = groups.map((g): ClaimGroup => {
    const sources = [...new Set(g.map((p) => p.claim.sourceName))];
    let conflict: ClaimGroup['conflict'];
    outer: for (let i = 0; i < g.length; i++) {
      for (let j = i + 1; j < g.length; j++) {
        if (g[i]!.claim.sourceId === g[j]!.claim.sourceId) continue;
        const why = conflictBetween(g[i]!, g[j]!);
        if (why) {
          conflict = { a: g[i]!.claim, b: g[j]!.claim, why };
          break outer;
        }
      }
    }
    const stance: Stance = conflict ? 'disputed' : sources.length >= 2 ? 'agreed' : 'single';
    return { stance, claims: g.map((p) => p.claim), sources, ...(conflict ? { conflict } : {}) };
  });
  const rank = (s: Stance) => (s === 'disputed' ? 0 : s === 'agreed' ? 1 : 2);
  return out.sort((a, b) => b.sources.length - a.sources.length || rank(a.stance) - rank(b.stance));
}

/** Claims by source, in the order sources are given, each source's claims in input order. */
export function claimsBySource(
  claims: readonly SourcedClaim[],
): Array<{ sourceId: string; sourceName: string; claims: SourcedClaim[] }> {
  const out = new Map<string, { sourceId: string; sourceName: string; claims: SourcedClaim[] }>();
  for (const c of claims) {
    let s = out.get(c.sourceId);
    if (!s) out.set(c.sourceId, (s = { sourceId: c.sourceId, sourceName: c.sourceName, claims: [] }));
    s.claims.push(c);
  }
  return [...out.values()];
}
