import { GAZETTEER, type EntityType } from './gazetteer.js';
import type { Sentence, Token } from './nlp.js';

/**
 * Entities: every gazetteer name or alias found in the text (whole words, case kept for
 * short acronyms), then runs of proper nouns the tagger found that the gazetteer does not
 * know, typed by cues: "Inc"/"Labs"/"Agency" → organisation, "Act"/"Bill" → law, a
 * first name or a speech verb next to it → person, digits or a version → product. A name
 * the cues cannot type counts only when it recurs. Ranked by mentions, title first.
 */
export interface Entity {
  name: string;
  type: EntityType;
  mentions: number;
}

interface Matcher {
  re: RegExp;
  /** The alias's first word, lower-cased: the regex only runs on texts that contain it. */
  first: string;
  name: string;
  type: EntityType;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const MATCHERS: Matcher[] = GAZETTEER.flatMap((e) =>
  [e.name, ...(e.aliases ?? [])].map((alias) => ({
    // Short all-caps aliases (US, EU, UN) match case-sensitively; the rest ignore case.
    first:
      alias
        .toLowerCase()
        .split(/[^\p{L}\p{N}]+/u)
        .find(Boolean) ?? '',
    re: new RegExp(
      `(?<![\\p{L}\\p{N}-])${escape(alias)}(?![\\p{L}\\p{N}]|-\\p{L})`,
      alias.length <= 4 || /^[A-Z0-9.]+$/.test(alias) ? 'gu' : 'giu',
    ),
    name: e.name,
    type: e.type,
  })),
).sort((a, b) => b.re.source.length - a.re.source.length);

/** Words around an organisation's name that make it a past employer ("DeepMind alumni", "former OpenAI researchers"). */
const FORMER_AFTER = /^\s*(alumni|alumnus|alumna|alums?|veterans?|ex-employees|expats)\b/i;
const FORMER_BEFORE = /\bformer\s+$/i;

const GAZETTEER_NAMES: readonly string[] = GAZETTEER.flatMap((e) =>
  [e.name, ...(e.aliases ?? [])].map((a) => a.toLowerCase()),
);

// The long patterns are String.raw pieces joined into one RegExp, to keep lines short.
const ORG_WORDS =
  String.raw`Inc|Corp|Corporation|Ltd|LLC|Labs?|Lab|AI|Institute|University|College|Agency|Commission|` +
  String.raw`Ministry|Department|Authority|Council|Foundation|Association|Group|Bank|Fund|Capital|Ventures|` +
  String.raw`Partners|Technologies|Systems|Research|Office|Parliament|Court|Board`;
const LAW_WORDS = 'Act|Bill|Directive|Regulation|Order|Treaty|Law|Rule|Framework|Code';
const ORG_CUE = new RegExp(String.raw`\b(${ORG_WORDS})$`);
const LAW_CUE = new RegExp(String.raw`\b(${LAW_WORDS})$`);
const PERSON_BEFORE = new RegExp(
  String.raw`\b(Mr|Mrs|Ms|Dr|Prof|Professor|Senator|Sen|Rep|President|CEO|chief executive|founder|` +
    String.raw`co-founder|minister|Minister|Commissioner|researcher|analyst|said|says|` +
    String.raw`according to)\.?\s*,?\s*$`,
);
const PERSON_TITLE = /\b(Mr|Mrs|Ms|Dr|Prof|Professor|Senator|Sen|Rep|President|Commissioner)\.?\s*$/;
const PERSON_AFTER = /^\s*,?\s*(said|says|told|added|wrote|argued|explained|who|,\s*(the|a|an)\s+\w+)/;
const FIRST_NAMES = new Set(
  (
    'aaron adam adrian ahmed aisha alan alex alexander alice amanda amy andrew angela anna anne ' +
    'anthony arthur ben benjamin beth brian carlos carol caroline catherine charles charlotte ' +
    'chris christian christina christopher claire daniel david deborah dennis diana donald dylan ' +
    'ed edward elena elizabeth emily emma eric erik eva fatima fei frank gary george grace greg ' +
    'gregory hannah harry helen henry ian isabel jack jacob james jan jane jason jean jeff ' +
    'jennifer jessica jim joan joe john jonathan jose joseph josh joshua julia julie karen kate ' +
    'katherine kevin kim laura lauren lee lina linda lisa lucy luis maria mark martin mary matt ' +
    'matthew max michael michelle mike mohammed nancy natalie nathan nicholas nick noah olivia ' +
    'omar oliver patrick paul peter philip priya rachel raj ravi rebecca richard robert ryan sam ' +
    'samuel sandra sara sarah scott sean simon sophie stephen steve steven susan thomas tim ' +
    'timothy tom victoria william wei yann yoshua zoe'
  ).split(' '),
);

function typeOfRun(name: string, before: string, after: string): EntityType | undefined {
  if (LAW_CUE.test(name)) return 'law';
  if (ORG_CUE.test(name)) return 'organization';
  if (/\d/.test(name) && /\p{L}/u.test(name)) return 'product';
  const first = name.split(/\s+/)[0]!.toLowerCase();
  if (name.includes(' ') && FIRST_NAMES.has(first)) return 'person';
  // Companies "say" things too: a speech verb marks a person only for a full name.
  if (PERSON_TITLE.test(before)) return name.split(/\s+/).length <= 3 ? 'person' : undefined;
  if (name.includes(' ') && (PERSON_BEFORE.test(before) || PERSON_AFTER.test(after)))
    return name.split(/\s+/).length <= 3 ? 'person' : undefined;
  return undefined;
}

const RUN_POS = new Set(['PROPN']);
/** Words that open a run without being part of the name: sentence openers, dates, titles before a name, "I'm". */
const SKIP_RUN = new RegExp(
  String.raw`^(The|A|An|This|That|In|On|At|For|But|And|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|` +
    String.raw`Sunday|January|February|March|April|May|June|July|August|September|October|November|December|` +
    String.raw`CEO|CTO|Today|Read|More|Share|We|I(?:['’](?:m|ve|ll|d))?)$`,
);

/**
 * Runs that are not names whatever the cues say: a cue word standing alone ("Labs" of "AI
 * Labs", "Capital" of "Capital One", "Department" of "US Department of …" is a piece of a
 * longer name), "AI" alone, the plural of an acronym ("LLMs", "CIOs": a common noun), a
 * period or market ("Q2", "H1", "FY2025", "B2B"), a nationality used as an adjective, a bill
 * without its number ("Senate Bill" of "Senate Bill 243").
 */
const NOT_A_NAME = new RegExp(
  String.raw`^(?:${ORG_WORDS}|Technology|State|Studio|${LAW_WORDS}|` +
    String.raw`\p{Lu}{2,}s|Q[1-4]|H[12]|FY ?\d{2,4}|B2[BC]|(?:Senate|House|Assembly) Bill|` +
    String.raw`American|British|Chinese|European|French|German|Indian|Japanese|Korean|Russian|Israeli|Canadian|` +
    String.raw`Australian|Taiwanese|Italian|Spanish)$`,
  'u',
);

/** Words of five or more capitals each, two or more of them: a slogan shouted ("LIVE5TREAM THURSDAY"), not a name ("NVIDIA DGX"). */
const SHOUTED = /^[\p{Lu}\p{N}]{5,}(?:\s+[\p{Lu}\p{N}]{5,})+$/u;

/** An acronym the tagger reads as a noun that opens a name ("AI Mode", "US Senate"), not a job title. */
const ACRONYM_BEFORE_NAME = /^(?!C[EFOT]O$)\p{Lu}{2,3}$/u;
/** The words a name goes on after with "of" ("Department of Commerce", "University of Toronto"). */
const OF_AFTER =
  /^(Department|Ministry|University|Institute|Bank|Office|Board|Council|Commission|Agency|Secretary|Court|School)$/;

/** The runs of capitalised proper nouns in these sentences, and the words the text also writes in lower case. */
function properRuns(sentences: Sentence[]): { runs: { tokens: Token[]; sentence: Sentence }[]; lower: Set<string> } {
  const runs: { tokens: Token[]; sentence: Sentence }[] = [];
  const lower = new Set(sentences.flatMap((s) => s.tokens.filter((t) => /^\p{Ll}/u.test(t.text)).map((t) => t.norm)));
  for (const s of sentences) {
    let run: Token[] = [];
    const flush = () => {
      while (run.length && SKIP_RUN.test(run[0]!.text)) run.shift();
      // A capitalised word that only opens a sentence ("Open models are...") is not a name.
      if (run.length === 1 && run[0] === s.tokens[0] && lower.has(run[0]!.norm)) run = [];
      if (run.length && run.length <= 5) runs.push({ tokens: run, sentence: s });
      run = [];
    };
    const named = (t: Token | undefined) => t !== undefined && RUN_POS.has(t.pos) && /^[\p{Lu}\p{N}]/u.test(t.text);
    for (const [i, t] of s.tokens.entries()) {
      const next = s.tokens[i + 1];
      const last = run[run.length - 1];
      if (named(t)) run.push(t);
      else if (run.length && (t.text === '-' || t.text === '.') && t.start === last!.end) continue;
      // The tagger splits names it reads as common words: "AI Mode", "US Department of Commerce", "Capital One".
      else if (!run.length && ACRONYM_BEFORE_NAME.test(t.text) && named(next)) run.push(t);
      else if (last && t.text === 'of' && OF_AFTER.test(last.text) && named(next)) run.push(t);
      else if (last && t.pos === 'NUM' && /^\p{Lu}\p{Ll}+$/u.test(t.text)) run.push(t);
      else flush();
    }
    flush();
  }
  return { runs, lower };
}

export function extractEntities(title: string, text: string, sentences: Sentence[], limit = 25): Entity[] {
  const found = new Map<string, Entity & { inTitle: boolean }>();
  const add = (name: string, type: EntityType, n: number, inTitle: boolean) => {
    const key = name.toLowerCase();
    const e = found.get(key);
    if (e) {
      e.mentions += n;
      e.inTitle ||= inTitle;
    } else found.set(key, { name, type, mentions: n, inTitle });
  };
  // Gazetteer: longest aliases first, blanking what they matched so "Google DeepMind" is not also "Google".
  for (const [src, inTitle] of [
    [title, true],
    [text, false],
  ] as const) {
    let rest = src;
    const present = new Set(src.toLowerCase().split(/[^\p{L}\p{N}]+/u));
    for (const m of MATCHERS) {
      if (!present.has(m.first)) continue;
      let n = 0;
      rest = rest.replace(m.re, (x: string, at: number) => {
        // "DeepMind alumni", "former OpenAI staff": where people once worked, not who is involved.
        if (
          !FORMER_AFTER.test(rest.slice(at + x.length, at + x.length + 24)) &&
          !FORMER_BEFORE.test(rest.slice(Math.max(0, at - 10), at))
        )
          n++;
        return ' '.repeat(x.length);
      });
      if (n) add(m.name, m.type, n, inTitle);
    }
  }
  const known = new Set([...found.keys(), ...GAZETTEER_NAMES]);
  const guessed = new Map<string, { name: string; type?: EntityType; count: number }>();
  const { runs, lower } = properRuns(sentences);
  for (const { tokens, sentence } of runs) {
    const name = text.slice(tokens[0]!.start, tokens[tokens.length - 1]!.end).replace(/\s+/g, ' ');
    if (name.length < 2 || known.has(name.toLowerCase()) || NOT_A_NAME.test(name) || SHOUTED.test(name)) continue;
    // One capitalised word the text also writes in lower case ("Search", "Studio") is a common word.
    if (tokens.length === 1 && lower.has(tokens[0]!.norm)) continue;
    if ([...found.keys()].some((k) => k.includes(name.toLowerCase()) || name.toLowerCase().includes(k))) continue;
    const before = text.slice(Math.max(sentence.start, tokens[0]!.start - 40), tokens[0]!.start);
    const after = text.slice(
      tokens[tokens.length - 1]!.end,
      Math.min(sentence.end, tokens[tokens.length - 1]!.end + 40),
    );
    const g = guessed.get(name.toLowerCase()) ?? { name, count: 0 };
    g.count += 1;
    g.type ??= typeOfRun(name, before, after);
    guessed.set(name.toLowerCase(), g);
  }
  // A surname alone ("Lambert") after the full name ("Nathan Lambert") is the same person.
  for (const [key, g] of guessed) {
    const full = [...guessed.values()].find((o) => o !== g && o.type === 'person' && o.name.endsWith(` ${g.name}`));
    if (full) {
      full.count += g.count;
      guessed.delete(key);
    }
  }
  for (const g of guessed.values()) {
    if (g.type) add(g.name, g.type, g.count, title.includes(g.name));
    else if (g.count >= 2) add(g.name, 'organization', g.count, title.includes(g.name));
  }
  return [...found.values()]
    .sort((a, b) => Number(b.inTitle) - Number(a.inTitle) || b.mentions - a.mentions || a.name.localeCompare(b.name))
    .slice(0, limit)
    .map(({ name, type, mentions }) => ({ name, type, mentions }));
}
