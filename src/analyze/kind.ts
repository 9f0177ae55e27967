import type { Kind } from '../extraction-schema.js';
/**
 * The kind of a piece of writing, from cues in its title, text and URL: announcements say
 * "today we are releasing"; research points at a paper; op-eds argue in the first person;
 * interviews and podcasts say so. Checked in order, first match wins.
 */

const count = (re: RegExp, s: string) => (s.match(re) ?? []).length;

// The long patterns are String.raw pieces joined into one RegExp, to keep lines short.

/** A clause whose subject is the writer and whose verb takes a position. */
const STANCE = new RegExp(
  String.raw`(?:^|[.!?;:]\s+|,\s*)(?:I|We|we)\s+(?:do not |don't |also |still |strongly )?` +
    String.raw`(?:believe|think|argue|worry|support|oppose|urge|ask|want|propose|recommend|should|must|disagree|agree|` +
    String.raw`call on|call for)\b`,
  'g',
);
/** A maker announcing its own release ("Today we're releasing …", "… is now available"). */
const ANNOUNCING = new RegExp(
  String.raw`\b(today,? we(?:'re| are)? (?:releasing|launching|announcing|introducing|excited|proud|sharing)|` +
    String.raw`we(?:'re| are) (?:excited|proud|thrilled) to (?:announce|introduce|share|release)|` +
    String.raw`is now (?:available|generally available)|introducing\b|announcing\b)`,
  'i',
);
/** A letter's salutation: the writer's own column ("Dear friends,"). */
const SALUTATION = /^\s*dear\s+[^,.!?]{1,40},/i;

/** The text without its quotations: what is inside them is someone else's voice. */
const ownVoice = (text: string) => text.replace(/"[^"]*"|“[^”]*”/g, ' ');

/** How many times the writer takes a position in their own voice, quotations left out (they are someone else's). */
export function stanceSentences(text: string): number {
  return count(STANCE, ownVoice(text)) + (SALUTATION.test(text) ? 2 : 0);
}

/**
 * Whether the writer's own words, quotations left out, are dense with the first person and
 * with arguing. At a news outlet a density needs a few cues to mean anything: on a feed's
 * two-sentence excerpt one "my" and one "wrong" ("It turns out my parents were wrong") are a
 * news lede, and "I think" inside a founder's quotation is the founder's. A newsletter's,
 * analyst's or lab's piece is often its writer's own voice: there the density is enough.
 */
function arguesInFirstPerson(text: string, newsOutlet: boolean): boolean {
  // (A piece whose source is not known keeps the density alone: `almanac analyze` of a column.)
  const own = ownVoice(text);
  const words = Math.max(1, own.split(/\s+/).length);
  const firstPerson = count(/\b(I|I'm|I've|I'd|my|we argue|we believe|in my view)\b/g, own);
  const argue = count(/\b(should|must|ought to|mistake|wrong|we need|it is time|i think|i believe|argue)\b/gi, own);
  if (newsOutlet && (firstPerson < 3 || argue < 1)) return false;
  return (
    (firstPerson / words > 0.008 && argue / words > 0.004) || (argue / words > 0.006 && firstPerson / words > 0.003)
  );
}

export function classifyKind(title: string, text: string, url = '', sourceKind?: string): Kind {
  const head = `${title}\n${text.slice(0, 1500)}`;
  const words = Math.max(1, text.split(/\s+/).length);
  if (/\b(podcast|episode \d+|listen (now|here)|show notes)\b/i.test(`${title} ${url}`) || sourceKind === 'podcast')
    return 'podcast';
  if (
    /\b(interview|in conversation with|q&a|we spoke with|sat down with)\b/i.test(title) ||
    count(/^\s*(Q|A)\s*[:.]/gm, text) >= 4
  )
    return 'interview';
  if (
    /\b(arxiv\.org|preprint|our paper|the paper|this paper|abstract\b|et al\.)/i.test(head) ||
    /arxiv\.org|openreview\.net/.test(url)
  )
    return 'research';
  // A writer taking a position in their own voice ("We believe …", "I worry …", "We should …"),
  // twice at least outside quotation marks: a letter, a statement of views, an argument, a
  // policy proposal ("we propose" alone says research only when nothing else is argued).
  const stance = stanceSentences(text) >= 2;
  if (!stance && /\b(we propose|we introduce a)\b/i.test(head)) return 'research';
  if (ANNOUNCING.test(head)) return 'announcement';
  // "Opinion" as a label ("Opinion: …", "… | Opinion"), not "the court of public opinion".
  if (/^(op-ed|opinion|commentary|column|essay)\b|\bop-ed\b|[|–—:(]\s*opinion\b/i.test(title) || sourceKind === 'op-ed')
    return 'op-ed';
  if (stance || arguesInFirstPerson(text, sourceKind === 'news')) return 'op-ed';
  if (
    /\b(analysis|explainer|what it means|why it matters|deep dive|how .* works|the case for|lessons from)\b/i.test(
      title,
    ) ||
    sourceKind === 'analysis'
  )
    return 'analysis';
  if (words < 40) return 'other';
  return 'news';
}
