import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeText } from './nlp.js';
import { parseCase, SENTENCE_CASES } from './sentence-cases.js';
import { splitSentences } from './sentences.js';

const split = (text: string) => splitSentences(text).map((s) => text.slice(s.start, s.end));

describe('sentence splitter', () => {
  it(`splits every case of its table (${SENTENCE_CASES.length} cases, most from real text)`, () => {
    assert.ok(SENTENCE_CASES.length >= 150);
    const wrong: string[] = [];
    for (const c of SENTENCE_CASES) {
      const { text, sentences } = parseCase(c);
      const got = split(text);
      if (JSON.stringify(got) !== JSON.stringify(sentences))
        wrong.push(`${JSON.stringify(sentences)}\n  got ${JSON.stringify(got)}`);
    }
    assert.deepEqual(wrong, []);
  });

  it('gives spans that are the text itself, in order, covering every non-space character', () => {
    for (const c of SENTENCE_CASES) {
      const { text } = parseCase(c);
      const spans = splitSentences(text);
      let covered = '';
      let last = 0;
      for (const s of spans) {
        assert.ok(s.start >= last && s.end > s.start);
        assert.match(text.slice(last, s.start), /^\s*$/);
        covered += text.slice(s.start, s.end);
        last = s.end;
      }
      assert.match(text.slice(last), /^\s*$/);
      assert.equal(covered.replace(/\s/g, ''), text.replace(/\s/g, ''));
    }
  });

  it('splits only the part of a text it is given, with offsets into the whole', () => {
    const text = 'Skip me. Keep GPT-5.5 whole. And this.';
    const from = text.indexOf('Keep');
    assert.deepEqual(
      splitSentences(text, from).map((s) => text.slice(s.start, s.end)),
      ['Keep GPT-5.5 whole.', 'And this.'],
    );
  });

  it('stays fast on a long text with no sentence end, and on one of dots', () => {
    for (const text of ['word '.repeat(200_000), '. '.repeat(200_000), 'U.S. '.repeat(100_000), '…'.repeat(200_000)]) {
      const t0 = performance.now();
      splitSentences(text);
      // A megabyte: linear work takes milliseconds, quadratic work would take hours; the budget is for a loaded machine.
      assert.ok(performance.now() - t0 < 10_000, `${text.slice(0, 10)}: ${performance.now() - t0} ms`);
    }
  });

  it('gives the tagger its sentences: version numbers stay one token and one sentence', () => {
    const text =
      'Today we are releasing GPT-5.5, our most capable model yet. It beats GPT-4.1 on every benchmark we track.';
    const s = analyzeText(text);
    assert.deepEqual(
      s.map((x) => x.text),
      ['Today we are releasing GPT-5.5, our most capable model yet.', 'It beats GPT-4.1 on every benchmark we track.'],
    );
    assert.ok(s[0]!.tokens.some((t) => t.text === 'GPT-5.5'));
    for (const x of s) for (const t of x.tokens) assert.equal(text.slice(t.start, t.end), t.text);
  });
});
