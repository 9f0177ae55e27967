/**
 * Where a summary may end. A feed's description is often cut mid-sentence ("… the growing
 * patchwork of laws that curb how…"), and outlets close an item on a teaser or a call to
 * action ("Here's what you need to know.", "Looks like Meta isn't done poaching talent.",
 * "Read on to find out."): none of those states anything. A summary is whole sentences that
 * do: a cut last sentence and the teasers after the last statement are left out, one
 * sentence is always kept.
 */

/** A sentence that ends as written: its mark, then any closing quotes or brackets. */
const FINISHED = /[.!?]["'”’)\]]*$/;
/** Cut where the feed cut it: an ellipsis at the end is the feed's mark, not the writer's stop. */
const CUT = /(?:\u2026|\.\.\.|\[\s*(?:\u2026|\.\.\.)\s*\])["'”’)\]]*$/;

export function isUnfinished(sentence: string): boolean {
  const s = sentence.trim();
  return CUT.test(s) || !FINISHED.test(s);
}

// The long patterns are String.raw pieces joined into one RegExp, to keep lines short.

/**
 * Openings of sentences that point at what follows instead of saying it: "here's what/why/how
 * …", imperatives to read, watch or sign up, "looks like …", "let's …".
 */
const TEASER_OPENING = new RegExp(
  String.raw`^["“]?(?:here['’]s (?:what|why|how|everything|the (?:deal|catch|latest)|a (?:look|closer look)|where|when|who)\b|here are (?:some|a few|our)\b|` +
    String.raw`(?:find out|read on|read more|learn more|keep reading|click|tap|watch|listen|check out|discover|scroll|` +
    String.raw`join us|don['’]t miss|stay tuned|sign up|subscribe|follow (?:our|along))\b|` +
    String.raw`(?:looks|seems|sounds) like\b|guess what\b|spoiler\b|but wait\b|let['’]s\b|more on that\b|the verdict\b)`,
  'i',
);
/** Endings of a short sentence that promises what the piece holds ("… you need to know."). */
const TEASER_PROMISE = new RegExp(
  String.raw`\b(?:(?:you|we) (?:need|should|want) to know|what (?:we|you) know(?: so far)?|(?:all )?the details|` +
    String.raw`how it works|what['’]s (?:next|new|inside)|what it means(?: for you)?)[.!:]?["”’]?$`,
  'i',
);
/** Short enough to be a promise rather than a statement that ends on those words. */
const PROMISE_WORDS = 14;
/** A question at the end of a summary asks the reader to read on. */
const QUESTION = /\?["”’)]*$/;

export function isTeaser(sentence: string): boolean {
  const s = sentence.trim();
  return (
    QUESTION.test(s) || TEASER_OPENING.test(s) || (TEASER_PROMISE.test(s) && s.split(/\s+/).length <= PROMISE_WORDS)
  );
}

/**
 * The sentences to keep of a summary, in order: a cut last sentence and trailing teasers
 * dropped while another sentence is left.
 */
export function wholeSentences<T>(sentences: readonly T[], text: (s: T) => string): T[] {
  const kept = [...sentences];
  if (kept.length > 1 && isUnfinished(text(kept[kept.length - 1]!))) kept.pop();
  while (kept.length > 1 && isTeaser(text(kept[kept.length - 1]!))) kept.pop();
  return kept;
}
