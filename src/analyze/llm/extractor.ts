import { createHash } from 'node:crypto';
import type { Config } from '../../config.js';
import type { Db } from '../../store/db.js';
import { value } from '../../store/sql/query.js';
import type { ExtractionMeta } from '../../store/extractions.js';
import { extractLocal } from '../local.js';
import { plainSentences } from '../plain-sentences.js';
import { slugify } from '../topics.js';
import { LOCAL_EXTRACTOR_VERSION, type ArticleInput } from '../types.js';
import type { Extraction } from '../../extraction-schema.js';
import { anthropicClient } from './anthropic.js';
import { parseAnswer, type LlmAnswer } from './answer.js';
import { LlmError, type LlmClient } from './client.js';
import { openAiClient } from './openai.js';
import {
  EXTRACTION_SCHEMA,
  extractionSystemPrompt,
  extractionUserPrompt,
  PROMPT_VERSION,
  repairPrompt,
} from './prompts.js';
import { createTransport } from './transport.js';
import { locateVerbatim } from './verbatim.js';

/** The client the configuration asks for, or undefined when no LLM is configured. */
export function llmFromConfig(
  config: Config,
  opts: { backoffMs?: number; log?: (line: string) => void } = {},
): LlmClient | undefined {
  if (!config.llmUrl || !config.llmModel) return undefined;
  const post = createTransport({
    timeoutMs: config.llmTimeoutMs,
    maxRetries: config.llmMaxRetries,
    concurrency: config.llmConcurrency,
    backoffMs: opts.backoffMs,
    onDown: (why, forMs) =>
      opts.log?.(`llm: ${why}; extracting locally, the model is tried again in ${Math.round(forMs / 1000)} s`),
  });
  const provider = config.llmProvider ?? (/anthropic\.com/i.test(config.llmUrl) ? 'anthropic' : 'openai');
  const o = { baseUrl: config.llmUrl, model: config.llmModel, apiKey: config.llmApiKey, post };
  return provider === 'anthropic' ? anthropicClient(o) : openAiClient(o);
}

export interface LlmExtraction {
  extraction: Extraction;
  meta: ExtractionMeta;
}

