import { plainSentences } from '../analyze/plain-sentences.js';
import { isUnfinished } from '../analyze/summary-ends.js';
import { contentTerms } from '../analyze/text/terms.js';
import type { EventMember } from '../store/event-reads.js';
import { headlineShape } from './report-shape.js';
import { roundupOf } from './roundup.js';
import { firstPerson, sourceCoreName } from './voice.js';

/**
 * The article that best states an event's happening, whose title and summary the event
 * takes. Not the earliest (that is often a preview or a live blog) nor simply the best
 * tier, but, in this order:
 *   0. one with something to summarize (any text at all, before none);
 *   1. not a preview or live blog, nor a roundup of many stories (a newsletter issue, "everything
 *      announced at …"), when another member is neither (report-shape.ts); then one with a
 *      whole sentence to summarize, before one whose only sentence its feed cut;
 *   2. the origin: a member whose source or author the others name ("OpenAI said", "an
 *      op-ed by Nathan Lambert"), i.e. the lab's own announcement or the author's own piece
 *      that the rest report about, so long as it is about what they report (nearly as central
 *      as the most central member: a lab's other post, grouped in by mistake, is no origin);
 *   3. a report before a writer's aside about it (a headline in the first person, a question,
 *      a how-to, a teaser), then a report in the third person before a writer's own view
 *      ("I have spent two days with it"): the origin may speak for itself, a member that is
 *      not should report;
 *   4. the most central: the member whose title and lead the other members share most;
 *   5. then the better tier, the earlier, the lower id (a total order: the same event
 *      always gets the same primary).
 */
export type PrimaryCandidate = Pick<
  EventMember,
  | 'articleId'
  | 'title'
  | 'summary'
  | 'text'
  | 'sourceName'
  | 'sourceAuthor'
  | 'author'
  | 'tier'
  | 'publishedAt'
  | 'fetchedAt'
  | 'entities'
> & {
  /** A newsletter issue gathering several stories (its label was taken off its title when it was cleaned). */
  digest?: boolean;
  /** The sentence where its feed cut the text (see gatheringRoundup). */
  cutTail?: string;
};

export { isPreview } from './report-shape.js';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const wholeWords = (name: string) => new RegExp(`(^|[^\\p{L}\\p{N}])${escape(name)}($|[^\\p{L}\\p{N}])`, 'u');

/** The names by which other articles would point at this one's origin: its source and its authors. */
function namesOf(m: PrimaryCandidate): RegExp[] {
  const names = new Set<string>();
  const core = sourceCoreName(m.sourceName);
  if (core.length >= 3) names.add(core);
  for (const person of [m.sourceAuthor, m.author]) {
    if (!person || person.length < 5) continue;
    names.add(person);
    // Reports name people by surname after the first mention ("Lambert and Xu argue").
    const surname = person.trim().split(/\s+/).pop()!;
    if (surname !== person && surname.length >= 4) names.add(surname);
  }
  return [...names].map(wholeWords);
}

const textOf = (m: PrimaryCandidate) => `${m.title}\n${m.summary || m.text}`;

/**
 * How many of the other members name this one's source or author: in their words, or as an
 * organisation among their entities that the source's name contains ("Google" for
 * "Google DeepMind Blog").
 */
function namedBy(m: PrimaryCandidate, members: readonly PrimaryCandidate[], texts: readonly string[]): number {
  const names = namesOf(m);
  const source = m.sourceName.toLowerCase();
  let n = 0;
  members.forEach((o, i) => {
    if (o === m || o.sourceName === m.sourceName) return;
    if (names.some((re) => re.test(texts[i]!))) n++;
    else if (
      o.entities.some(
        (e) => e.type === 'organization' && e.name.length >= 3 && wholeWords(e.name.toLowerCase()).test(source),
      )
    )
      n++;
  });
  return n;
}

/** Each member's cosine with the sum of the others' term counts: linear in the members. */
function centrality(texts: readonly string[]): number[] {
  const bags = texts.map((t) => {
    const bag = new Map<string, number>();
    for (const term of contentTerms(t)) bag.set(term, (bag.get(term) ?? 0) + 1);
    return bag;
  });
  const total = new Map<string, number>();
  for (const bag of bags) for (const [t, c] of bag) total.set(t, (total.get(t) ?? 0) + c);
  return bags.map((bag) => {
    let dot = 0;
    let own = 0;
    let rest = 0;
    for (const [t, c] of bag) {
      const others = total.get(t)! - c;
      dot += c * others;
      own += c * c;
    }
    for (const [t, c] of total) {
      const others = c - (bag.get(t) ?? 0);
      rest += others * others;
    }
    return own && rest ? dot / Math.sqrt(own * rest) : 0;
  });
}

