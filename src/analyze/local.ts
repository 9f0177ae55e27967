import { extractClaims } from './claims.js';
import { extractEntities } from './entities.js';
import { keyphraseCandidates } from './keyphrase-candidates.js';
import { rankKeyphrases, rankNounPhrases } from './keyphrases.js';
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
  const candidates = keyphraseCandidates(titleSentences, body);
  const keyphrases = rankKeyphrases(candidates, 20);
  const entities = extractEntities(a.title ?? '', text, body);
  return {
    summary: summarize(body, titleSentences, undefined, scored),
    keyphrases: keyphrases.map((k) => k.text),
    topics: assignTopics(a.title ?? '', text, rankNounPhrases(candidates, 8)),
    claims: extractClaims(scored),
    quotes: extractQuotes(text, scored, entities),
    entities: entities.map(({ name, type }) => ({ name, type })),
    kind: classifyKind(a.title ?? '', text, a.url, a.sourceKind),
  };
}
