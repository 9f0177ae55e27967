import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { nestedPage } from '../../../test/hostile/crafted.js';
import { extractPage } from './extract.js';
import { MAX_DOM_DEPTH, PageTooComplexError } from './dom-bounds.js';

const nest = (depth: number, open = '<div>', close = '</div>') =>
  `<html><body>${open.repeat(depth)}<p>${'The lab published a note about its new model. '.repeat(8)}</p>${close.repeat(depth)}</body></html>`;

describe('DOM bounds before Readability', () => {
  it('reads a page as deep as the deepest real page', () => {
    assert.match(extractPage(nest(56)).text, /The lab published/);
  });

  it('refuses a page nested deeper than the bound, with the reason, before Readability runs', () => {
    for (const html of [nest(MAX_DOM_DEPTH + 1), nest(5000), nestedPage(29 * 1024)]) {
      assert.throws(
        () => extractPage(html),
        (e: Error) => e instanceof PageTooComplexError && e.final && /nested more than \d+ deep/.test(e.message),
      );
    }
  });

  it('refuses a page of too many elements, and one whose elements sit too deep in sum', () => {
    assert.throws(
      () => extractPage(`<html><body>${'<p>a</p>'.repeat(12_000)}</body></html>`),
      /more than 10000 elements/,
    );
    assert.throws(
      () => extractPage(`<html><body>${`${'<div>'.repeat(70)}x${'</div>'.repeat(70)}`.repeat(100)}</body></html>`),
      /ancestors add up/,
    );
  });
});
