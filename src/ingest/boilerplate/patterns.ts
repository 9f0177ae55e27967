/**
 * What outlet boilerplate is, in general (not one outlet's phrases): calls to subscribe or
 * sign up, a text speaking of itself as a newsletter edition or a syndicated post, image
 * captions and credits, and the marks a feed puts where it cut the text.
 */
export type BoilerplateKind = 'newsletter' | 'credit' | 'truncation';

const words = (s: string) => s.split(/\s+/).filter(Boolean).length;

// The long patterns are String.raw pieces joined into one RegExp, to keep lines short.

// A call to act on a subscription: "sign up here", "subscribe now", "opt in for X here", "in your inbox".
const SUBSCRIBE = new RegExp(
  String.raw`\b(?:sign(?:ing)? up|subscrib(?:e|ing)|opt in)\b.{0,80}\b(?:here|now|today|newsletter|edition|issue|inbox(?:es)?|free)\b|` +
    String.raw`\b(?:in|to) (?:your|our subscribers['\u2019]?) inbox(?:es)?\b|\binbox(?:es)? (?:first|every)\b|^subscribe\b|` +
    String.raw`\bnot (?:yet )?a subscriber\b`,
  'i',
);
// A newsletter's own tagline: "A newsletter for Verge subscribers about …", "Hello and welcome to Regulator, a newsletter for …".
const TAGLINE = new RegExp(
  String.raw`^\(?(?:(?:hello|hi|hey)(?: there)?,? and )?(?:welcome(?: back)? to [^,]{1,40}, )?` +
    String.raw`(?:an?|the) (?:[\p{L}-]+ ){0,2}(?:newsletter|email) for (?:[\p{L}'\u2019-]+ ){0,3}(?:subscribers|readers)\b`,
  'iu',
);
// The text speaking of itself: "This is today's edition of …", "This story originally appeared in …", "This is an excerpt of …".
const SELF = new RegExp(
  String.raw`^(?:this|it) (?:is|was|story|post|article|piece|essay|column|episode|edition)\b.{0,60}` +
    String.raw`\b(?:newsletter|edition of|excerpt of|originally (?:appeared|published|ran)|first (?:appeared|published)|` +
    String.raw`syndicated|republished|reprinted|podcast|episodes?)\b`,
  'i',
);
const WELCOME = new RegExp(
  String.raw`^(?:(?:hello|hey there|hi),? and )?welcome(?: back)? to\b.{0,60}(?:\b(?:edition|issue|episode|installment|` +
    String.raw`newsletter|podcast|series|collaboration|your (?:[\w-]+ ){0,2}(?:hub|home|guide|source))\b|!$)`,
  'i',
);
// A welcome and nothing else: "Hello and welcome to Bench Talk."
const BARE_WELCOME = /^(?:(?:hello|hey there|hi),? and )?welcome(?: back)? to\b[^,;:]{1,40}[.!]$/i;
// A show promoting itself: "Listen to the full episode", "wherever you get your podcasts".
const LISTEN = new RegExp(
  String.raw`\b(?:listen to the full (?:episode|interview|conversation)|wherever you (?:get|listen to) your podcasts|` +
    String.raw`(?:on|to us on) apple podcasts|follow (?:the show|us) on)\b`,
  'i',
);
// An outlet pointing elsewhere: "For more on the chip race, follow Jo Park.", "Be sure to check out this week's episode".
const ELSEWHERE = new RegExp(
  String.raw`^for more (?:on|about) [^,]{1,80}, (?:follow|read|see|check out|listen to)\b|` +
    String.raw`^(?:if you haven['\u2019]t already, )?(?:be sure to )?(?:check out|listen to) (?:this|last|our|the latest) ` +
    String.raw`(?:week['\u2019]s )?(?:[\p{L}-]+ ){0,3}(?:episode|issue|interview|edition|podcast)\b`,
  'iu',
);
const POST_APPEARED = /^the post\b.{1,300}\bappeared first on\b/i;
// A host introducing themselves: "I'm Jo Park, senior reporter at Circuit Notes and your guest host this week."
const HOST = new RegExp(
  String.raw`^(?:I['\u2019]m|I am|this is)\s\p{Lu}[\p{L}'\u2019-]+(?:\s\p{Lu}[\p{L}'\u2019-]+){0,3},?\s` +
    String.raw`(?:[\p{L}\u2014-]+,?\s+){0,14}?(?:(?:[Cc]o-?)?[Hh]ost|[Ee]ditor|[Rr]eporter|[Ww]riter|[Cc]orrespondent|[Cc]olumnist|[Pp]roducer|[Aa]nchor)\b`,
  'u',
);
// A show describing itself: "Bench Talk is Circuit Notes' flagship podcast, and posts every Friday."
const SHOW = new RegExp(
  String.raw`^(?:\p{Lu}[\p{L}'\u2019-]*\s){1,3}is\s(?:(?:\p{Lu}[\p{L}-]*\s){0,2}\p{Lu}[\p{L}-]*['\u2019]s?\s)?` +
    String.raw`(?:[\p{L}-]+\s){0,2}(?:podcast|newsletter|show|video series)\b.{0,80}\b(?:every|weekly|daily|produced by|hosted by)\b`,
  'u',
);

