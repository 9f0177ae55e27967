/**
 * A title repeated at the top of the text (extracted pages and some feeds open with it):
 * where the body starts once it is left out. The text must open with the title's words,
 * all of them and in order (case, punctuation and spacing aside), and stop there: at a line
 * break, or at the end of a sentence ("Title. Body…"). A lead sentence that merely begins
 * with the title's words and goes on is the article's own and stays.
 */
const WORD = /[\p{L}\p{N}]+/gu;

export function bodyStart(title: string, text: string): number {
  const want = (title.match(WORD) ?? []).map((w) => w.toLowerCase());
  if (want.length < 2) return 0;
  WORD.lastIndex = 0;
  let end = 0;
  for (const w of want) {
    const m = WORD.exec(text);
    // Only spaces and punctuation may stand between the title's words in the text.
    if (!m || m[0].toLowerCase() !== w || /[\p{L}\p{N}]/u.test(text.slice(end, m.index))) return 0;
    if (end > 0 && /\n\s*\n/.test(text.slice(end, m.index))) return 0;
    end = m.index + m[0].length;
  }
  // What follows the title: closing punctuation, then a line break, the end, or a new sentence.
  const rest = /^[^\S\n]*[.!?:;|—–-]?["'”’)]?[^\S\n]*/u.exec(text.slice(end))![0];
  const after = end + rest.length;
  const next = text.slice(after, after + 2);
  if (next === '' || next[0] === '\n') return after;
  if (/[.!?:|—–-]/.test(rest) && !/^\p{Ll}/u.test(next)) return after;
  return 0;
}
