import { isContentWord, normalizeWord, stem, wordMatches } from '../analyze/text/terms.js';
import { titleCased } from './title-case.js';

/**
 * Names as units. "AI Mode", "Copilot Mode" and "Study Mode" share the word "mode", rare in the
 * stream and so specific to it; yet they are three products, and taken word by word they glued
 * Google's, Microsoft's and OpenAI's launches into one event. A word met in an article only
 * inside a name of several words is evidence of a happening only when the other side has that
 * same name (two of its words side by side), or names the word alone ("Opus" for "Claude Opus").
 * And a word an event met only inside names is not matched by the same word in plain text ("a new
 * study mode" is not "AI Mode").
 *
 * Case tells names only in sentence-case text: in a headline where every word is capitalised, each
 * two words side by side may be a name, so they are kept as possible names, and the word alone
 * matches unless the other side has it only inside a name that this headline does not have.
 *
 * What an article says of its names goes into its vector as weightless marks (present in an
 * event's centroid once a member had them; they change no cosine): `#a b` two words side by side
 * in a name, `!t` a word named alone, `^t` a word met only inside names.
 */

/** How an article's word stands in it, from the most telling: named alone, only inside names, in a title-cased headline, in plain text. */
export const enum WordRole {
  Plain = 0,
  Named = 1,
  InName = 2,
  Cased = 3,
}

export interface ArticleNames {
  /** The marks to add to the article's vector. */
  marks: string[];
  /** The role of each word (stemmed term) met in a name, named alone or in a title-cased headline; others are plain. */
  roles: Map<string, WordRole>;
  /** For a word inside names or in a title-cased headline, the `#a b` marks of its names. */
  pairs: Map<string, string[]>;
}

const pairMark = (a: string, b: string) => `#${a} ${b}`;
export const namedMark = (t: string) => `!${t}`;
export const inNameMark = (t: string) => `^${t}`;

/** What stands between two words of one name: spaces only. */
const SAME_NAME = /^\s+$/;
/** What ends a sentence or a headline's clause: the next word's capital says nothing. */
const CLAUSE_END = /[.!?:;|—–]|\s-\s/;

interface Token {
  term: string | undefined;
  capital: boolean;
  possessive: boolean;
  /** Whether the word opens a sentence or a clause (its capital may be the sentence's). */
  opens: boolean;
  /** Whether only spaces stand between it and the word before. */
  joined: boolean;
}

const LOWER: Token = { term: undefined, capital: false, possessive: false, opens: false, joined: false };

/** The words of a text; with `capitalsOnly` (sentence case, where only capitalised words make names) a lowercase word is only a break. */
function tokens(text: string, capitalsOnly = false): Token[] {
  const out: Token[] = [];
  let end = 0;
  for (const m of wordMatches(text)) {
    const raw = m[0];
    const at = m.index ?? 0;
    const gap = text.slice(end, at);
    end = at + raw.length;
    if (capitalsOnly && !/^\p{Lu}/u.test(raw)) {
      out.push(LOWER);
      continue;
    }
    const norm = normalizeWord(raw);
    out.push({
      term: isContentWord(norm) ? stem(norm) : undefined,
      capital: /^\p{Lu}/u.test(raw),
      possessive: /['’]s$/u.test(raw),
      opens: !out.length || CLAUSE_END.test(gap),
      joined: out.length > 0 && SAME_NAME.test(gap),
    });
  }
  return out;
}

/** The names of an article's title, lead and the words of its URL (see the top of this file). */
export function articleNames(title: string, lead: string, url = ''): ArticleNames {
  const roles = new Map<string, WordRole>();
  const pairs = new Map<string, string[]>();
  const marks = new Set<string>();
  // The most telling role a word has anywhere in the article wins (Named over InName over Cased).
  const take = (t: string, role: WordRole) => {
    const had = roles.get(t);
    if (had === undefined || role < had) roles.set(t, role);
  };
  const pair = (a: string, b: string) => {
    const m = pairMark(a, b);
    marks.add(m);
    for (const t of [a, b]) {
      const list = pairs.get(t) ?? [];
      if (!list.includes(m)) list.push(m);
      pairs.set(t, list);
    }
  };
  // Text whose case tells nothing (a title-cased headline, a URL's slug): any two words side by side may be a name.
  const caseless = (ts: Token[], known = new Set<string | undefined>()) => {
    for (const [i, t] of ts.entries()) {
      if (!t.term || known.has(t.term)) continue;
      take(t.term, WordRole.Cased);
      const before = ts[i - 1];
      if (before?.term && !known.has(before.term) && t.joined && !before.possessive) pair(before.term, t.term);
    }
  };
  if (!url && !/\p{Lu}/u.test(title) && !/\p{Lu}/u.test(lead)) return { marks: [], roles, pairs };
  const cased = titleCased(title);
  // Without a slug to compare, a sentence-case headline's lowercase words are only breaks.
  const headline = tokens(title, !cased && !url);
  if (cased) caseless(headline);
  else namesOf(headline, take, pair);
  // A lead without a capital has no name to read.
  if (lead && /\p{Lu}/u.test(lead) && !titleCased(lead)) namesOf(tokens(lead, true), take, pair);
  // A slug mostly repeats the headline, whose case said what is a name ("its new AI mode" is not
  // Google's "AI Mode"): only its other words are taken as caseless.
  if (url) caseless(tokens(url), new Set(headline.map((t) => t.term)));
  for (const [t, role] of roles) {
    if (role === WordRole.Named) marks.add(namedMark(t));
    if (role === WordRole.InName) marks.add(inNameMark(t));
  }
  return { marks: [...marks], roles, pairs };
}

/** The names of sentence-case text: runs of capitalised words with only spaces between (a possessive ends one). */
function namesOf(ts: Token[], take: (t: string, role: WordRole) => void, pair: (a: string, b: string) => void): void {
  let i = 0;
  while (i < ts.length) {
    if (!ts[i]!.capital) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < ts.length && ts[j]!.capital && ts[j]!.joined && !ts[j - 1]!.possessive) j++;
    const words = ts.slice(i, j).filter((t) => t.term);
    if (words.length >= 2) {
      for (const [k, t] of words.entries()) {
        take(t.term!, WordRole.InName);
        if (k) pair(words[k - 1]!.term!, t.term!);
      }
    } else if (words.length === 1 && !(words[0] === ts[i] && ts[i]!.opens)) take(words[0]!.term!, WordRole.Named);
    i = j;
  }
}

