import { describe, it, test } from 'node:test';
import assert from 'node:assert/strict';
import { jsx } from 'hono/jsx';
import { esc, shownSummary, summaryText, text } from './html.js';

test('escapes the five characters hono/jsx escapes, the same way', async () => {
  const s = `Tom & Jerry's <b>"best"</b>`;
  assert.equal(esc(s), 'Tom &amp; Jerry&#39;s &lt;b&gt;&quot;best&quot;&lt;/b&gt;');
  assert.equal(`<p title="${esc(s)}">${esc(s)}</p>`, jsx('p', { title: s }, s).toString());
});

test('a child: strings escaped, numbers as is, nothing for null, undefined and booleans', () => {
  assert.equal(text('a<b'), 'a&lt;b');
  assert.equal(text(7), '7');
  assert.equal(text(null) + text(undefined) + text(true) + text(false), '');
  assert.equal(esc('plain'), 'plain');
});

describe('summaries as shown', () => {
  it('end a sentence the feed cut with "…", and leave a whole one as it is', () => {
    assert.equal(
      shownSummary('Stephanie Scott describes the Pixel 10 phones in'),
      'Stephanie Scott describes the Pixel 10 phones in…',
    );
    assert.equal(shownSummary('OpenAI released GPT-5.5 today. '), 'OpenAI released GPT-5.5 today. ');
    for (const whole of [
      'It ships today.',
      'Is it ready?',
      '“We are ready,” she said.”',
      'A model (GPT-5.5)',
      'It was cut…',
    ])
      assert.equal(shownSummary(whole), whole);
    assert.equal(summaryText('R&D spending rose by'), 'R&amp;D spending rose by…');
    assert.equal(summaryText(null), '');
  });

  it('read a sentence as cut exactly as /[^.!?…"”’\')\]\s]\s*$/ reads it, whatever the space after it', () => {
    const cut = /[^.!?…"”’')\]\s]\s*$/;
    const ends = ['', '.', '!', '?', '…', '"', '”', '’', "'", ')', ']', 'a', '9', '»', '\ud83d', '\ud83d\ude00', '-'];
    const spaces = ['', ' ', '\n', '\t \u00a0', '\u2028', '\u3000\ufeff', '\u200b'];
    for (const end of ends)
      for (const space of spaces)
        for (const s of [`${end}${space}`, `It ships${end}${space}`, `${space}${end}`]) {
          const want = cut.test(s) ? `${s.trimEnd()}…` : s;
          assert.equal(shownSummary(s), want, JSON.stringify(s));
        }
  });
});
