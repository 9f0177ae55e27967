/**
 * "Is this article about the same happening as that event?": the evidence, as numbers a
 * small learned model (happening-model.ts) weighs.
 *
 * A shared company name says little when the company is in half the events; a shared rare
 * word ("Bartz", "Rubin", "gpt-5.2") says a lot. So every feature weighs a term by how
 * specific it is: in how many of the live events it is prominent. Counting events, not
 * articles, keeps the word of a big story specific (a story of 300 headlines about MH370
 * makes "MH370" common among articles, not among events) and makes a name that comes up in
 * story after story common. The features compare what each title says with the whole of
 * the other article: how much of one headline the other explains, both ways. Each feature is a ratio or a bounded count, so headlines alone,
 * headlines with a feed description and full text (of which only the lead is read) give
 * features on one scale, and one model serves all three.
 */

/** What the comparison keeps of an article: its title's terms and its title, lead and URL terms, each once. */
export interface ArticleTerms {
  title: readonly string[];
  body: ReadonlySet<string>;
  at: number;
  source?: string;
}

/** How many live events there are, and in how many of them a term is prominent. */
export interface TermStats {
  events: number;
  eventsWith(term: string): number;
}

/** Inverse event frequency: a term's weight in the comparisons. */
export function idf(stats: TermStats, term: string): number {
  return Math.log((stats.events + 1) / (stats.eventsWith(term) + 1)) + 1;
}

/** How specific a term is, 0 (in every event) to 1 (in none yet): on a scale that does not grow with the stream. */
export function specificity(stats: TermStats, term: string): number {
  const top = Math.log(stats.events + 1);
  return top > 0 ? Math.max(0, Math.min(1, Math.log((stats.events + 1) / (stats.eventsWith(term) + 1)) / top)) : 1;
}

export const HAPPENING_FEATURES = [
  'share of the article title explained by the member',
  'share of the member title explained by the article',
  'weighted overlap of the two titles',
  'weighted overlap of the two bodies (by the shorter)',
  'specificity of the rarest shared title term',
  'shared specific title terms (of 3)',
  'a shared term with a figure or version',
  'share of members whose title and the article explain each other by half',
  'centroid cosine',
  'log days since the event last grew',
  'share of members from the same source',
  'event size (log, of 50)',
  'share of the article title among the event\'s heaviest terms',
  'articles per event held (log, of 50)',
] as const;

/** What the close look knows of a candidate event besides its members, and of the stream. */
export interface EventContext {
  /** The article's cosine to the event's centroid. */
  cosine: number;
  lastSeen: number;
  size: number;
  /** Whether a term is among the event's heaviest. */
  heavy(term: string): boolean;
  /**
   * Articles per event among the events held: a dense stream (stories of dozens of
   * articles) joins where a sparse one (most events one article) starts anew.
   */
  density: number;
}

/** A specific term is one in at most about 1 in e^(0.5·ln N) articles. */
const SPECIFIC = 0.5;

/** The article's terms with their weights, computed once and compared with every member of every candidate. */
export class ArticleEvidence {
  private readonly title = new Map<string, number>();
  private readonly body = new Map<string, number>();
  private readonly titleWeight: number;
  private readonly bodyWeight: number;
  /** Weights of the members' other terms, looked up once per article (members of an event share many). */
  private readonly others = new Map<string, number>();

  constructor(readonly article: ArticleTerms, private readonly stats: TermStats) {
    let tw = 0;
    let bw = 0;
    for (const t of article.title) {
      const w = idf(stats, t);
      this.title.set(t, w);
      tw += w;
    }
    for (const t of article.body) {
      const w = idf(stats, t);
      this.body.set(t, w);
      bw += w;
    }
    this.titleWeight = tw;
    this.bodyWeight = bw;
  }

  private weight(t: string): number {
    let w = this.body.get(t) ?? this.others.get(t);
    if (w === undefined) this.others.set(t, (w = idf(this.stats, t)));
    return w;
  }

  /** The pair evidence between the article and one member: [covA, covM, titles, bodies, rarest, specific, figure]. */
  pair(m: ArticleTerms): number[] {
    let covA = 0;
    let covM = 0;
    let mTitle = 0;
    let titleBoth = 0;
    let rarest = 0;
    let figure = 0;
    const specific: string[] = [];
    const mBody = m.body;
    // Specificity from the weight already looked up (see specificity): no second lookup per term.
    const top = Math.log(this.stats.events + 1);
    const shared = (t: string, w: number) => {
      const s = top > 0 ? Math.min(1, (w - 1) / top) : 1;
      if (s > rarest) rarest = s;
      if (s >= SPECIFIC && !specific.includes(t)) {
        specific.push(t);
        if (/\d/.test(t)) figure = 1;
      }
    };
    for (const [t, w] of this.title) {
      if (!mBody.has(t)) continue;
      covA += w;
      shared(t, w);
    }
    for (const t of m.title) {
      const w = this.weight(t);
      mTitle += w;
      if (this.title.has(t)) titleBoth += w;
      if (this.body.has(t)) {
        covM += w;
        shared(t, w);
      }
    }
    let bodyBoth = 0;
    let mBodyWeight = 0;
    for (const t of mBody) {
      const w = this.body.get(t);
      if (w !== undefined) bodyBoth += w;
      mBodyWeight += w ?? this.weight(t);
    }
    const titleUnion = this.titleWeight + mTitle - titleBoth;
    const shorter = Math.min(this.bodyWeight, mBodyWeight);
    return [
      this.titleWeight ? covA / this.titleWeight : 0,
      mTitle ? covM / mTitle : 0,
      titleUnion ? titleBoth / titleUnion : 0,
      shorter ? bodyBoth / shorter : 0,
      rarest,
      Math.min(3, specific.length) / 3,
      figure,
    ];
  }

  /**
   * The evidence that the article belongs to an event: for each pair feature its best over
   * the members kept, then how many members it matches (a second look: one member in
   * common is not enough when the others say otherwise), the centroid's cosine, the time
   * since the event last grew, and how many members came from the article's own source.
   */
  event(members: readonly ArticleTerms[], c: EventContext): number[] {
    const best = [0, 0, 0, 0, 0, 0, 0];
    let matched = 0;
    let sameSource = 0;
    for (const m of members) {
      const p = this.pair(m);
      for (let j = 0; j < best.length; j++) if (p[j]! > best[j]!) best[j] = p[j]!;
      if (Math.min(p[0]!, p[1]!) >= 0.5) matched++;
      if (m.source !== undefined && m.source === this.article.source) sameSource++;
    }
    const n = members.length || 1;
    const days = Math.max(0, this.article.at - c.lastSeen) / 86_400_000;
    let inEvent = 0;
    for (const [t, w] of this.title) if (c.heavy(t)) inEvent += w;
    return [
      ...best,
      matched / n,
      c.cosine,
      Math.log1p(days),
      sameSource / n,
      Math.log1p(Math.min(50, c.size)) / Math.log(51),
      this.titleWeight ? inEvent / this.titleWeight : 0,
      Math.min(1, Math.log(Math.max(1, c.density)) / Math.log(50)),
    ];
  }
}
