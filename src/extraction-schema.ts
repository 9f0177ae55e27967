import { z } from 'zod';

/**
 * What an extraction is, in one neutral place: the extractors (analyze/) give it, the store
 * keeps it (store/extractions.ts) and the web shows it, so none of them imports another for it.
 */

/** The kinds of writing an article can be (analyze/kind.ts tells them apart). */
export const KINDS = [
  'news',
  'announcement',
  'op-ed',
  'analysis',
  'research',
  'interview',
  'podcast',
  'other',
] as const;
export type Kind = (typeof KINDS)[number];

/**
 * What extraction gives for one article, whichever extractor ran. The LLM's answer is
 * validated against the same shape (see llm/), so the rest of the system sees one type.
 */
export const EntitySchema = z.object({
  name: z.string().min(1).max(200),
  type: z.enum(['organization', 'person', 'product', 'law', 'place']),
});

export const QuoteSchema = z.object({
  text: z.string().min(1),
  speaker: z.string().min(1).max(200).optional(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
});

export const ClaimSchema = z.object({
  text: z.string().min(1),
  start: z.number().int().nonnegative().optional(),
  end: z.number().int().nonnegative().optional(),
});

/** Where a piece of the article's own text stands in it: text.slice(start, end). */
export const SpanSchema = z.object({
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
});

export const ExtractionSchema = z.object({
  summary: z.string(),
  /** The summary's sentences in the text, when the summary is the article's own words (the local extractor's; a model writes its own). */
  summarySpans: z.array(SpanSchema).optional(),
  keyphrases: z.array(z.string()),
  topics: z.array(z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)),
  claims: z.array(ClaimSchema),
  quotes: z.array(QuoteSchema),
  entities: z.array(EntitySchema),
  kind: z.enum(KINDS),
});

export type Extraction = z.infer<typeof ExtractionSchema>;
