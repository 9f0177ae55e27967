import { cleanArticle, type CleanArticle } from '../ingest/boilerplate/article.js';
import { edgeKeys, sentenceKey, sentenceSpans } from '../ingest/boilerplate/sentences.js';
import type { Article } from '../store/articles.js';
import { countSentences, forgetSingleSentences, repeatedSentences } from '../store/boilerplate.js';
import type { Db } from '../store/db.js';

/**
 * Boilerplate learned per source from the store: every new item counts its first and last
 * sentences for its source as it is stored (fetch), and when an article is cleaned (before
 * extraction) its sentences are looked up by key. A sentence in three items of one source,
 * under three titles, is the outlet's. Both sides cost a bounded number of index reads and
 * writes per article, however many articles the store holds.
 */
export const REPEAT_ITEMS = 3;
/** How many sentences of one article are looked up (a long page's middle holds no outlet habit the patterns miss). */
const LOOKUP_SENTENCES = 400;
/** Sentences seen once are kept for the last this many articles stored, then forgotten (checked every PRUNE_EVERY). */
const SINGLE_WINDOW = 200_000;
const PRUNE_EVERY = 1000;

/** Counts a new item's edge sentences for its source. */
export async function learnItem(db: Db, a: { id: number; sourceId: string; title: string; text: string }): Promise<void> {
  await countSentences(db, a.sourceId, edgeKeys(a.text), sentenceKey(a.title), a.id);
  if (a.id % PRUNE_EVERY === 0 && a.id > SINGLE_WINDOW) await forgetSingleSentences(db, a.id - SINGLE_WINDOW);
}

/** The article with the boilerplate its source is known for, and boilerplate by kind, taken out. */
export async function cleanStoredArticle(db: Db, a: Pick<Article, 'sourceId' | 'title' | 'text' | 'html' | 'wordCount'>): Promise<CleanArticle> {
  const keysOf = (t: string) => sentenceSpans(t).slice(0, LOOKUP_SENTENCES).map((s) => sentenceKey(t.slice(s.start, s.end)));
  const keys = [...new Set([...keysOf(a.title), ...keysOf(a.text)].filter(Boolean))];
  const repeated = await repeatedSentences(db, a.sourceId, keys, REPEAT_ITEMS);
  return cleanArticle(a, (k) => repeated.has(k));
}
