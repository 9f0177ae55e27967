import type { Keyphrase } from './keyphrases.js';
import { TAXONOMY } from './taxonomy.js';
import { normalizeWord, stem, words } from './text/terms.js';

/**
 * Topics: taxonomy aliases found in the article (stemmed phrase match; the title counts
 * triple), kept when they recur or sit in the title; then, for what the taxonomy does
 * not know, a new slug from a recurring multi-word noun phrase that names a subject (not a
 * name, not the field itself). Up to five, strongest first.
 */
interface Compiled {
  slug: string;
  alias: string[];
}

/** Every word stemmed, function words kept, so an alias like "release the model" keeps its shape. */
const stemAll = (text: string): string[] => words(text).map((w) => stem(normalizeWord(w)));

/**
 * Each topic's aliases as stems, each stemmed form once: "robot" and "robotics" (or "agent" and
 * "agentic") stem alike, and counted twice one passing "like a robot" met the bar of two mentions.
 */
const COMPILED: Compiled[] = TAXONOMY.flatMap((d) =>
  [...new Set(d.aliases.map((a) => stemAll(a).join(' ')))].map((k) => ({ slug: d.slug, alias: k ? k.split(' ') : [] })),
).filter((c) => c.alias.length > 0);

/** A model family named with its version ("Gemini 3", "GPT-5.5", "Claude Opus 4.8"): a model, where the family's name alone may be an app. */
const MODEL_VERSION =
  /\b(?:GPT|Gemini|Claude(?: (?:Opus|Sonnet|Haiku|Fable|Mythos))?|Llama|Grok|Gemma|Qwen|DeepSeek[- ]?[VR]?|Mistral)[- ]?\d/gi;
const modelVersions = (text: string) => text.match(MODEL_VERSION)?.length ?? 0;

/**
 * Money raised ("raises $14.5M", "lands €30M", "raised a $13M seed", "Series G"): a funding round, where
 * "raised" alone is as often "raised concerns" (so the taxonomy does not list it).
 */
const RAISES = String.raw`\b(?:rais(?:es|ed|ing|e)|lands|landed|secures|secured|closes|closed|nabs|bags)\s+`;
const SUM = String.raw`(?:(?:a|an|another|a new|over|more than|nearly|about)\s+)?(?:[$€£]\s?\d|\d[\d.,]*\s?(?:million|billion)\b)`;
const FUNDING_AMOUNT = new RegExp(String.raw`${RAISES}${SUM}|\bSeries [A-J]\b`, 'g');
const fundingAmounts = (text: string) => text.match(FUNDING_AMOUNT)?.length ?? 0;

/** Each taxonomy topic's stemmed aliases, by slug. */
const ALIASES = new Map<string, string[][]>();
for (const c of COMPILED) (ALIASES.get(c.slug) ?? ALIASES.set(c.slug, []).get(c.slug)!).push(c.alias);

/** Where each term occurs: an alias is only tried where its first word is. */
function positions(hay: string[]): Map<string, number[]> {
  const m = new Map<string, number[]>();
  hay.forEach((t, i) => {
    const list = m.get(t);
    if (list) list.push(i);
    else m.set(t, [i]);
  });
  return m;
}

function countPhrase(hay: string[], needle: string[], index = positions(hay)): number {
  let n = 0;
  outer: for (const i of index.get(needle[0]!) ?? []) {
    if (i + needle.length > hay.length) continue;
    for (let j = 1; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
    n++;
  }
  return n;
}

/**
 * Which of `slugs` the text names: a taxonomy topic by any of its aliases, a learned one
 * ("security-teams") by its own words in a row. One mention is enough: this asks where a topic
 * is named (a title, a summary), not whether an article is about it.
 */
export function topicsNamedIn(text: string, slugs: readonly string[]): Set<string> {
  const terms = stemAll(text);
  const index = positions(terms);
  const out = new Set<string>();
  for (const slug of slugs) {
    const aliases = ALIASES.get(slug) ?? [stemAll(slug.replace(/-/g, ' '))];
    if (aliases.some((a) => a.length > 0 && countPhrase(terms, a, index) > 0)) out.add(slug);
  }
  return out;
}

export function slugify(text: string): string {
  return words(text)
    .map((w) => w.toLowerCase())
    .join('-')
    .replace(/[^a-z0-9-]+/g, '')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);
}