/**
 * The article's words' roles, compiled against term ids once per article: `shared` then tells, for
 * an event, whether each word counts as a word the two share.
 */
export class NameRules {
  /** The ids of each term's `!t` and `^t` marks, looked up when first asked (most terms are never held by the event): -2 until then. */
  private readonly named: Int32Array;
  private readonly inName: Int32Array;

  private constructor(
    private readonly terms: readonly string[],
    private readonly roles: Uint8Array,
    private readonly pairs: ReadonlyArray<readonly number[] | undefined>,
    private readonly id: (term: string) => number,
  ) {
    this.named = new Int32Array(terms.length).fill(-2);
    this.inName = new Int32Array(terms.length).fill(-2);
  }

  /**
   * For the article's terms in the order of its vector; `id` gives a term's id, or -1 for a term
   * no event can hold (none ever had it).
   */
  static of(terms: readonly string[], names: ArticleNames, id: (term: string) => number): NameRules {
    const roles = new Uint8Array(terms.length);
    const pairs: Array<number[] | undefined> = [];
    for (const [i, t] of terms.entries()) {
      const role = names.roles.get(t);
      if (role !== undefined) roles[i] = role;
      pairs.push(role === undefined ? undefined : names.pairs.get(t)?.map(id));
    }
    return new NameRules(terms, roles, pairs, id);
  }

  /** Whether the article's i-th term counts as shared with an event that holds the terms `has` tells (`held`: this term). */
  shared(i: number, held: boolean, has: (id: number) => boolean): boolean {
    const role = this.roles[i] as WordRole;
    // A term the event lacks is shared only as a part of a name the event has.
    if (!held && role !== WordRole.InName) return false;
    const named = has(this.namedId(i));
    switch (role) {
      case WordRole.Named:
        return true;
      case WordRole.InName:
        return named || this.pairIn(i, has);
      case WordRole.Cased:
        return named || !has(this.inNameId(i)) || this.pairIn(i, has);
      default:
        return named || !has(this.inNameId(i));
    }
  }

  private namedId(i: number): number {
    if (this.named[i] === -2) this.named[i] = this.id(namedMark(this.terms[i]!));
    return this.named[i]!;
  }

  private inNameId(i: number): number {
    if (this.inName[i] === -2) this.inName[i] = this.id(inNameMark(this.terms[i]!));
    return this.inName[i]!;
  }

  private pairIn(i: number, has: (id: number) => boolean): boolean {
    const p = this.pairs[i];
    return !!p && p.some(has);
  }
}

/**
 * The words of the name a sentence-case headline opens with, its actor ("Elon Musk's SpaceX might
 * invest …" → elon, musk; "Sam Altman says …" → sam, altman): a run of capitalised words from the
 * first, up to a possessive. None when the headline does not open with a name, or when it is
 * title-cased (every word capitalised, so case tells no name's end).
 */
export function openingName(title: string): string[] {
  if (titleCased(title)) return [];
  const ts = tokens(title);
  const out: string[] = [];
  for (const [i, t] of ts.entries()) {
    if (!t.capital || (i > 0 && !t.joined)) break;
    if (t.term) out.push(t.term);
    if (t.possessive) break;
  }
  return out;
}
