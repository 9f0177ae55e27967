import type { SparseVector } from './vector.js';

/**
 * "Is this article about the same happening as that event?", for the cases the cosine alone
 * does not settle.
 *
 * A shared company name says little when the company is in half the events; a shared rare
 * word ("Bartz", "Rubin", "MH370") says a lot. So a term is weighed by how specific it is: in
 * how many of the events held it occurs. Counting events, not articles, keeps the word of a
 * big story specific (300 headlines about MH370 make it common among articles, not among
 * events) and makes a name that comes up in story after story common. Both measures are
 * shares, so headlines, headlines with a feed description and full text (of which the
 * clusterer reads only a lead) are judged on one scale.
 */

/** How specific a term is: 0 when every event held has it, 1 when none does. */
export function specificity(eventsWithTerm: number, events: number): number {
  const top = Math.log(events + 1);
  return top > 0 ? Math.max(0, Math.log((events + 1) / (eventsWithTerm + 1)) / top) : 1;
}

export interface HappeningEvidence {
  /** Share of the article's specific weight (vector weight × specificity) on terms the event has. */
  specificShare: number;
  /** Share of the specificity of the article's title terms on terms the event has: how much of the headline the event explains. */
  titleCover: number;
}

/**
 * The evidence between an article and an event: the article's first `titleTerms` terms are its
 * title's, `inEvent[i]` tells whether the event has the article's i-th term, `specific(id, i)` how
 * specific the article's i-th term is.
 */
export function happeningEvidence(
  article: SparseVector,
  titleTerms: number,
  inEvent: Uint8Array,
  specific: (termId: number, at: number) => number,
): HappeningEvidence {
  let all = 0;
  let shared = 0;
  let title = 0;
  let titleShared = 0;
  for (let i = 0; i < article.ids.length; i++) {
    const s = specific(article.ids[i]!, i);
    const w = article.weights[i]! * s;
    all += w;
    if (inEvent[i]) shared += w;
    if (i >= titleTerms) continue;
    title += s;
    if (inEvent[i]) titleShared += s;
  }
  return { specificShare: all ? shared / all : 0, titleCover: title ? titleShared / title : 0 };
}
