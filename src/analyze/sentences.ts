/**
 * Sentence boundaries for this field's text, by rules about what can end a sentence rather
 * than by a model: a sentence ends only at a blank line, at a line break before a new line
 * that does not continue it, or at terminal punctuation (. ! ? …) that is followed by
 * space. So a dot inside a token never ends one ("GPT-5.5", "v1.2.3", "2401.01234",
 * "openai.com", "$3.50"), and a dot followed by space ends one unless the word before it is
 * an abbreviation ("U.S.", "Dept.", "Jan.", "Dr.") that is not followed by a word that opens
 * sentences. Every span is [start, end) in the text given: text.slice(start, end) is the
 * sentence as written.
 */
export interface Span {
  start: number;
  end: number;
}

/** Titles before a name: never the end of a sentence. Also Latin run-ins (e.g., i.e., vs.). */
const NEVER = new Set([
  'Mr',
  'Mrs',
  'Ms',
  'Mx',
  'Dr',
  'Prof',
  'Messrs',
  'Mme',
  'Mlle',
  'e.g',
  'i.e',
  'vs',
  'cf',
  'viz',
  'approx',
  'ca',
  'incl',
  'esp',
  'Vs',
  'Cf',
  'E.g',
  'I.e',
  'Approx',
]);

/**
 * Abbreviations that can end a sentence ("… of Apple Inc. The company …") but mostly do not
 * ("Apple Inc. said", "Jan. 15", "Commerce Dept. official"): they end one only when the
 * next word is one that opens sentences (see STARTERS). Case matters: "Miss." and "miss."
 * are different words.
 */
const MAYBE = new Set([
  // organisations and people
  'Inc',
  'Corp',
  'Ltd',
  'Co',
  'Cos',
  'Bros',
  'Dept',
  'Univ',
  'Assn',
  'Govt',
  'Inst',
  'Intl',
  'Natl',
  'Jr',
  'Sr',
  'Esq',
  'St',
  'Mt',
  'Ft',
  'Ave',
  'Blvd',
  'Rd',
  'Sen',
  'Rep',
  'Reps',
  'Gov',
  'Gen',
  'Lt',
  'Col',
  'Sgt',
  'Capt',
  'Cmdr',
  'Adm',
  'Maj',
  'Rev',
  'Hon',
  'Pres',
  'Supt',
  'Insp',
  'Det',
  'Atty',
  'Amb',
  'Sens',
  // months and days
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Sept',
  'Oct',
  'Nov',
  'Dec',
  'Mon',
  'Tue',
  'Tues',
  'Wed',
  'Thu',
  'Thur',
  'Thurs',
  'Fri',
  'Sat',
  'Sun',
  // references and numbers
  'No',
  'Nos',
  'Vol',
  'Vols',
  'Fig',
  'Figs',
  'Eq',
  'Eqs',
  'Ref',
  'Refs',
  'Sec',
  'Art',
  'Ch',
  'Para',
  'Pt',
  'pp',
  'vol',
  'no',
  'fig',
  'eq',
  'ref',
  'sec',
  'ch',
  'et al',
  'al',
  'etc',
  'est',
  'ed',
  'eds',
  'Ed',
  'Eds',
  // US states as newspapers abbreviate them
  'Ala',
  'Ariz',
  'Ark',
  'Calif',
  'Colo',
  'Conn',
  'Del',
  'Fla',
  'Ga',
  'Ill',
  'Ind',
  'Kan',
  'Kans',
  'Ky',
  'La',
  'Md',
  'Mass',
  'Mich',
  'Minn',
  'Miss',
  'Mo',
  'Mont',
  'Neb',
  'Nev',
  'Okla',
  'Ore',
  'Pa',
  'Penn',
  'Tenn',
  'Tex',
  'Va',
  'Vt',
  'Wash',
  'Wis',
  'Wyo',
]);

/** Closed-class words that open sentences: after an abbreviation, they mean a new sentence began. */
const STARTERS = new Set(
  (
    'the a an this that these those it its he she they we i you his her their our my your there here ' +
    'but and or so yet however meanwhile instead still also now then today yesterday tomorrow earlier later ' +
    'in on at for with as after before when while if although though since because according by from under over ' +
    'despite even only just some many most all both each other another one such what why how who where which ' +
    'no not none neither nor to of during until unless once whether last next this'
  ).split(' '),
);

