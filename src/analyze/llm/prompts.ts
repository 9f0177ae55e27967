import { KINDS } from '../../extraction-schema.js';
import { TAXONOMY } from '../taxonomy.js';

/**
 * The prompts, as pure functions. Changing any text here changes PROMPT_VERSION, which is
 * part of the cache key, so old answers are not reused for a new prompt.
 */
export const PROMPT_VERSION = 'extract-v1';

/** Articles longer than this are cut (at a paragraph) before they go to the model. */
export const MAX_ARTICLE_CHARS = 24_000;

export const EXTRACTION_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['summary', 'keyphrases', 'topics', 'claims', 'quotes', 'entities', 'kind'],
  properties: {
    summary: { type: 'string', description: '1-3 sentences: what happened or what is argued, by whom' },
    keyphrases: { type: 'array', items: { type: 'string' }, maxItems: 20 },
    topics: { type: 'array', items: { type: 'string', pattern: '^[a-z0-9]+(-[a-z0-9]+)*$' }, maxItems: 6 },
    claims: {
      type: 'array',
      maxItems: 6,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['text', 'evidence'],
        properties: {
          text: { type: 'string' },
          evidence: { type: 'string', description: 'the sentence of the article that supports it, copied exactly' },
        },
      },
    },
    quotes: {
      type: 'array',
      maxItems: 5,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['text'],
        properties: {
          text: { type: 'string', description: 'copied character for character from the article' },
          speaker: { type: 'string' },
        },
      },
    },
    entities: {
      type: 'array',
      maxItems: 25,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['name', 'type'],
        properties: { name: { type: 'string' }, type: { enum: ['organization', 'person', 'product', 'law', 'place'] } },
      },
    },
    kind: { enum: [...KINDS] },
  },
} as const;

export function extractionSystemPrompt(): string {
  return [
    'You extract structured facts from one article about AI for an almanac of events.',
    'Answer with one JSON object and nothing else, with these fields:',
    '- summary: 1 to 3 sentences saying what happened or what is argued, and by whom.',
    '- keyphrases: up to 20 short phrases from the article, most important first.',
    `- topics: up to 6 kebab-case slugs. Prefer these: ${TAXONOMY.map((t) => t.slug).join(', ')}. Coin a new slug only if none fits.`,
    "- claims: up to 6 of the article's main assertions, each a standalone sentence a reader " +
      'understands without the article, each with evidence: the article sentence that supports it, ' +
      'copied exactly.',
    '- quotes: up to 5 key quotes copied character for character from the article (direct speech ' +
      'with its speaker when there is one, else the most quotable sentences). Never paraphrase a quote.',
    '- entities: organizations, people, products or models, laws or policies, and places named in ' +
      'the article, with type organization | person | product | law | place.',
    `- kind: one of ${KINDS.join(', ')}.`,
  ].join('\n');
}

export function cutArticle(text: string): string {
  if (text.length <= MAX_ARTICLE_CHARS) return text;
  const cut = text.lastIndexOf('\n\n', MAX_ARTICLE_CHARS);
  return text.slice(0, cut > MAX_ARTICLE_CHARS / 2 ? cut : MAX_ARTICLE_CHARS);
}

export function extractionUserPrompt(a: { title: string; text: string; url?: string }): string {
  return `Title: ${a.title}\n${a.url ? `URL: ${a.url}\n` : ''}\nArticle:\n${cutArticle(a.text)}`;
}

export function repairPrompt(previous: string, problem: string): string {
  return (
    `Your previous answer could not be used: ${problem}\n\nPrevious answer:\n` +
    `${previous.slice(0, 6000)}\n\nAnswer again with only the corrected JSON object.`
  );
}

export const EVENT_PROMPT_VERSION = 'event-v2';

export const EVENT_REVIEW_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['summary', 'adjustment', 'reason'],
  properties: {
    summary: { type: 'string', description: '2-3 sentences synthesising what the sources report' },
    adjustment: { type: 'integer', minimum: -2, maximum: 2 },
    reason: { type: 'string', description: 'one sentence: why the score should move, or why it is right' },
  },
} as const;

export function eventReviewSystemPrompt(): string {
  return [
    'You review one event of an almanac of AI news: several articles that report the same happening.',
    'Answer with one JSON object and nothing else:',
    '- summary: 2 to 3 sentences that synthesise what the sources report (who did what, when, why ' +
      'it matters), in neutral third person: never "I", "we" or "our"; name who says what. ' +
      'Use only what the articles say.',
    '- adjustment: an integer from -2 to 2 to apply to the computed significance score (1-10). ' +
      'Scale: 1-3 most items, 4-6 notable, 7-8 important, 9-10 a handful a year. ' +
      'Use 0 unless the factors clearly misjudge it.',
    '- reason: one sentence explaining the adjustment.',
  ].join('\n');
}

export function eventReviewUserPrompt(e: {
  title: string;
  score: number;
  factors: string[];
  members: { source: string; role: string; title: string; summary: string }[];
}): string {
  const lines = [`Event: ${e.title}`, `Computed significance: ${e.score} (${e.factors.join('; ')})`, '', 'Articles:'];
  for (const m of e.members.slice(0, 12))
    lines.push(`- [${m.role}] ${m.source}: ${m.title}\n  ${m.summary.slice(0, 600)}`);
  return lines.join('\n');
}

export const GUIDE_PROMPT_VERSION = 'guide-v1';

export const GUIDE_OVERVIEW_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['overview'],
  properties: {
    overview: {
      type: 'string',
      description: '3-5 sentences explaining the subject through its events, for a reader catching up',
    },
  },
} as const;

export function guideOverviewSystemPrompt(): string {
  return [
    'You write the overview of one guide of an almanac of AI news: a living explainer of one subject, told through its events.',
    'Answer with one JSON object and nothing else:',
    '- overview: 3 to 5 sentences for a reader catching up: what the subject is, what has happened ' +
      '(most significant first, with dates), and where things stand. Use only what the events say.',
  ].join('\n');
}

export function guideOverviewUserPrompt(g: {
  title: string;
  subject: string;
  events: { date: string; score: number; title: string; summary: string }[];
}): string {
  const lines = [`Guide: ${g.title}`, `Subject: ${g.subject}`, '', 'Its most significant events:'];
  for (const e of g.events.slice(0, 12))
    lines.push(`- ${e.date} [${e.score}] ${e.title}\n  ${e.summary.slice(0, 500)}`);
  return lines.join('\n');
}