/** 2: no text at all; 1: only a sentence cut short ("Gemini Computer Use", "… that curb how"); 0: something whole to say. */
function silence(m: PrimaryCandidate): number {
  const said = (m.summary ?? '').trim() || m.text.trim();
  if (!said) return 2;
  return isUnfinished(said) && plainSentences(said).length === 1 ? 1 : 0;
}

const timeOf = (m: PrimaryCandidate) => m.publishedAt ?? m.fetchedAt;

/** Why a member was chosen, for tests and the command that prints it. */
export interface PrimaryChoice<M> {
  primary: M;
  /** It is named by the others as where the happening comes from. */
  origin: boolean;
}

/**
 * How central an origin must be, as a share of the most central member's centrality. A lab's
 * own post words the happening its own way ("today we're releasing") and sits below the
 * reports that echo each other (0.68 and 0.70 of the most central on two Google launches of
 * the real stream); a post about something else grouped in by mistake sits far lower (0.52,
 * the accessibility post in Google I/O 2025's event).
 */
const ORIGIN_CENTRALITY = 0.6;

/**
 * Whether the clusterer reads the member as a roundup of a gathering (see roundup.ts): a theme's
 * heading ("Linux at CES 2026: Tux is alive …") or a gathering's own page ("I/O 2025") is no report of
 * one happening, though its headline has none of a roundup's words.
 */
function gatheringRoundup(m: PrimaryCandidate): boolean {
  // The clusterer reads the lead with the sentence where the feed cut it ("TV makers flock to CES").
  const lead = `${m.text || m.summary || ''} ${m.cutTail ?? ''}`.trim();
  return roundupOf(m.title, lead.split(/\s+/, 80).join(' ')) !== undefined;
}

export function choosePrimary<M extends PrimaryCandidate>(members: readonly M[]): PrimaryChoice<M> {
  if (members.length === 1) return { primary: members[0]!, origin: false };
  const texts = members.map(textOf);
  const central = centrality(texts);
  const most = Math.max(...central);
  // Named by at least a third of the others (and one at least): a passing mention by one
  // report in a large event does not make an origin.
  const needed = Math.max(1, Math.ceil((members.length - 1) / 3));
  const scored = members.map((m, i) => {
    const headline = headlineShape(m.title);
    const shape = m.digest || (headline !== 'preview' && gatheringRoundup(m)) ? 'roundup' : headline;
    return {
      m,
      // An article with no text says nothing to summarize (a feed item of a title alone), and
      // one whose text is a single sentence its feed cut says nothing whole: the event would
      // read empty or broken under it, however well its title states the happening (a report
      // cut short still goes before a roundup, which never titles an event a report is in).
      silent: silence(m) === 2 ? 1 : 0,
      broken: silence(m) === 1 ? 1 : 0,
      // A roundup states what happened, a preview or live blog what was to come: among them, a roundup first.
      gathered: shape === 'preview' ? 2 : shape === 'roundup' ? 1 : 0,
      origin: central[i]! >= ORIGIN_CENTRALITY * most && namedBy(m, members, texts) >= needed ? 1 : 0,
      aside: shape === 'aside' ? 1 : 0,
      own: firstPerson(m.summary || m.text) ? 1 : 0,
      central: central[i]!,
    };
  });
  scored.sort(
    (a, b) =>
      a.silent - b.silent ||
      a.gathered - b.gathered ||
      a.broken - b.broken ||
      b.origin - a.origin ||
      a.aside - b.aside ||
      a.own - b.own ||
      b.central - a.central ||
      a.m.tier - b.m.tier ||
      timeOf(a.m).localeCompare(timeOf(b.m)) ||
      a.m.articleId - b.m.articleId,
  );
  return { primary: scored[0]!.m, origin: scored[0]!.origin === 1 };
}

export function pickPrimary<M extends PrimaryCandidate>(members: readonly M[]): M {
  return choosePrimary(members).primary;
}
