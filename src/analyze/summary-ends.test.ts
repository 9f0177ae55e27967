import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isTeaser, isUnfinished, wholeSentences } from './summary-ends.js';

const keep = (sentences: string[]) => wholeSentences(sentences, (s) => s);

// Endings of real feed descriptions of the AI-news stream (../shared/data/streams).
describe('where a summary ends', () => {
  it('drops the sentence the feed cut', () => {
    assert.deepEqual(
      keep([
        'Police and federal agencies have found a new way to skirt facial recognition bans.',
        'The tool tracks people by their clothes and the growing patchwork of laws that curb how',
      ]),
      ['Police and federal agencies have found a new way to skirt facial recognition bans.'],
    );
    assert.ok(isUnfinished('Grok began replying to dozens of posts on X, even in response to…'));
    assert.ok(isUnfinished('The startup raised $250 million, Reuters reported'));
    assert.ok(!isUnfinished('The startup raised $250 million, Reuters reported.'));
    assert.ok(!isUnfinished('He said it was “a programming error.”'));
  });
  it('drops trailing teasers and calls to read on', () => {
    assert.deepEqual(
      keep(['More organizations are seeking domain experts to train AI datasets.', "Here's what you need to know."]),
      ['More organizations are seeking domain experts to train AI datasets.'],
    );
    assert.deepEqual(
      keep(['Meta hired three more researchers from OpenAI.', 'Looks like Meta isn’t done poaching talent.']),
      ['Meta hired three more researchers from OpenAI.'],
    );
    for (const t of [
      'Read on to find out.',
      'But is it worth it?',
      'Here’s why.',
      'Let’s dive in.',
      'What we know so far.',
      'Follow our live updates as we share every launch as it happens.',
      'Here are some areas that caught our eye.',
    ])
      assert.ok(isTeaser(t), t);
  });
  it('keeps statements that only share a teaser’s words, and one sentence at least', () => {
    for (const t of [
      'Watchdogs in the EU fined the company €200 million on Tuesday.',
      'Follow-on funding for AI startups rose by a third in the quarter.',
      'Here are the 30,000 songs the label says the startup copied.',
      'Regulators said the filings lacked the details investors need to know what the company owns and how it works with its partners.',
    ])
      assert.ok(!isTeaser(t), t);
    assert.deepEqual(keep(['Looks like Meta isn’t done poaching talent from OpenAI.']), [
      'Looks like Meta isn’t done poaching talent from OpenAI.',
    ]);
    assert.deepEqual(keep(['A cut sentence that never']), ['A cut sentence that never']);
  });
});
