import assert from 'node:assert/strict';
import { test } from 'node:test';
import { jsx } from 'hono/jsx';
import type { Article } from '../../store/articles.js';
import type { StoredExtraction } from '../../store/extractions.js';
import { ArticlePage } from './articles.js';

// Shaped as a TechCrunch item of the real stream: a feed excerpt of one sentence.
const article: Article = {
  id: 7,
  sourceId: 'techcrunch',
  guid: 'g7',
  url: 'https://techcrunch.com/2026/08/11/openai-tender-offer/',
  canonicalUrl: null,
  title: 'OpenAI reportedly completed a $7 billion employee tender offer',
  author: null,
  publishedAt: '2026-08-11T12:00:00Z',
  fetchedAt: '2026-08-11T12:05:00Z',
  html: '<p>OpenAI let employees sell $7 billion of shares.</p>',
  text: 'OpenAI let employees sell $7 billion of shares.',
  lang: 'en',
  image: null,
  wordCount: 8,
  truncated: false,
  contentHash: 'h',
  updatedAt: '2026-08-11T12:05:00Z',
};
const extraction: StoredExtraction = {
  articleId: 7,
  extractor: 'local',
  version: '1',
  model: null,
  note: null,
  tokensIn: 0,
  tokensOut: 0,
  quotesDropped: 0,
  createdAt: '2026-08-11T12:05:00Z',
  summary: 'OpenAI let employees sell $7 billion of shares.',
  keyphrases: [],
  topics: ['ai-funding', 'open-source-ai'],
  claims: [],
  quotes: [],
  entities: [],
  kind: 'news',
};

const topicLabels = new Map([['ai-funding', 'AI funding and deals']]);

test("an article page names its topics by their labels, as the event page does, linking each topic's guide", () => {
  const html = String(
    jsx(ArticlePage, { article, source: undefined, now: new Date('2026-08-12T00:00:00Z'), extraction, topicLabels }),
  );
  assert.match(html, /<a class="topic" href="\/topics\/ai-funding">AI funding and deals<\/a>/);
  // A slug that is no topic yet (a candidate one source used) is not shown.
  assert.doesNotMatch(html, /open-source-ai/);
});

test('an article page shows a summary once: not above a text that says only it', () => {
  const page = (x: StoredExtraction) =>
    String(jsx(ArticlePage, { article, source: undefined, now: new Date(), extraction: x, topicLabels }));
  const lead = '<p class="lead">';
  assert.ok(!page(extraction).includes(lead), 'the excerpt is the summary: shown once, as the article');
  const longer = { ...article, text: `${article.text} The sale values the company at $500 billion.` };
  const html = String(
    jsx(ArticlePage, { article: longer, source: undefined, now: new Date(), extraction, topicLabels }),
  );
  assert.ok(html.includes(`${lead}OpenAI let employees sell $7 billion of shares.</p>`));
});
