import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { repeats, repeatsAny, shownOnce } from './shown-once.js';

describe('a statement shown once on a page', () => {
  it('keeps a sentence in the summary, a quote as a quote, and drops the claim that repeats either', () => {
    const x = shownOnce({
      summary: 'OpenAI released GPT-5.5 on Tuesday. It is the company’s most capable model.',
      claims: [
        { text: 'OpenAI released GPT-5.5 on Tuesday.' },
        { text: '"This is our best model yet," Altman said.' },
        { text: 'The model costs $20 a month.' },
      ],
      quotes: [
        { text: 'It is the company’s most capable model.', speaker: 'OpenAI' },
        { text: 'This is our best model yet', speaker: 'Sam Altman' },
      ],
    });
    assert.deepEqual(
      x.claims.map((c) => c.text),
      ['The model costs $20 a month.'],
    );
    assert.deepEqual(
      x.quotes.map((q) => q.speaker),
      ['Sam Altman'],
    );
  });
  it('reads an attributed event summary as its member’s', () => {
    assert.ok(repeats('Today we are releasing GPT-5.5.', ['OpenAI: Today we are releasing GPT-5.5.']));
    assert.ok(!repeats('Google released Gemini 3.', ['OpenAI: Today we are releasing GPT-5.5.']));
    assert.ok(!repeats('', ['anything']));
    assert.ok(!repeats('Yes', ['Asked if it would ship, he said yes.']), 'a word in common is no repeat');
  });
  it('takes four words or more within a longer text as the same statement, three as a phrase both use', () => {
    const outer = ['Asked if it would ship this year, he said it would ship in May.'];
    assert.ok(!repeats('it would ship', outer));
    assert.ok(repeats('it would ship in', outer));
    assert.ok(repeats('He said: it would ship in May!', outer), 'whole words, punctuation aside');
    assert.ok(!repeats('would ship in June', outer));
  });
  it('folds plain ASCII text as it folds the same text with other characters', () => {
    // A trailing ellipsis (U+2026) folds away, but sends the text down the Unicode path.
    const texts = [
      'OpenAI_released GPT-5.5, on Tuesday!',
      'openai released gpt 5 5 on tuesday',
      'It ships\tin MAY 2026.',
      'x',
    ];
    for (const a of texts)
      for (const b of texts) assert.equal(repeats(a, [b]), repeats(`${a} \u2026`, [`${b} \u2026`]), `${a} / ${b}`);
  });
  it('checks many texts against others folded once as it checks each alone', () => {
    const summary = 'OpenAI: Today we are releasing GPT-5.5.';
    const bySummary = repeatsAny([summary, '']);
    for (const t of ['Today we are releasing GPT-5.5.', 'Google released Gemini 3.', '', 'releasing'])
      assert.equal(bySummary(t), repeats(t, [summary, '']), t);
    assert.ok(bySummary('today, we are RELEASING gpt 5.5'));
  });
});