const SPEECH_AFTER =
  /^(?:\p{Lu}[\p{L}'’.-]*\s+){1,3}(?:said|says|asked|asks|told|added|wrote|replied|explained|insisted|warned|shouted)\b/u;

const isSpace = (c: string | undefined) => c !== undefined && /\s/.test(c);
const OPENERS = /["'“‘(\[«]/;
const CLOSERS = /["'”’)\]»]/;

/** The word right before position `at` (back to the last space), without opening punctuation. */
function wordBefore(text: string, at: number, floor: number): string {
  let i = at;
  while (i > floor && !isSpace(text[i - 1])) i--;
  return text.slice(i, at).replace(/^["'“‘(\[«]+/, '');
}

/** What follows a candidate boundary: the first word after space and opening marks. */
function nextWord(text: string, at: number, limit: number): { word: string; opened: boolean } {
  let i = at;
  while (i < limit && isSpace(text[i])) i++;
  let opened = false;
  while (i < limit && OPENERS.test(text[i]!)) {
    opened = true;
    i++;
  }
  let j = i;
  while (j < limit && !isSpace(text[j]) && j - i < 60) j++;
  return { word: text.slice(i, j), opened };
}

/** A next word that starts a sentence after ordinary words: capitals, digits, symbols, and lower-case names such as "iOS" or "o4-mini". */
function opensAfterWord(word: string, opened: boolean): boolean {
  const c = word[0];
  if (c === undefined) return true;
  if (/\p{Lu}|\p{N}/u.test(c)) return true;
  if (/\p{Ll}/u.test(c)) return !opened && /\p{Lu}|\p{N}/u.test(word.replace(/[.,;:!?"'”’)]+$/, '').slice(1));
  return true;
}

/** A next word that starts a sentence after an abbreviation: a starter word, or speech opening. */
function opensAfterAbbreviation(word: string, opened: boolean): boolean {
  const w = word.replace(/[^\p{L}'’]+$/u, '');
  if (opened && /^\p{Lu}/u.test(w)) return true;
  if (!/^\p{Lu}/u.test(w)) return /^[•*]/.test(word);
  return STARTERS.has(w.toLowerCase());
}

/**
 * Abbreviations of a reference, which abbreviate only before its number ("No. 3", "Fig. 2",
 * "pp. 10-12"): "One study says no. Here's why" ends a sentence.
 */
const NUMBERED = new Set([
  'No',
  'Nos',
  'no',
  'Vol',
  'Vols',
  'vol',
  'Fig',
  'Figs',
  'fig',
  'Eq',
  'Eqs',
  'eq',
  'pp',
  'Pt',
]);

/** Whether a sentence may start with this word: one that opens sentences, after an abbreviation (see STARTERS). */
export function startsSentence(word: string): boolean {
  return STARTERS.has(word.replace(/[^\p{L}'’]+$/u, '').toLowerCase());
}

function isAbbreviation(whole: string, next: string): 'never' | 'maybe' | undefined {
  // "then-Sen.", "D-Calif.": the abbreviation is the part after the hyphen.
  const word = /^[\p{L}]+-\p{Lu}\p{Ll}+$/u.test(whole) ? whole.slice(whole.lastIndexOf('-') + 1) : whole;
  if (NEVER.has(word)) return 'never';
  if (NUMBERED.has(word)) return /^[\p{N}#]/u.test(next) ? 'never' : undefined;
  if (MAYBE.has(word)) return 'maybe';
  // Initials and dotted acronyms: "J.", "U.S.", "S.B.", "a.m.", "Ph.D."
  if (/^\p{L}$/u.test(word) || /^(?:\p{L}{1,2}\.)+\p{L}{1,2}$/u.test(word)) return 'maybe';
  return undefined;
}

/** Whether a single line break ends a sentence: it does unless the next line continues in lower case. */
function lineBreakEnds(text: string, at: number, limit: number): boolean {
  const { word, opened } = nextWord(text, at, limit);
  if (!word) return true;
  return opened || !/^\p{Ll}/u.test(word);
}

/**
 * Sentence spans of text[from, to). Linear in the length: each character is looked at a
 * bounded number of times (the look-behind and look-ahead read one word each).
 */
export function splitSentences(text: string, from = 0, to = text.length): Span[] {
  const spans: Span[] = [];
  let start = -1;
  const close = (end: number) => {
    let e = end;
    while (e > start && isSpace(text[e - 1])) e--;
    if (start >= 0 && e > start) spans.push({ start, end: e });
    start = -1;
  };
  for (let i = from; i < to; i++) {
    const c = text[i]!;
    if (start < 0) {
      if (!isSpace(c)) start = i;
      else continue;
    }
    if (c === '\n') {
      let j = i + 1;
      while (j < to && text[j] !== '\n' && isSpace(text[j])) j++;
      if (text[j] === '\n' || lineBreakEnds(text, i + 1, to)) close(i);
      continue;
    }
    if (c !== '.' && c !== '!' && c !== '?' && c !== '…' && c !== '‽') continue;
    // The whole run of terminal marks, then closing quotes and brackets.
    let j = i;
    while (j < to && /[.!?…‽]/.test(text[j]!)) j++;
    const run = text.slice(i, j);
    let k = j;
    while (k < to && CLOSERS.test(text[k]!)) k++;
    if (k < to && !isSpace(text[k])) {
      i = j - 1;
      continue; // inside a token: "GPT-5.5", "openai.com", "e.g.,", "U.S.-based"
    }
    if (k >= to) {
      close(k);
      i = k - 1;
      continue;
    }
    const { word, opened } = nextWord(text, k, to);
    const closed = k > j;
    let ends: boolean;
    if (run.includes('…') || run.includes('..')) {
      // An ellipsis in brackets marks words left out ("[…]"), not an end; otherwise it ends only before a new start.
      ends = text[i - 1] !== '[' && opensAfterWord(word, opened);
    } else if (run === '.') {
      const before = wordBefore(text, i, start);
      const abbr = closed ? undefined : isAbbreviation(before, word);
      ends =
        abbr === 'never'
          ? false
          : abbr === 'maybe'
            ? opensAfterAbbreviation(word, opened)
            : opensAfterWord(word, opened);
    } else {
      // "?" or "!": not before lower case ('…?" he asked'), nor before a named speaker ('…!" Smith said').
      ends = opensAfterWord(word, opened) && !(closed && SPEECH_AFTER.test(text.slice(k, k + 80).trimStart()));
    }
    if (ends) close(k);
    i = k - 1;
  }
  if (start >= 0) close(to);
  return spans;
}
