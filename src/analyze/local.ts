import { extractClaims } from './claims.js';
import { extractEntities } from './entities.js';
import { keyphraseCandidates } from './keyphrase-candidates.js';
import { rankKeyphrases, rankNounPhrases } from './keyphrases.js';
import { classifyKind } from './kind.js';
import { analyzeBounded, boundText } from './bound-text.js';
import { truecaseTitle } from './nlp.js';
import { extractQuotes } from './quotes.js';
import { scoreSentences, summarize } from './summary.js';
import { assignTopics } from './topics.js';
import type { ArticleInput, Extraction } from './types.js';

/** A title is a line: beyond this it is not a title, and only its head is read. */
const MAX_TITLE_CHARS = 1000;

/**
 * The local extractor: classical NLP, no model, no network. Deterministic: the same
 * article always gives the same extraction.
 */
export function extractLocal(a: ArticleInput): Extraction {
  // Bounded first (bound-text.ts): the text read is the article's, offset for offset, with
  // pathological runs blanked, so its cost follows its length.
  const { text, sentences: body } = analyzeBounded(a.text ?? '');
  const title = boundText((a.title ?? '').slice(0, MAX_TITLE_CHARS));
  const titleSentences = title ? analyzeBounded(truecaseTitle(title, text)).sentences : [];
  const scored = scoreSentences(body, titleSentences);
  const candidates = keyphraseCandidates(titleSentences, body);
  const keyphrases = rankKeyphrases(candidates, 20);
  const entities = extractEntities(title, text, body);
  return {
    summary: summarize(body, titleSentences, undefined, scored),
    keyphrases: keyphrases.map((k) => k.text),
    topics: assignTopics(title, text, rankNounPhrases(candidates, 8)),
    claims: extractClaims(scored),
    // A quote is verbatim: one that crosses a blanked run is not the article's words.
    quotes: extractQuotes(text, scored, entities).filter((q) => a.text!.slice(q.start, q.end) === q.text),
    entities: entities.map(({ name, type }) => ({ name, type })),
    kind: classifyKind(title, text, a.url, a.sourceKind),
  };
}
