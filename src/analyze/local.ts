import { extractClaims } from './claims.js';
import { extractEntities } from './entities.js';
import { keyphraseCandidates } from './keyphrase-candidates.js';
import { rankKeyphrases, rankNounPhrases } from './keyphrases.js';
import { classifyKind } from './kind.js';
import { analyzeBounded, boundText } from './bound-text.js';
import { truecaseTitle } from './nlp.js';
import { extractQuotes, quoteMarks } from './quotes.js';
import { scoreSentences, summarySentences } from './summary.js';
import { bodyStart } from './title.js';
import { assignTopics } from './topics.js';
import type { ArticleInput } from './types.js';
import type { Extraction } from '../extraction-schema.js';

/** A title is a line: beyond this it is not a title, and only its head is read. */
const MAX_TITLE_CHARS = 1000;

/**
 * The local extractor: classical NLP, no model, no network. Deterministic: the same
 * article always gives the same extraction.
 */
export function extractLocal(a: ArticleInput): Extraction {
  const raw = a.text ?? '';
  const title = boundText((a.title ?? '').slice(0, MAX_TITLE_CHARS));
  // Bounded first (bound-text.ts): the text read is the article's, offset for offset, with
  // pathological runs blanked, so its cost follows its length. A title repeated at the top of
  // the text is the title's, not the article's first sentence.
  const { text, sentences: body } = analyzeBounded(raw, title ? bodyStart(title, raw) : 0);
  const titleSentences = title ? analyzeBounded(truecaseTitle(title, text)).sentences : [];
  const scored = scoreSentences(body, titleSentences);
  const candidates = keyphraseCandidates(titleSentences, body);
  const keyphrases = rankKeyphrases(candidates, 20);
  const entities = extractEntities(title, text, body);
  const kind = classifyKind(title, text, a.url, a.sourceKind);
  // Summary, claims and quotes each add to what is shown before them.
  const summary = summarySentences(scored);
  const summarySpans = summary.map((s) => ({ start: s.sentence.start, end: s.sentence.end }));
  const shown = summary.map((s) => ({ text: s.sentence.text, start: s.sentence.start, end: s.sentence.end }));
  // In an opinion piece or an interview the author's words are the quotes, chosen before the claims.
  const authorSpeaks = !!a.author?.trim() && (kind === 'op-ed' || kind === 'interview');
  let claims: Extraction['claims'] = [];
  if (!authorSpeaks) claims = extractClaims(scored, 5, { shown, speech: quoteMarks(text) });
  // A quote is verbatim: one that crosses a blanked run is not the article's words.
  const quotes = extractQuotes(text, scored, entities, {
    kind,
    author: a.author ?? undefined,
    shown: [...shown, ...claims],
  }).filter((q) => raw.slice(q.start, q.end) === q.text);
  if (authorSpeaks) claims = extractClaims(scored, 5, { shown: [...shown, ...quotes], speech: quoteMarks(text) });
  return {
    summary: summary.map((s) => s.sentence.text).join(' '),
    summarySpans,
    keyphrases: keyphrases.map((k) => k.text),
    topics: assignTopics(
      title,
      text,
      rankNounPhrases(candidates, 8),
      5,
      entities.map((e) => e.name),
    ),
    claims,
    quotes,
    entities: entities.map(({ name, type }) => ({ name, type })),
    kind,
  };
}
