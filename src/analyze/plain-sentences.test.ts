import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MAX_SENTENCE_CHARS } from './bound-text.js';
import { TEXT_CLASSES } from '../../test/hostile/crafted.js';
import type { EventMember } from '../store/event-reads.js';
import { eventHeadline } from '../events/headline.js';
import { plainSentences } from './plain-sentences.js';

const member = (articleId: number, summary: string): EventMember => ({
  articleId,
  role: 'coverage',
  title: `Title ${articleId}`,
  url: null,
  author: null,
  publishedAt: '2026-11-16T08:00:00.000Z',
  fetchedAt: '2026-11-16T08:00:00.000Z',
  text: '',
  sourceId: 's',
  sourceName: 'S',
  sourceAuthor: null,
  sourceKind: 'news',
  tier: 1,
  kind: 'news',
  summary,
  topics: [],
  entities: [],
});

describe('sentences without the tagger', () => {
  it('splits at sentence ends but not after initials and common abbreviations, with offsets into the text', () => {
    const t =
      'OpenAI released GPT-6, a model it says is twice as fast. The U.S. agency said Dr. ' +
      'Smith agreed! "Is it?" asked J. Doe. Prices rose 5.5% in 2026.\n\nA second summary.';
    const s = plainSentences(t);
    assert.deepEqual(
      s.map((x) => x.text),
      [
        'OpenAI released GPT-6, a model it says is twice as fast.',
        'The U.S. agency said Dr. Smith agreed!',
        '"Is it?" asked J. Doe.',
        'Prices rose 5.5% in 2026.',
        'A second summary.',
      ],
    );
    for (const x of s) assert.equal(t.slice(x.start, x.end), x.text);
    assert.deepEqual(
      s[0]!.tokens.slice(0, 3).map((k) => k.norm),
      ['openai', 'released', 'gpt-6'],
    );
  });

  it('gives an event summary of bounded sentences even from a summary stored unbounded (a 16,000-character "sentence")', () => {
    for (const [name, make] of Object.entries(TEXT_CLASSES)) {
      const long = make(16_000);
      const summary = eventHeadline([member(1, long), member(2, long)]).summary;
      assert.ok(
        summary.length <= 3 * (MAX_SENTENCE_CHARS + 1),
        `${name}: an event summary of ${summary.length} characters`,
      );
    }
  });
});
