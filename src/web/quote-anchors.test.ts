import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { anchorQuotes } from './quote-anchors.js';

describe('quote anchors', () => {
  it('wraps each quote found, across inline tags and line breaks, with an id on its first part', () => {
    const r = anchorQuotes('<p>He said "we <em>will ship</em>\n  it soon" and left.</p><p>Next, “curly” text.</p>', [
      'we will ship it soon',
      'left. Next',
      'curly',
    ]);
    assert.deepEqual([...r.anchored], [0, 1, 2]);
    assert.equal(
      r.html,
      '<p>He said "<span class="quote" id="q1">we </span><em><span class="quote">will ship</span>' +
        '</em><span class="quote">\n</span>  <span class="quote">it soon</span>" and <span ' +
        'class="quote" id="q2">left.</span></p><p><span class="quote">Next</span>, “<span ' +
        'class="quote" id="q3">curly</span>” text.</p>',
    );
  });

  it('gives no anchor to a quote not in the text, or overlapping one already anchored', () => {
    const r = anchorQuotes('<p>One two three four.</p>', ['nowhere', 'two three', 'three four', '']);
    assert.deepEqual([...r.anchored], [1]);
    assert.equal(r.html, '<p>One <span class="quote" id="q2">two three</span> four.</p>');
  });

  it('writes text out escaped again: markup in the text stays text', () => {
    const r = anchorQuotes('<p>a &lt;script&gt;alert(1)&lt;/script&gt; b &amp; c</p>', ['<script>alert(1)</script>']);
    assert.equal(r.html, '<p>a <span class="quote" id="q1">&lt;script&gt;alert(1)&lt;/script&gt;</span> b &amp; c</p>');
  });
});
