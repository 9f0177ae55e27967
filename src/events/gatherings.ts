/**
 * Gatherings named in a text: trade shows, developer conferences, forums, festivals. Where
 * things are shown and said, so that a gathering's roundups can be told from the announcements
 * made there (see roundup.ts).
 *
 * Two sources, both general: a short list of well-known gatherings (world knowledge, as a stop
 * word list is: their names are not words of any one story), each with its host when it has one
 * (Apple's keynote is WWDC itself); and the shape of a gathering's name, "<Name> Summit",
 * "<Name> Conference 2026", "at <Name> 2026", for the many others.
 */

export interface Gathering {
  /** One key per gathering, whatever name it went by ("World Economic Forum" and "Davos" are one). */
  key: string;
  /** Where its name starts and ends in the text. */
  start: number;
  end: number;
  /** Its host's name, lower-cased ("apple" for WWDC), when it has one. */
  host?: string;
}

/** Well-known gatherings: key, the names they go by (a regular expression, case as written), host. */
const KNOWN: readonly [string, string, string?][] = [
  ['ces', String.raw`CES|Consumer Electronics Show`],
  ['davos', String.raw`Davos|World Economic Forum|WEF`],
  ['wwdc', String.raw`(?:Apple['’]s |Apple )?WWDC`, 'apple'],
  ['google-io', String.raw`(?:Google['’]s |Google )?I/O`, 'google'],
  ['ms-build', String.raw`(?:Microsoft['’]s |Microsoft )Build|Build(?= 20\d\d)`, 'microsoft'],
  ['ms-ignite', String.raw`(?:Microsoft['’]s |Microsoft )?Ignite(?= 20\d\d)|Microsoft Ignite`, 'microsoft'],
  ['gtc', String.raw`(?:Nvidia['’]s |Nvidia )?GTC`, 'nvidia'],
  ['reinvent', String.raw`(?:AWS['’] |AWS )?re:Invent`, 'aws'],
  ['devday', String.raw`(?:OpenAI['’]s |OpenAI )?DevDay`, 'openai'],
  ['meta-connect', String.raw`Meta Connect`, 'meta'],
  ['cloud-next', String.raw`(?:Google )?Cloud Next`, 'google'],
  ['dreamforce', String.raw`Dreamforce`, 'salesforce'],
  ['unpacked', String.raw`(?:Samsung['’]s |Samsung )?(?:Galaxy )?Unpacked`, 'samsung'],
  ['disrupt', String.raw`(?:TechCrunch )?Disrupt(?= 20\d\d)|TechCrunch Disrupt`, 'techcrunch'],
  ['computex', String.raw`Computex`],
  ['mwc', String.raw`MWC|Mobile World Congress`],
  ['ifa', String.raw`IFA(?= 20\d\d| Berlin)`],
  ['sxsw', String.raw`SXSW|South by Southwest`],
  ['neurips', String.raw`NeurIPS`],
  ['icml', String.raw`ICML`],
  ['iclr', String.raw`ICLR`],
  ['cvpr', String.raw`CVPR`],
  ['siggraph', String.raw`SIGGRAPH`],
  ['gdc', String.raw`GDC|Game Developers Conference`],
  ['gamescom', String.raw`Gamescom`],
  ['black-hat', String.raw`Black Hat(?= USA| Europe| Asia| 20\d\d)`],
  ['def-con', String.raw`DEF CON|DefCon`],
  ['web-summit', String.raw`Web Summit`],
  ['vivatech', String.raw`VivaTech|Viva Technology`],
];

/** All the well-known names in one expression, a group per gathering: one scan of a text finds the first. */
const KNOWN_NAMES = new RegExp(String.raw`\b(?:${KNOWN.map(([, names]) => `(${names})`).join('|')})(?![\w/])`);

/**
 * A name of one to four capitalised words ("Red Hat", "Google Cloud Digital Sovereignty"), not a
 * title-cased headline's small words; not opening on a word many gatherings' names share
 * ("International Conference on …", "a top AI conference"), which would make one gathering of them all.
 */
const NAME_WORD = String.raw`(?!(?:And|At|The|Of|From|To|In|For|With|On|By|Its|Their|Our)\b)\p{Lu}[\p{L}\p{N}&@.'’-]*`;
const SHARED_FIRST = String.raw`(?!(?:International|Annual|Inaugural|Global|National|AI)\b)`;
const NAME = String.raw`${SHARED_FIRST}${NAME_WORD}(?:\s${NAME_WORD}){0,3}`;
/** Words that make a name a gathering's. */
const GATHERING_NOUN = String.raw`Summit|Conference|Expo|Forum|Festival|Congress|Convention|Connect|Symposium|Hackathon`;

/**
 * A gathering known by its name's shape: "<Name> Summit 2025", "the HumanX conference",
 * "at <Name> 2026" (a capitalised name with a year after "at" is a gathering, "at Google" is not).
 */
const SHAPED = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(${NAME}) (?:${GATHERING_NOUN}|${GATHERING_NOUN.toLowerCase()})(?: 20\d\d)?(?![\p{L}\p{N}])|` +
    String.raw`(?<=\b[Aa]t (?:the )?)(${NAME}) 20\d\d(?![\p{L}\p{N}])`,
  'gu',
);

/** What a gathering known by its name's shape needs in the text, tested first: most texts have neither. */
const SHAPED_HINT = new RegExp(String.raw`${GATHERING_NOUN}|\b20\d\d\b`, 'i');

/** The first gathering named in a text, or undefined. */
export function findGathering(text: string): Gathering | undefined {
  const known = KNOWN_NAMES.exec(text);
  if (known) {
    const at = known.findIndex((g, i) => i > 0 && g !== undefined) - 1;
    const [key, , host] = KNOWN[at]!;
    return { key, start: known.index, end: known.index + known[0].length, host };
  }
  if (!SHAPED_HINT.test(text)) return undefined;
  SHAPED.lastIndex = 0;
  const m = SHAPED.exec(text);
  if (!m) return undefined;
  const name = (m[1] ?? m[2])!;
  return { key: name.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-'), start: m.index, end: m.index + m[0].length };
}