/** Turn a validated answer into an extraction whose quotes are verbatim spans of the article. */
export function toExtraction(answer: LlmAnswer, text: string): { extraction: Extraction; quotesDropped: number } {
  let quotesDropped = 0;
  const quotes: Extraction['quotes'] = [];
  for (const q of answer.quotes) {
    const at = locateVerbatim(text, q.text);
    if (!at) {
      quotesDropped++;
      continue;
    }
    const speaker = q.speaker?.trim();
    quotes.push({ text: text.slice(at.start, at.end), ...(speaker ? { speaker } : {}), start: at.start, end: at.end });
  }
  // Found without the tagger: this runs on the main thread, over the whole (untrusted) text.
  let sentences: ReturnType<typeof plainSentences> | undefined;
  const claims: Extraction['claims'] = answer.claims.map((c) => {
    const at = c.evidence ? locateVerbatim(text, c.evidence) : undefined;
    if (at) return { text: c.text.trim(), start: at.start, end: at.end };
    // The evidence was not copied exactly: point at the sentence that shares the most words.
    sentences ??= plainSentences(text);
    const words = new Set((c.evidence || c.text).toLowerCase().match(/\w+/g) ?? []);
    let best: { start: number; end: number; overlap: number } | undefined;
    for (const s of sentences) {
      const sw = new Set(s.text.toLowerCase().match(/\w+/g) ?? []);
      const overlap = [...words].filter((w) => sw.has(w)).length / Math.max(1, words.size);
      if (!best || overlap > best.overlap) best = { start: s.start, end: s.end, overlap };
    }
    return best && best.overlap >= 0.4
      ? { text: c.text.trim(), start: best.start, end: best.end }
      : { text: c.text.trim() };
  });
  const seen = new Set<string>();
  const entities = answer.entities.filter((e) => {
    const k = e.name.toLowerCase();
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  const topics = [...new Set(answer.topics.map(slugify).filter(Boolean))].slice(0, 6);
  return {
    extraction: {
      summary: answer.summary.trim(),
      keyphrases: answer.keyphrases.slice(0, 20),
      topics,
      claims: claims.slice(0, 6),
      quotes,
      entities,
      kind: answer.kind,
    },
    quotesDropped,
  };
}

/**
 * The LLM extractor: cache by (content hash, prompt version, model); one call; one repair
 * attempt when the answer does not validate; the local extractor, with the reason
 * recorded, when the model fails or keeps answering badly.
 */
/** `local`: the local extractor as the fallback runs it (the pool's threads, where there are some, not the main thread). */
export function createLlmExtractor(
  client: LlmClient,
  db: Db,
  now: () => Date = () => new Date(),
  local: (a: ArticleInput) => Promise<Extraction> = async (a) => extractLocal(a),
) {
  const version = `${PROMPT_VERSION}`;
  return async (a: ArticleInput, contentHash: string): Promise<LlmExtraction> => {
    const key = createHash('sha256')
      .update(`${contentHash}|${PROMPT_VERSION}|${client.provider}:${client.model}`)
      .digest('hex');
    const base = { extractor: 'llm', version, model: client.model };
    const cached = await value<string>(db, 'SELECT response FROM llm_cache WHERE key = ?', [key]);
    if (cached) {
      const p = parseAnswer(cached);
      if (p.ok) {
        const { extraction, quotesDropped } = toExtraction(p.answer, a.text);
        return { extraction, meta: { ...base, note: 'from cache', quotesDropped } };
      }
    }
    const fallback = async (why: string, tokensIn = 0, tokensOut = 0): Promise<LlmExtraction> => ({
      extraction: await local(a),
      meta: {
        ...base,
        extractor: 'local',
        version: LOCAL_EXTRACTOR_VERSION,
        note: `fallback from ${client.model}: ${why}`.slice(0, 500),
        tokensIn,
        tokensOut,
      },
    });
    const system = extractionSystemPrompt();
    const user = extractionUserPrompt({ title: a.title, text: a.text, url: a.url });
    let tokensIn = 0;
    let tokensOut = 0;
    try {
      const first = await client.complete({
        system,
        user,
        schema: { name: 'extraction', schema: EXTRACTION_SCHEMA },
        maxTokens: 2000,
      });
      tokensIn += first.tokensIn;
      tokensOut += first.tokensOut;
      let parsed = parseAnswer(first.text);
      let text = first.text;
      let note: string | undefined;
      if (!parsed.ok) {
        const problem = parsed.problem;
        const second = await client.complete({
          system,
          user: `${user}\n\n${repairPrompt(first.text, problem)}`,
          schema: { name: 'extraction', schema: EXTRACTION_SCHEMA },
          maxTokens: 2000,
        });
        tokensIn += second.tokensIn;
        tokensOut += second.tokensOut;
        parsed = parseAnswer(second.text);
        text = second.text;
        if (!parsed.ok) return fallback(`answer invalid after one repair: ${parsed.problem}`, tokensIn, tokensOut);
        note = `repaired (${problem})`.slice(0, 300);
      }
      await db.run(
        'INSERT INTO llm_cache (key, response, tokens_in, tokens_out, created_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT(key) DO NOTHING',
        [key, text, tokensIn, tokensOut, now().toISOString()],
      );
      const { extraction, quotesDropped } = toExtraction(parsed.answer, a.text);
      return {
        extraction,
        meta: {
          ...base,
          note: note ?? (quotesDropped ? `${quotesDropped} quote(s) not in the article dropped` : null),
          tokensIn,
          tokensOut,
          quotesDropped,
        },
      };
    } catch (e) {
      if (e instanceof LlmError) return fallback(e.message, tokensIn, tokensOut);
      throw e;
    }
  };
}
