/**
 * A reaction names the author it answers: "Nathan Lambert has made the case for an open model
 * consortium" opens an essay on Lambert's op-ed, and the op-ed itself, in the first person, never
 * names him. An event keeps its members' authors as weightless marks (see authorMarks); an
 * article whose headline or lead names one of them is answering a member of that event.
 */

const BY_MARK = '~by:';

/** A person's name as it is compared: lower case, words only ("Nathan Lambert" → "nathan lambert"). */
function nameKey(words: readonly string[]): string {
  return `${BY_MARK}${words.map((w) => w.toLowerCase()).join(' ')}`;
}

const PERSON_WORD = /^\p{Lu}[\p{Ll}'’-]*\p{Ll}$/u;

/**
 * The marks of a by-line's people: each name of two to four capitalised words ("Nathan Lambert",
 * "Kyle Wiggers, Maxwell Zeff", "A and B"). A by-line of one word (an outlet, "Reuters"), or one
 * that does not read as names ("TechCrunch Staff" reads as one), says nothing a reader would name.
 */
export function authorMarks(author: string | undefined): string[] {
  if (!author) return [];
  const marks: string[] = [];
  for (const part of author.split(/\s*(?:,|;|&|\band\b|\bwith\b)\s*/u)) {
    const words = part.trim().split(/\s+/u).filter(Boolean);
    if (words.length >= 2 && words.length <= 4 && words.every((w) => PERSON_WORD.test(w))) marks.push(nameKey(words));
  }
  return marks;
}

/**
 * The marks of every name a text could give: each run of two or three capitalised words, and its
 * two-word parts ("Yesterday Nathan Lambert" gives "nathan lambert"); a possessive is dropped
 * ("Andrew Ng's letter").
 */
export function namedMarks(text: string): string[] {
  const marks = new Set<string>();
  const words = text.split(/[^\p{L}'’-]+/u);
  let run: string[] = [];
  const endRun = () => {
    for (let i = 0; i < run.length; i++)
      for (let n = 2; n <= 3 && i + n <= run.length; n++) marks.add(nameKey(run.slice(i, i + n)));
    run = [];
  };
  for (const raw of words) {
    const w = raw.replace(/['’]s$/u, '');
    if (PERSON_WORD.test(w)) run.push(w);
    else endRun();
    // A possessive ends the name it closes.
    if (w !== raw) endRun();
  }
  endRun();
  return [...marks];
}
