import { extractClaims } from './claims.js';
import { extractEntities } from './entities.js';
import { keyphraseCandidates } from './keyphrase-candidates.js';
import { rankKeyphrases, rankNounPhrases } from './keyphrases.js';
import { classifyKind } from './kind.js';
import { analyzeText, truecaseTitle } from './nlp.js';
import { extractQuotes, quoteMarks } from './quotes.js';
import { scoreSentences, summarySentences } from './summary.js';
import { bodyStart } from './title.js';
import { assignTopics } from './topics.js';
import type { ArticleInput, Extraction } from './types.js';

/**
 * The local extractor: classical NLP, no model, no network. Deterministic: the same
 * article always gives the same extraction.
 */
export function extractLocal(a: ArticleInput): Extraction {
  const text = a.text ?? '';
  const titleSentences = a.title ? analyzeText(truecaseTitle(a.title, text)) : [];
  // A title repeated at the top of the text is the title's, not the article's first sentence.
  const body = analyzeText(text, a.title ? bodyStart(a.title, text) : 0);
  const scored = scoreSentences(body, titleSentences);
  const candidates = keyphraseCandidates(titleSentences, body);
  const keyphrases = rankKeyphrases(candidates, 20);
  const entities = extractEntities(a.title ?? '', text, body);
  const kind = classifyKind(a.title ?? '', text, a.url, a.sourceKind);
  // Summary, claims and quotes each add to what is shown before them.
  const summary = summarySentences(scored);
  const summarySpans = summary.map((s) => ({ start: s.sentence.start, end: s.sentence.end }));
  const shown = summary.map((s) => ({ text: s.sentence.text, start: s.sentence.start, end: s.sentence.end }));
  // In an opinion piece or an interview the author's words are the quotes, chosen before the claims.
  const authorSpeaks = !!a.author?.trim() && (kind === 'op-ed' || kind === 'interview');
  let claims: Extraction['claims'] = [];
  if (!authorSpeaks) claims = extractClaims(scored, 5, { shown, speech: quoteMarks(text) });
  const quotes = extractQuotes(text, scored, entities, { kind, author: a.author ?? undefined, shown: [...shown, ...claims] });
  if (authorSpeaks) claims = extractClaims(scored, 5, { shown: [...shown, ...quotes], speech: quoteMarks(text) });
  return {
    summary: summary.map((s) => s.sentence.text).join(' '),
    summarySpans,
    keyphrases: keyphrases.map((k) => k.text),
    topics: assignTopics(a.title ?? '', text, rankNounPhrases(candidates, 8)),
    claims,
    quotes,
    entities: entities.map(({ name, type }) => ({ name, type })),
    kind,
  };
}