/** Words that say only "AI" in an almanac of AI: "AI models", "generative AI" name no subject. */
const FIELD_WORDS = new Set(
  [
    'ai artificial intelligence generative model models llm llms system systems tool tools technology tech',
    'industry platform platforms app apps company companies startup startups user users product products feature features',
  ]
    .join(' ')
    .split(' '),
);

/** Its words as a regular expression, each as written in lower case (plural or not): a common noun's phrase. */
const inLowerCase = (phrase: string, text: string): boolean => {
  const parts = phrase.split(/\s+/).map((w) => (/^\p{Lu}+$/u.test(w) ? w : w.toLowerCase()));
  const escaped = parts.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`(?<![\\p{L}])${escaped.join('[\\s-]+')}(?:s|es)?(?![\\p{L}])`, 'u').test(text);
};

/**
 * A noun phrase that can name a new topic: a subject written in lower case in the text (a name,
 * "Red Hat", "Super Bowl", "Claude Fable", is an entity), of more than the field's own words, and
 * holding no taxonomy alias ("humanoid robot" is robotics).
 */
function namesNewSubject(phrase: string, text: string, terms: string[]): boolean {
  if (phrase.split(/\s+/).every((w) => FIELD_WORDS.has(w.toLowerCase()))) return false;
  if (!inLowerCase(phrase, text)) return false;
  const index = positions(terms);
  return !COMPILED.some((c) => countPhrase(terms, c.alias, index) > 0);
}

/**
 * Topics of an article: taxonomy slugs its title and text name often enough, then, when
 * there is room, new slugs from its leading noun phrases (ranked by rankNounPhrases) that are
 * not among the article's entity `names`.
 */
export function assignTopics(
  title: string,
  text: string,
  phrases: Keyphrase[],
  limit = 5,
  names: readonly string[] = [],
): string[] {
  // A name the article mentions ("Sam Altman", "AI Mode") has its own entity guide: it is no new topic.
  const named = new Set(names.map(slugify));
  const titleTerms = stemAll(title);
  const bodyTerms = stemAll(text);
  const titleIndex = positions(titleTerms);
  const bodyIndex = positions(bodyTerms);
  const score = new Map<string, number>();
  for (const c of COMPILED) {
    const n = 3 * countPhrase(titleTerms, c.alias, titleIndex) + countPhrase(bodyTerms, c.alias, bodyIndex);
    if (n) score.set(c.slug, (score.get(c.slug) ?? 0) + n);
  }
  const versions = 3 * modelVersions(title) + modelVersions(text);
  if (versions) score.set('frontier-models', (score.get('frontier-models') ?? 0) + versions);
  const funding = 3 * fundingAmounts(title) + fundingAmounts(text);
  if (funding) score.set('ai-funding', (score.get('ai-funding') ?? 0) + funding);
  const words = Math.max(1, bodyTerms.length);
  // Longer articles mention more in passing: the bar rises slowly with length.
  const bar = 2 + Math.floor(Math.log2(1 + words / 200));
  const chosen = [...score.entries()]
    .filter(([, s]) => s >= bar)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const out = chosen.map(([s]) => s).slice(0, limit);
  if (out.length < limit) {
    for (const k of phrases.slice(0, 8)) {
      if (!k.text.includes(' ')) continue;
      const terms = stemAll(k.text);
      if (terms.length < 2 || countPhrase(bodyTerms, terms, bodyIndex) + countPhrase(titleTerms, terms, titleIndex) < 3)
        continue;
      const slug = slugify(k.text);
      if (named.has(slug)) continue;
      // A phrase the taxonomy already names ("open models") is that topic, not a new one.
      if (!namesNewSubject(k.text, text, terms)) continue;
      if (slug && !out.includes(slug)) out.push(slug);
      if (out.length >= limit) break;
    }
  }
  return out;
}
