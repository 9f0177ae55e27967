import type { Keyphrase } from './keyphrases.js';
import { TAXONOMY } from './taxonomy.js';
import { normalizeWord, stem, words } from './text/terms.js';

/**
 * Topics: taxonomy aliases found in the article (stemmed phrase match; the title counts
 * triple), kept when they recur or sit in the title; then, for what the taxonomy does
 * not know, a new slug from a recurring multi-word keyphrase. Up to five, strongest first.
 */
interface Compiled {
  slug: string;
  alias: string[];
}

/** Every word stemmed, function words kept, so an alias like "release the model" keeps its shape. */
const stemAll = (text: string): string[] => words(text).map((w) => stem(normalizeWord(w)));

const COMPILED: Compiled[] = TAXONOMY.flatMap((d) => d.aliases.map((a) => ({ slug: d.slug, alias: stemAll(a) }))).filter((c) => c.alias.length > 0);


function countPhrase(hay: string[], needle: string[]): number {
  let n = 0;
  outer: for (let i = 0; i + needle.length <= hay.length; i++) {
    for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
    n++;
  }
  return n;
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

export function assignTopics(title: string, text: string, keyphrases: Keyphrase[], limit = 5): string[] {
  const titleTerms = stemAll(title);
  const bodyTerms = stemAll(text);
  const score = new Map<string, number>();
  for (const c of COMPILED) {
    const n = 3 * countPhrase(titleTerms, c.alias) + countPhrase(bodyTerms, c.alias);
    if (n) score.set(c.slug, (score.get(c.slug) ?? 0) + n);
  }
  const words = Math.max(1, bodyTerms.length);
  // Longer articles mention more in passing: the bar rises slowly with length.
  const bar = 2 + Math.floor(Math.log2(1 + words / 200));
  const chosen = [...score.entries()].filter(([, s]) => s >= bar).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const out = chosen.map(([s]) => s).slice(0, limit);
  if (out.length < limit) {
    for (const k of keyphrases.slice(0, 8)) {
      if (!k.text.includes(' ')) continue;
      const terms = stemAll(k.text);
      if (terms.length < 2 || countPhrase(bodyTerms, terms) + countPhrase(titleTerms, terms) < 3) continue;
      const slug = slugify(k.text);
      // A phrase the taxonomy already names ("open models") is that topic, not a new one.
      if (COMPILED.some((c) => c.alias.join(' ') === terms.join(' '))) continue;
      if (slug && !out.includes(slug)) out.push(slug);
      if (out.length >= limit) break;
    }
  }
  return out;
}
