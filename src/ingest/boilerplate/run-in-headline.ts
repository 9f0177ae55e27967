/**
 * A newsletter issue's item text opens with the headline of its first story run into that
 * story's lead, with no stop between them ("Meet Jim O'Neill, … RFK Jr.'s right-hand man When
 * Jim O'Neill was nominated …"): read as one sentence, it is neither a headline nor a sentence.
 * The stop goes where, within the opening words, a capital follows a word that ends without a
 * mark, and the capitalised word is one that opens sentences ("When", "The", "Last") or one
 * the text also writes in lower case ("Police and federal agencies" beside "helping police"),
 * so not a name, or one the headline already named, as a lead names its subject again ("… over
 * OpenAI's future Elon Musk and OpenAI CEO …"); after a capitalised word, only a word that opens
 * sentences counts ("Quidnet Energy" is a name, though the text speaks of energy). Only a digest's text is read so (see clean.ts): elsewhere a capital inside a
 * sentence is a name more often than not.
 */
export const OPENERS = new Set(
  (
    'A An The This That These Those It Its In On At For From With When While Since After Before As If ' +
    'Although Though But Last Earlier Today Yesterday Now Over One Two Three Four Five Six Some Many Most ' +
    'Few Every Each Our We He She They There Here What How Why Just Once Until During Despite Across Under ' +
    'Seven Eight Nine Ten More Less Imagine Millions Thousands Hundreds Dozens Nearly Almost Researchers Scientists'
  ).split(' '),
);
/** A headline is a few words at least, and the lead starts within the opening words. */
const MIN_HEADLINE_WORDS = 4;
const MAX_HEADLINE_WORDS = 30;
/** Stops inside a headline that end no sentence ("Musk v. Altman", "Dr. Google"). */
const ABBREVIATION = /^(?:v|vs|Dr|Mr|Mrs|Ms|St|Jr|Sr|Inc|Corp|Co|Ltd|No|U\.S|U\.K|[A-Z])\.["'”’)]*$/;

/** Words a headline does not end on: the lead starts after a word that completes a phrase, not after "at" or "the". */
const FUNCTION_WORDS = new Set(
  (
    'a an the of in on at to for with by from against about into over under as and or but than that which who whose ' +
    'is are was were be its their his her our your my this these those'
  ).split(' '),
);

const DATE_WORD =
  /^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December)\b/;

/** The word without its possessive or closing marks ("There’s" → "There", "Chen." → "Chen"). */
const bareWord = (word: string) => word.replace(/[^\p{L}]+$/u, '').replace(/['’]s$/u, '');

export function endRunInHeadline(text: string): string {
  const words = [...text.matchAll(/\S+/g)].slice(0, MAX_HEADLINE_WORDS + 1);
  const seen = new Set<string>();
  for (let i = 0; i < Math.min(MIN_HEADLINE_WORDS, words.length); i++) seen.add(bareWord(words[i]![0]));
  for (let i = MIN_HEADLINE_WORDS; i < words.length; i++) {
    const before = words[i - 1]![0];
    const word = words[i]![0];
    const bare = bareWord(word);
    const seenBefore = seen.has(bare);
    seen.add(bare);
    if (/[.!?:;,\u2014\u2013-]["'”’)]*$/u.test(before)) {
      // The headline ended with its own mark: nothing to add.
      if (/[.!?]["'”’)]*$/u.test(before) && !ABBREVIATION.test(before)) return text;
      continue;
    }
    // A capitalised word ("When", "A", "Police"), not one in capitals ("AI") nor a lower-case one.
    if (!/^\p{Lu}(?:\p{Ll}|$)/u.test(bare)) continue;
    if (FUNCTION_WORDS.has(before.toLowerCase())) continue;
    // After a capitalised word it is more often the rest of a name ("Quidnet Energy", "Innovators
    // Under 35") than a lead: only a word that opens sentences, before one in lower case or a
    // date ("… than Mythos On Monday, reports …"), counts.
    const afterName = /^\p{Lu}/u.test(before);
    const next = words[i + 1]?.[0] ?? '';
    const opens =
      (OPENERS.has(bare) && (!afterName || /^\p{Ll}/u.test(next) || DATE_WORD.test(next))) ||
      (!afterName &&
        bare.length > 1 &&
        new RegExp(`(^|[^\\p{L}])${bare.toLowerCase()}([^\\p{L}]|$)`, 'u').test(text)) ||
      // The lead names again what the headline named ("… over OpenAI's future Elon Musk and …").
      (!afterName && bare.length > 1 && seenBefore);
    if (!opens) continue;
    const at = words[i - 1]!.index! + before.length;
    return `${text.slice(0, at)}.${text.slice(at)}`;
  }
  return text;
}
