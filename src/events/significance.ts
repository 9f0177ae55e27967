import { COMMENTARY } from './commentary.js';
import type { Significance, SignificanceFactor } from '../store/event-rows.js';

/**
 * Significance 1–10, a sum of points from stored, visible factors:
 *   base 1
 *   tier        the best source tier among members: tier 1 +1.0, tier 2 +0.6, tier 3 +0.2
 *   sources     independent sources: +1.0 × log2(n), at most +2.0 (1 → 0, 2 → 1, 4+ → 2)
 *   novelty     how unlike the last two weeks' events it is: +0 … +1.0
 *   stakes      what happened: government action +2.5, major release +2.0, funding +1.5,
 *               research result +1.2, opinion +1.2, other news +1.0
 *   prominence  well-known actors of the field among its entities: +0.25 each, at most +1.0
 * Calibrated so a month of typical news lands mostly at 1–3, notable items at 4–6, a
 * government action covered widely at 7–8, and 9–10 needs everything at once.
 */
export type Stakes = 'government action' | 'major release' | 'funding' | 'research result' | 'opinion' | 'news';

export const STAKES_POINTS: Record<Stakes, number> = {
  'government action': 2.5,
  'major release': 2.0,
  funding: 1.5,
  'research result': 1.2,
  opinion: 1.2,
  news: 1.0,
};

export interface SignificanceInput {
  bestTier: number;
  sources: number;
  /** 0 (a repeat of a recent event) … 1 (nothing like it lately). */
  novelty: number;
  stakes: Stakes;
  /** Names of prominent actors among the event's entities. */
  prominent: string[];
}

const BASE = 1;

export function scoreSignificance(x: SignificanceInput): Significance {
  const tierPoints = x.bestTier <= 1 ? 1.0 : x.bestTier === 2 ? 0.6 : 0.2;
  const sourcePoints = Math.min(2, Math.log2(Math.max(1, x.sources)));
  const novelty = Math.max(0, Math.min(1, x.novelty));
  const prominence = Math.min(1, 0.25 * x.prominent.length);
  const factors: Record<string, SignificanceFactor> = {
    tier: { value: `tier ${x.bestTier}`, points: tierPoints, why: 'the most authoritative source that covers it' },
    sources: {
      value: `${x.sources} source${x.sources === 1 ? '' : 's'}`,
      points: round(sourcePoints),
      why: 'independent sources writing about it',
    },
    novelty: noveltyFactor(novelty),
    stakes: { value: x.stakes, points: STAKES_POINTS[x.stakes], why: 'what kind of thing happened' },
    prominence: {
      value: x.prominent.length ? x.prominent.slice(0, 4).join(', ') : 'none',
      points: prominence,
      why: 'well-known actors of the field involved',
    },
  };
  return { score: scoreOf(BASE, factors), base: BASE, factors };
}

/**
 * The same significance with another novelty: the factors kept, the novelty's points and the
 * score worked out again as scoreSignificance does (the model's adjustment, if any, applied
 * after). For events related after their refresh (src/relate/apply-related.ts).
 */
export function withNovelty(s: Significance, novelty: number): Significance {
  const n = Math.max(0, Math.min(1, novelty));
  // Rebuilt in the same key order, so the points add up in the same order as when scored.
  const factors: Record<string, SignificanceFactor> = {};
  for (const [k, f] of Object.entries(s.factors)) factors[k] = k === 'novelty' ? noveltyFactor(n) : f;
  if (!('novelty' in factors)) factors['novelty'] = noveltyFactor(n);
  const score = scoreOf(s.base, factors);
  return { ...s, score: s.llm ? clampScore(score + s.llm.delta) : score, factors };
}

/** The score the factors add up to (in their key order), before any model adjustment. */
const scoreOf = (base: number, factors: Record<string, SignificanceFactor>) =>
  clampScore(base + Object.values(factors).reduce((sum, f) => sum + f.points, 0));

const noveltyFactor = (novelty: number): SignificanceFactor => ({
  value: `${Math.round(novelty * 100)}% new`,
  points: round(novelty),
  why: 'how unlike the last two weeks of events it is',
});

export function clampScore(x: number): number {
  return Math.max(1, Math.min(10, Math.round(x)));
}

const round = (x: number) => Math.round(x * 100) / 100;

// The long patterns are String.raw pieces joined into one RegExp, to keep lines short.

/** Who can take a government action. */
const GOVERNMENT = new RegExp(
  String.raw`\b(White House|Congress|Senate|House|Commerce|Department|Ministry|Commission|Parliament|` +
    String.raw`Council|regulator|court|judge|FTC|SEC|BIS|agency|government|governor|state|EU|lawmakers|` +
    String.raw`legislature|president)\b`,
  'i',
);
/** What a government action looks like in a headline. */
const ACTION = new RegExp(
  String.raw`\b(signs?|signed|pass(es|ed)|enact(s|ed)|adopts?|adopted|rul(es|ed|ing)|fines?|fined|bans?|` +
    String.raw`banned|executive order|takes? effect|in force|approv(es|ed)|vot(es|ed)|imposes?|imposed|` +
    String.raw`proposes?|proposed|issues?|issued|requires?|license requirement|export (controls?|rule)|` +
    String.raw`sanction(s|ed)?|sues|sued|blocks?|blocked|investigat(es|ion))\b`,
  'i',
);

/** A headline that reports money changing hands. */
const FUNDING =
  /\b(rais(es|ed|ing)|valuation|valued|acqui(res?|red|sition)|funding|invest(s|ed|ment)|series [a-k]\b|buys|bought)/i;

/**
 * What happened, from the primary's kind, the members' kinds and topics, the members'
 * headlines (one per line) and the event's own `headline`: a funding event is one whose
 * headline says so, not one a member's aside mentions an investment in.
 */
export function detectStakes({
  memberKinds,
  topics,
  primaryKind = null,
  titles,
  headline,
}: {
  memberKinds: (string | null)[];
  topics: string[];
  primaryKind?: string | null;
  titles: string;
  headline: string;
}): Stakes {
  const policy = topics.some((t) =>
    [
      'ai-regulation',
      'eu-ai-policy',
      'us-ai-policy',
      'us-china-ai-competition',
      'ai-governance',
      'ai-copyright',
      'ai-privacy',
      'ai-market-concentration',
    ].includes(t),
  );
  const allCommentary = memberKinds.length > 0 && memberKinds.every((k) => k !== null && COMMENTARY.has(k));
  // An event about a piece of opinion (an op-ed and the coverage of it) is an opinion event.
  if (allCommentary || (primaryKind !== null && COMMENTARY.has(primaryKind))) return 'opinion';
  if (policy && titles.split('\n').some((t) => GOVERNMENT.test(t) && ACTION.test(t))) return 'government action';
  if (
    memberKinds.includes('announcement') ||
    (topics.includes('frontier-models') && /\b(releas|launch|unveil|introduc|debut|ships?|open-sourc)/i.test(titles))
  )
    return 'major release';
  if (topics.includes('ai-funding') && FUNDING.test(headline)) return 'funding';
  if (memberKinds.includes('research')) return 'research result';
  return 'news';
}
