/**
 * Whether a feed item's whole text describes a picture rather than the article: some feeds
 * (a lab's blog among them) carry the lead image's alternative text as the item's description
 * ("Collage on a black background showing…", "Illustration of…", "Text: AI Futures Fund").
 * Kept, it would stand as the article's summary and lead. Such a text is a noun phrase
 * naming a depiction, short, with no verb of its own saying something happened.
 */
/** What a picture may be called (its caption opens by naming it, then "of", "showing", …). */
const PICTURES = [
  'illustration',
  'drawing',
  'collage',
  'image',
  'photo',
  'photograph',
  'picture',
  'screenshot',
  'graphic',
  'animation',
  'gif',
  'video',
  'header',
  'banner',
  'logo',
  'diagram',
  'rendering',
  'smartphone',
  'phone',
  'device',
  'screen',
];
const DEPICTION = new RegExp(
  String.raw`^(?:(?:a|an|the|two|three|four|several)\s+)?(?:[\w-]+\s+){0,2}?(?:mp4|(?:${PICTURES.join('|')})s?)` +
    String.raw`\s+(?:of|showing|with|on|featuring|depicting|in)\b`,
  'i',
);
/** A caption that spells out the image's words. */
const SPELLED_OUT = /^text(?::\s|\s+(?:that\s+)?reads\b)/i;
/** A short label that ends by naming the picture ("Gemini Enterprise logo", "July AI recap header"). */
const LABEL = /\b(?:logo|header|hero|graphic|poster|icon|banner|thumbnail|screenshot)\.?$/i;
/** Where a caption places a thing: on a plain, white, black… background. */
const BACKGROUND = /\bon\s+an?\s+(?:[\w-]+\s+){0,2}background\b/i;
const LABEL_WORDS = 12;
/** A label is a bare noun phrase: a determiner or pronoun in it says a sentence ("refreshes its logo"). */
const DETERMINER = /\b(?:a|an|the|its|their|our|his|her|this|that)\b/i;
/** Verbs with which a description reports rather than depicts. */
const REPORTS =
  /\b(?:is|are|was|were|has|have|had|will|would|can|could|says|said|announced|launched|released|today)\b/i;
const MAX_WORDS = 45;

export function describesPicture(text: string): boolean {
  const t = text.trim();
  if (!t || t.split(/\s+/).length > MAX_WORDS) return false;
  if (SPELLED_OUT.test(t)) return true;
  if (REPORTS.test(t)) return false;
  if (LABEL.test(t) && !DETERMINER.test(t) && t.split(/\s+/).length <= LABEL_WORDS) return true;
  return DEPICTION.test(t) || BACKGROUND.test(t);
}