// A credit: "Image: …", "Photo credit: …", "Photo by …", "Getty Images" alone.
const CREDIT_LABEL = new RegExp(
  String.raw`^(?:(?:header |lead |featured |top )?(?:image|photo(?:graph)?|illustration|art(?:work)?|credit)s?` +
    String.raw`(?: credits?| by| courtesy(?: of)?| via)?\s*:|` +
    String.raw`(?:image|photo(?:graph)?|illustration)s? (?:by|courtesy of|credits?)\b)`,
  'i',
);
const AGENCY =
  /\b(?:getty images|shutterstock|istock(?:photo)?|ap photo|afp via getty|via getty|reuters\/|bloomberg via getty|nurphoto)\b/i;
// A caption describing a picture: "Illustration showing the search box", "Collage on a black background showing …".
// Media that news prose rarely opens a sentence with (an illustration, a collage) start a
// caption wherever they open a paragraph, and the caption runs to the paragraph's end ("…
// blue sky. Conversation bubbles float over their head."). Images, photos and screenshots
// do open prose ("Screenshots of a deleted thread told the tale …"): "X of …" with those is
// a caption only when it is all of its paragraph.
const DRAWN = '(?:illustration|collage|rendering|animation)s?';
const SHOT = '(?:image|photo(?:graph)?|screenshot|graphic|gif|picture|diagram)s?';
// Up to two words before the medium ("A stylized illustration"), none a determiner or preposition ("The image of the firm" is prose).
const LEAD =
  '(?:an? )?(?:(?!(?:the|this|that|these|those|its|his|her|their|our|my|your|of|in|on|for|with|and|from|to|by|at)\\b)[\\p{L}-]+ ){0,2}';
const SHOWING = '\\b.{0,120}?\\b(?:showing|shows|depicting|depicts|featuring)\\b';
const CAPTION_LEAD = new RegExp(`^${LEAD}(?:${DRAWN}(?:${SHOWING}|\\b of\\b|\\b)|${SHOT}${SHOWING})`, 'iu');
const CAPTION_ALONE = new RegExp(`^${LEAD}${SHOT} of\\b`, 'iu');

/** Whether a sentence opening a paragraph starts a caption that runs to the paragraph's end. */
export const opensCaption = (sentence: string) =>
  CAPTION_LEAD.test(sentence.trim()) && words(sentence) <= 80 && !/[?]$/.test(sentence.trim());

// Where the feed cut the text: "[…]", "…", "Continue reading…", "Read more".
const MARK = /^(?:\[?\s*(?:\u2026|\.\.\.|&hellip;)\s*\]?|\p{Lu}\p{Ll}{0,3} \[\s*(?:\u2026|\.\.\.)\s*\])$/u;
const READ_ON =
  /^(?:continue reading|keep reading|read more|read the (?:full|rest|whole)|read on|click here to read|more\s*\u2192)\b/i;

/** The kind of boilerplate a whole sentence is, if it is one; `alone` when it is all of its paragraph. */
export function boilerplateKind(sentence: string, alone = true): BoilerplateKind | undefined {
  const s = sentence.trim();
  if (!s) return undefined;
  const n = words(s);
  if (MARK.test(s) || (READ_ON.test(s) && n <= 12) || POST_APPEARED.test(s)) return 'truncation';
  if (
    (SUBSCRIBE.test(s) && n <= 30) ||
    (LISTEN.test(s) && n <= 30) ||
    (ELSEWHERE.test(s) && n <= 30) ||
    (TAGLINE.test(s) && n <= 30) ||
    SELF.test(s) ||
    (WELCOME.test(s) && n <= 30) ||
    (BARE_WELCOME.test(s) && n <= 8) ||
    (HOST.test(s) && n <= 40) ||
    (SHOW.test(s) && n <= 30)
  )
    return 'newsletter';
  if (CREDIT_LABEL.test(s) && n <= 15) return 'credit';
  if (AGENCY.test(s) && n <= 12) return 'credit';
  if (alone && (opensCaption(s) || (CAPTION_ALONE.test(s) && n <= 80))) return 'credit';
  return undefined;
}

/** Credits set inside a sentence: "(Photo by Jane Doe/Getty Images)". */
export const INLINE_CREDIT =
  /\s*\((?:photo|image|illustration|video|graphic|photograph)s?(?: (?:by|credit|courtesy(?: of)?|via)|:)[^()]{1,160}\)/gi;

/** A truncation mark at the end of a text, with what precedes it on its line. */
export const TRAILING_MARK =
  /\s*(?:\[\s*(?:\u2026|\.\.\.)\s*\]|\u2026|\.\.\.|(?:continue reading|read more|keep reading)\W{0,3}(?:\u2026|\.\.\.)?)\s*$/i;
