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
export async function learnItem(
  db: Db,
  a: { id: number; sourceId: string; title: string; text: string },
): Promise<void> {
  await countSentences(db, a.sourceId, edgeKeys(a.text), sentenceKey(a.title), a.id);
  if (a.id % PRUNE_EVERY === 0 && a.id > SINGLE_WINDOW) await forgetSingleSentences(db, a.id - SINGLE_WINDOW);
}

type Cleanable = Pick<Article, 'sourceId' | 'title' | 'text' | 'html' | 'wordCount'>;

/** Articles with the boilerplate their sources are known for, and boilerplate by kind, taken out: one read for them all. */
export async function cleanStoredArticles<T extends Cleanable>(
  db: Db,
  articles: readonly T[],
): Promise<CleanArticle[]> {
  const keysOf = (t: string) =>
    sentenceSpans(t)
      .slice(0, LOOKUP_SENTENCES)
      .map((s) => sentenceKey(t.slice(s.start, s.end)))
      .filter(Boolean);
  const pairs = new Map<string, { source: string; key: string }>();
  for (const a of articles)
    for (const key of [...keysOf(a.title), ...keysOf(a.text)])
      pairs.set(`${a.sourceId}\u0000${key}`, { source: a.sourceId, key });
  const repeated = await repeatedSentences(db, [...pairs.values()], REPEAT_ITEMS);
  return articles.map((a) => cleanArticle(a, (k) => repeated.has(`${a.sourceId}\u0000${k}`)));
}

/** One article, cleaned as cleanStoredArticles does. */
export async function cleanStoredArticle(db: Db, a: Cleanable): Promise<CleanArticle> {
  return (await cleanStoredArticles(db, [a]))[0]!;
}
