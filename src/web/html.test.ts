import { test } from 'node:test';
import assert from 'node:assert/strict';
import { jsx } from 'hono/jsx';
import { esc, text } from './html.js';

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
