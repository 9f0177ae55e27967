/**
 * A newsletter issue's item text opens with the headline of its first story run into that
 * story's lead, with no stop between them ("Meet Jim O'Neill, … RFK Jr.'s right-hand man When
 * Jim O'Neill was nominated …"): read as one sentence, it is neither a headline nor a sentence.
 * The stop goes where, within the opening words, a capital follows a word that ends without a
 * mark, and the capitalised word is one that opens sentences ("When", "The", "Last") or one
 * the text also writes in lower case ("Police and federal agencies" beside "helping police"),
 * so not a name. Only a digest's text is read so (see clean.ts): elsewhere a capital inside a
 * sentence is a name more often than not.
 */
const OPENERS = new Set(
  (
    'A An The This That These Those It Its In On At For From With When While Since After Before As If ' +
    'Although Though But Last Earlier Today Yesterday Now Over One Two Three Four Five Six Some Many Most ' +
    'Few Every Each Our We He She They There Here What How Why Just Once Until During Despite Across Under ' +
    'Imagine Millions Thousands Hundreds Dozens Nearly Almost Researchers Scientists'
  ).split(' '),
);
/** A headline is a few words at least, and the lead starts within the opening words. */
const MIN_HEADLINE_WORDS = 4;
const MAX_HEADLINE_WORDS = 30;

export function endRunInHeadline(text: string): string {
  const words = [...text.matchAll(/\S+/g)].slice(0, MAX_HEADLINE_WORDS + 1);
  for (let i = MIN_HEADLINE_WORDS; i < words.length; i++) {
    const before = words[i - 1]![0];
    const word = words[i]![0];
    if (/[.!?:;,\u2014\u2013-]["'”’)]*$/u.test(before)) {
      // The headline ended with its own mark: nothing to add.
      if (/[.!?]["'”’)]*$/u.test(before)) return text;
      continue;
    }
    if (!/^\p{Lu}\p{Ll}/u.test(word)) continue;
    const bare = word.replace(/[^\p{L}]+$/u, '');
    const lower = bare.toLowerCase();
    if (!OPENERS.has(bare) && !new RegExp(`(^|[^\\p{L}])${lower}([^\\p{L}]|$)`, 'u').test(text)) continue;
    const at = words[i - 1]!.index! + before.length;
    return `${text.slice(0, at)}.${text.slice(at)}`;
  }
  return text;
}
