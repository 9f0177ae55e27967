import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MAX_SENTENCE_CHARS } from './bound-text.js';
import { TEXT_CLASSES } from '../../test/hostile/crafted.js';
import type { EventMember } from '../store/event-reads.js';
import { eventHeadline } from '../events/headline.js';
import { plainSentences, plainSentenceTexts } from './plain-sentences.js';

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
  digest: false,
  cutTail: '',
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

  it('ends a sentence at an abbreviation only where a sentence can start after it (real stream text)', () => {
    const split = (t: string) => plainSentences(t).map((x) => x.text);
    assert.deepEqual(split("One study says no. Here's why AI sometimes slows experts down."), [
      'One study says no.',
      "Here's why AI sometimes slows experts down.",
    ]);
    assert.deepEqual(split('Sora becomes the No. 3 US app after 164K downloads in 2 days.'), [
      'Sora becomes the No. 3 US app after 164K downloads in 2 days.',
    ]);
    assert.deepEqual(split('It refers to the startup as io Products Inc. The blog post was scrubbed.'), [
      'It refers to the startup as io Products Inc.',
      'The blog post was scrubbed.',
    ]);
    assert.deepEqual(
      split('He moved to the U.S. He joined OpenAI in 2016. A deal with the U.S. Department of Defense.'),
      ['He moved to the U.S.', 'He joined OpenAI in 2016.', 'A deal with the U.S. Department of Defense.'],
    );
    assert.deepEqual(
      split('Suno v5 improves on v4.5+. It costs $9.99, up 2.5%. Software… and we are just getting started.'),
      ['Suno v5 improves on v4.5+.', 'It costs $9.99, up 2.5%.', 'Software… and we are just getting started.'],
    );
    assert.deepEqual(split('He met Dr. Smith. J. Doe agreed.'), ['He met Dr. Smith.', 'J. Doe agreed.']);
    assert.deepEqual(split('The Musk v. Altman trial came to a close. Since Citizens United v. FEC, money talks.'), [
      'The Musk v. Altman trial came to a close.',
      'Since Citizens United v. FEC, money talks.',
    ]);
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
  it('gives the same sentences as texts alone', () => {
    const texts = [
      'He moved to the U.S. He joined OpenAI in 2016. A deal with the U.S. Department of Defense.',
      'Sora becomes the No. 3 US app after 164K downloads in 2 days.\n\nNext line',
      ...Object.values(TEXT_CLASSES).map((make) => make(3_000)),
    ];
    for (const t of texts)
      assert.deepEqual(
        plainSentenceTexts(t),
        plainSentences(t).map((x) => x.text),
      );
  });
});
