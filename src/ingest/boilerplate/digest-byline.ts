/**
 * A newsletter issue's stories each open with their headline, then the writer's byline glued to
 * an em dash, then the lead, with no stop between them ("… still don't know what it's for —Mat
 * Honan OpenAI rolled out a new web browser …"). Read as it comes, the headline, the byline and
 * the lead make one sentence that is none of them. The headline gets its stop and the byline
 * goes: the issue is not the writer's piece, and a name in the middle of a summary says nothing.
 * Only a digest's text is read so (see article.ts).
 */
import { OPENERS } from './run-in-headline.js';

/** A word of a name as bylines write it ("Honan", "O'Donnell", "Heaven."). */
const NAME_WORD = /^\p{Lu}[\p{L}'’.-]*[.,]?$/u;
const JOINER = /^(?:&|and)$/;
/** A byline names one or two writers: a run longer than this is a lead that opens on a name. */
const MAX_NAME_WORDS = 7;
/** The writer's role after the name ("senior AI editor", "the founding editors of Anyway, …"). */
const MAX_ROLE_WORDS = 16;
const QUESTION_OPENERS = new Set(['Are', 'Is', 'Do', 'Does', 'Did', 'Have', 'Has']);

/** A word that opens sentences ("At", "It's", "Are"), not a name. */
const opensSentence = (word: string) => {
  const bare = word.replace(/['’]s$|[^\p{L}]+$/gu, '');
  return OPENERS.has(bare) || QUESTION_OPENERS.has(bare);
};

interface Word {
  text: string;
  start: number;
  end: number;
}

/** The words of the byline that starts at `at` (the "—Name" word), and where the text resumes. */
function byline(words: readonly Word[], at: number): { last: number; keepFrom: number | null } | null {
  const names: number[] = [at];
  for (let i = at + 1; i < words.length && i - at < MAX_NAME_WORDS; i++) {
    const w = words[i]!.text;
    const previous = words[names[names.length - 1]!]!.text;
    if (/[.,]$/.test(previous)) break;
    if (JOINER.test(w) && i + 1 < words.length && NAME_WORD.test(words[i + 1]!.text)) continue;
    if (!NAME_WORD.test(w)) break;
    // "—Caiwei Chen If I were …": a word that opens sentences, after a first and a last name, opens the lead.
    if (names.length >= 2 && opensSentence(w)) break;
    names.push(i);
  }
  const lastName = words[names[names.length - 1]!]!.text;
  // "—Caiwei Chen. If I were …": the byline is its own sentence.
  if (lastName.endsWith('.')) return { last: names[names.length - 1]!, keepFrom: null };
  // "—Mat Honan, MIT Technology Review's editor in chief At Davos …": the writer's role runs on
  // to a word that opens the lead; a role that runs on into more names stays, its dash gone.
  if (lastName.endsWith(',')) {
    const role = names[names.length - 1]! + 1;
    for (let i = role + 1; i < words.length && i - role <= MAX_ROLE_WORDS; i++) {
      if (/[.!?;]["'”’)]*$/u.test(words[i - 1]!.text)) break;
      if (opensSentence(words[i]!.text)) return { last: i - 1, keepFrom: null };
    }
    return null;
  }
  const next = words[names[names.length - 1]! + 1]?.text ?? '';
  // "—Casey Crownhart Google just announced": the lead opens on the last capitalised word. A
  // name of two words followed by lower case is the lead's subject ("—Yoav Shoham is a professor").
  if (names.length >= 3 && /^\p{Ll}/u.test(next)) return { last: names[names.length - 2]!, keepFrom: null };
  if (/^\p{Ll}/u.test(next)) return { last: at, keepFrom: at };
  return { last: names[names.length - 1]!, keepFrom: null };
}

export function endBylinedHeadlines(text: string): string {
  const words: Word[] = [...text.matchAll(/\S+/g)].map((m) => ({
    text: m[0],
    start: m.index!,
    end: m.index! + m[0].length,
  }));
  let out = '';
  let from = 0;
  for (let i = 1; i < words.length; i++) {
    const w = words[i]!;
    if (!/^\u2014\p{Lu}/u.test(w.text)) continue;
    const found = byline(words, i);
    const before = words[i - 1]!;
    const stop = /[.!?]["'”’)]*$/u.test(before.text) ? '' : '.';
    if (!found) {
      out += `${text.slice(from, before.end)}${stop} ${w.text.slice(1)}`;
      from = w.end;
      continue;
    }
    out += `${text.slice(from, before.end)}${stop}`;
    if (found.keepFrom !== null) {
      out += ` ${w.text.slice(1)}`;
      from = w.end;
    } else from = words[found.last]!.end;
    i = found.last;
  }
  return out + text.slice(from);
}
