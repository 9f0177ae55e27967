import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { canonicalUrl } from './canonical-url.js';

describe('canonicalUrl', () => {
  it('strips tracking, fragments, default ports and www; sorts parameters', () => {
    assert.equal(
      canonicalUrl('http://WWW.Example.com:80/a/?utm_source=x&b=2&a=1#top'),
      'https://example.com/a/?a=1&b=2',
    );
    assert.equal(canonicalUrl('https://example.com/post/'), 'https://example.com/post');
    assert.equal(canonicalUrl('javascript:alert(1)'), null);
  });
});
