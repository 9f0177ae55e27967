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
/**
 * Words that describe how a picture looks ("stylized", "logo", "against a black background").
 * One may be the news ("a new logo"); two of different kinds describe a picture
 * ("Blue and black futuristic illustration with Gemini 2.5 logo in the middle").
 */
const VISUAL = new RegExp(
  String.raw`\b(logo|icon|illustrat(?:ion|ed)|background|stylized|abstract|collage|mosaic|infographic|graphic|` +
    String.raw`depict(?:s|ing)|mock-up|headshot|zooms|carousel|glowing|colou?rful|translucent|overhead view|image|screen|mp4)s?\b`,
  'gi',
);
/** Reporting verbs and the writer's own voice: a text with them tells, however visual its words ("I tested six image tools on logos"). */
const TELLS =
  /\b(?:was|were|has|have|had|will|would|can|could|says|said|announced|launched|released|today|I|we|my|our|you)\b/i;
const MIN_VISUAL_KINDS = 2;
/** A name then a verb in the past: "Apple refreshed the icons …" reports (a picture is "illustrated", not done). */
const NAME_DID = /^(?!(?:A|An|The)\s)\p{Lu}[\p{L}'’-]*\s+(?!illustrated\b)\p{Ll}+ed\b/u;

function looksVisual(t: string): boolean {
  if (TELLS.test(t) || NAME_DID.test(t)) return false;
  const kinds = new Set([...t.matchAll(VISUAL)].map((m) => m[1]!.toLowerCase()));
  return kinds.size >= MIN_VISUAL_KINDS;
}

export function describesPicture(text: string): boolean {
  const t = text.trim();
  if (!t || t.split(/\s+/).length > MAX_WORDS) return false;
  if (SPELLED_OUT.test(t) || looksVisual(t)) return true;
  if (REPORTS.test(t)) return false;
  if (LABEL.test(t) && !DETERMINER.test(t) && t.split(/\s+/).length <= LABEL_WORDS) return true;
  return DEPICTION.test(t) || BACKGROUND.test(t);
}
