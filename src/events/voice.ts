import { plainSentences } from '../analyze/plain-sentences.js';

/**
 * Who speaks in a summary taken from one article. A lab's post says "Today we are
 * releasing …", a newsletter "Dear friends, …" or "Six weeks ago I argued …": shown as an
 * event's summary, in a feed or beside other events, "we" and "I" are nobody. Such a summary
 * is attributed to its speaker ("OpenAI: Today we are releasing …").
 */

/** A source's own name as others write it: "OpenAI Blog" → "OpenAI", "Anthropic News" → "Anthropic". */
export function sourceCoreName(name: string): string {
  const core = name.replace(/\s+(blog|news|newsroom|press|press releases|research|updates)$/i, '').trim();
  return core || name;
}

/** Words spoken in the first person; "US" (the country) is upper case and not among them. */
// "I" after War, Phase, Part… is a numeral; "I/O" (Google's conference, input/output) is no one.
const SINGULAR =
  /(^|[^\p{L}'’])(?<!(War|Part|Phase|Title|Class|Type|Stage|Tier|Series|Chapter|Act|Section) )(I|me|my|mine|myself|I['’](?:m|ve|d|ll))(?![\p{L}'’]|\/O\b)/u;
const PLURAL = /(^|[^\p{L}'’])([Ww]e|[Oo]ur|[Oo]urs|us|[Oo]urselves|[Ww]e['’](?:re|ve|d|ll))(?![\p{L}'’])/u;
/** A letter's salutation, which says the rest is the writer's own voice. */
const SALUTATION = /^(dear|hi|hello)\s+[^,.!?]{1,40},\s*/i;

/** A sentence that reports what a named someone thinks or says: its "we" is theirs ("Larco thinks we're about to see …"). */
const REPORTED = /\b(says|thinks|argues|believes|writes|according to)\b/i;
/** What is inside quotation marks is someone else's voice, reported. */
const unquoted = (s: string) => s.replace(/"[^"]*"|“[^”]*”/g, ' ');

export type Person = 'singular' | 'plural' | null;

/** The first person a sentence speaks in, outside quotations (singular wins: "Kevin Xu and I … we"). */
export function firstPerson(sentence: string): Person {
  if (SALUTATION.test(sentence)) return 'singular';
  const s = unquoted(sentence);
  if (REPORTED.test(s)) return null;
  if (SINGULAR.test(s)) return 'singular';
  if (PLURAL.test(s)) return 'plural';
  return null;
}

/**
 * A summary's sentences, for voice detection and for checking a model's summary sentence by
 * sentence: the plain splitter's (never at "U.S.", "No. 3", "GPT-5.5"), so a sentence is not
 * cut into pieces that each read as another.
 */
export function roughSentences(text: string): string[] {
  return plainSentences(text).map((s) => s.text);
}

export interface Voice {
  sourceName: string;
  sourceAuthor: string | null;
  /** The article's own byline. */
  author: string | null;
  sourceKind?: string | null;
}

/** Sources that speak as an organisation ("we" is the organisation). */
const ORGANISATIONS = new Set(['lab', 'news', 'policy', 'paper']);

/** Who "I" or "we" is: the writer for "I", the organisation for an organisation's "we". */
export function speaker(v: Voice, person: Exclude<Person, null>): string {
  const org = sourceCoreName(v.sourceName);
  // A feed without a byline gives the article its source's name as author: that is no writer.
  const byline = v.author?.trim() && v.author.trim() !== v.sourceName ? v.author.trim() : null;
  const writer = byline || v.sourceAuthor?.trim() || null;
  if (person === 'plural' && (ORGANISATIONS.has(v.sourceKind ?? '') || !writer)) return org;
  return writer ?? org;
}

/** A summary already says who speaks when it opens with "Name: " (or a site's name: "blog.google: "). */
const ATTRIBUTED =
  /^(\p{Lu}[\p{L}\p{N}.&'’-]*|[\p{L}\p{N}-]+(\.[\p{L}\p{N}-]+)+)(\s+(\p{Lu}[\p{L}\p{N}.&'’-]*|of|and|de|van|von)){0,4}:\s/u;

/**
 * The summary with its speaker made clear: a salutation dropped, and "Speaker: " put before
 * a summary that speaks in the first person anywhere (its words are kept as written, so it
 * stays traceable to the article).
 */
export function attributed(summary: string, v: Voice): string {
  const whole = summary.trim();
  const rest = whole.replace(SALUTATION, '');
  const body = rest === whole ? whole : rest.charAt(0).toUpperCase() + rest.slice(1);
  const persons = [whole, ...roughSentences(body)].map(firstPerson);
  const person: Person = persons.includes('singular') ? 'singular' : persons.includes('plural') ? 'plural' : null;
  if (!person || ATTRIBUTED.test(body)) return body;
  return `${speaker(v, person)}: ${body}`;
}

/** Does a text open by naming who speaks ("OpenAI: …")? */
export function opensAttributed(text: string): boolean {
  return ATTRIBUTED.test(text);
}

/** Does a summary open in a first person nobody is named for? (What the demo is measured by.) */
export function opensUnattributed(summary: string): boolean {
  if (ATTRIBUTED.test(summary)) return false;
  const first = roughSentences(summary)[0] ?? '';
  return firstPerson(first) !== null;
}
