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

/** How many times the writer takes a position in their own voice, quotations left out (they are someone else's). */
export function stanceSentences(text: string): number {
  const own = text.replace(/"[^"]*"|“[^”]*”/g, ' ');
  return count(STANCE, own) + (SALUTATION.test(text) ? 2 : 0);
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
  if (/^(op-ed|opinion|commentary|column|essay)\b|\b(op-ed|opinion)\b/i.test(title) || sourceKind === 'op-ed')
    return 'op-ed';
  if (stance) return 'op-ed';
  const firstPerson = count(/\b(I|I'm|I've|I'd|my|we argue|we believe|in my view)\b/g, text) / words;
  const argue =
    count(/\b(should|must|ought to|mistake|wrong|we need|it is time|i think|i believe|argue)\b/gi, text) / words;
  if (firstPerson > 0.008 && argue > 0.004) return 'op-ed';
  if (argue > 0.006 && firstPerson > 0.003) return 'op-ed';
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
