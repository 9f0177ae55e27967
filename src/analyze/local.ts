import { extractClaims } from './claims.js';
import { extractEntities } from './entities.js';
import { extractKeyphrases } from './keyphrases.js';
import { classifyKind } from './kind.js';
import { analyzeText, truecaseTitle } from './nlp.js';
import { extractQuotes } from './quotes.js';
import { scoreSentences, summarize } from './summary.js';
import { assignTopics } from './topics.js';
import type { ArticleInput, Extraction } from './types.js';

/**
 * The local extractor: classical NLP, no model, no network. Deterministic: the same
 * article always gives the same extraction.
 */
export function extractLocal(a: ArticleInput): Extraction {
  const text = a.text ?? '';
  const titleSentences = a.title ? analyzeText(truecaseTitle(a.title, text)) : [];
  const body = analyzeText(text);
  const scored = scoreSentences(body, titleSentences);
  const keyphrases = extractKeyphrases(titleSentences, body, 20);
  const entities = extractEntities(a.title ?? '', text, body);
  return {
    summary: summarize(body, titleSentences, undefined, scored),
    keyphrases: keyphrases.map((k) => k.text),
    topics: assignTopics(a.title ?? '', text, keyphrases),
    claims: extractClaims(scored),
    quotes: extractQuotes(text, scored, entities),
    entities: entities.map(({ name, type }) => ({ name, type })),
    kind: classifyKind(a.title ?? '', text, a.url, a.sourceKind),
  };
}
