import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sentenceNorm } from './sentences.js';

/** The fold every sentence took before plain ASCII had a path of its own. */
const unicodeFold = (s: string) =>
  s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

describe('a sentence folded to its identity', () => {
  it('folds plain ASCII text as the Unicode fold does, every character of it', () => {
    const ascii = Array.from({ length: 128 }, (_, i) => String.fromCharCode(i)).join('');
    for (const s of [
      ascii,
      `  ${ascii} word ${ascii}`,
      'OpenAI released GPT-5.5 on Tuesday -- its "best" model.',
      "It's the U.S. government's call, 2026.",
      '',
      '   ',
    ])
      assert.equal(sentenceNorm(s), unicodeFold(s), JSON.stringify(s));
  });
  it('folds English typography (dashes, curly quotes, the ellipsis, a no-break space) as the Unicode fold does', () => {
    const marks = ['\u00a0', '\u2013', '\u2014', '\u2018', '\u2019', '\u201c', '\u201d', '\u2026'];
    for (const m of marks)
      for (const s of [m, `It${m}s`, `${m}Word, ${m}${m} 5${m}`, `Cut here${m}`, `${m}A${m}b${m}`])
        assert.equal(sentenceNorm(s), unicodeFold(s), JSON.stringify(s));
  });
  it('folds typography and other scripts', () => {
    assert.equal(sentenceNorm('It’s ＧＰＴ‑5 — “ready”.'), 'it s gpt 5 ready');
    assert.equal(sentenceNorm('Über KI: Straße'), 'über ki straße');
  });
});
