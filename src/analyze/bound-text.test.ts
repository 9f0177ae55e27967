import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TEXT_CLASSES } from '../../test/hostile/crafted.js';
import {
  analyzeBounded,
  boundText,
  MAX_MARK_RUN,
  MAX_SENTENCE_CHARS,
  MAX_TEXT_CHARS,
  MAX_TOKEN_CHARS,
} from './bound-text.js';
import { extractLocal } from './local.js';

describe('bounded text for the NLP pass', () => {
  it('leaves ordinary writing as it is', () => {
    const t = 'OpenAI said... "Really?!" The U.S. agency — and e.g. the EU — agreed: https://example.com/a/b. Wow!!!';
    assert.equal(boundText(t), t);
  });

  it('blanks the tail of long runs, offset for offset', () => {
    const t = `a ${'!'.repeat(50)} b ${'U.S.'.repeat(40)} c`;
    const b = boundText(t);
    assert.equal(b.length, t.length);
    assert.equal(
      b,
      `a ${'!'.repeat(MAX_MARK_RUN)}${' '.repeat(50 - MAX_MARK_RUN)} b ${'U.S.'.repeat(40).slice(0, MAX_TOKEN_CHARS)}${' '.repeat(160 - MAX_TOKEN_CHARS)} c`,
    );
    for (let i = 0; i < t.length; i++) assert.ok(b[i] === t[i] || b[i] === ' ');
  });

  it('reads at most MAX_TEXT_CHARS', () => {
    assert.equal(boundText('word '.repeat(MAX_TEXT_CHARS)).length, MAX_TEXT_CHARS);
  });

  for (const [name, make] of Object.entries(TEXT_CLASSES)) {
    it(`gives no sentence longer than the bound, and a short summary, for ${name}`, () => {
      const text = make(20_000);
      const { sentences } = analyzeBounded(text);
      assert.ok(sentences.length > 0);
      for (const s of sentences) assert.ok(s.end - s.start <= MAX_SENTENCE_CHARS, `${s.end - s.start} characters`);
      sentences.forEach((s, i) => assert.equal(s.index, i));
      const x = extractLocal({ id: '1', title: 'A crafted text', text });
      assert.ok(x.summary.length <= 3 * MAX_SENTENCE_CHARS + 2, `summary of ${x.summary.length} characters`);
      for (const q of x.quotes) assert.equal(text.slice(q.start, q.end), q.text);
    });
  }
});
