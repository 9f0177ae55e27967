import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isBareDomain, outletName } from './outlet-name.js';

describe('what a source is called', () => {
  it('is its feed’s title, unless that is a bare domain', () => {
    assert.equal(outletName({ feedTitle: 'The Verge', siteName: 'Verge', host: 'www.theverge.com' }), 'The Verge');
    assert.equal(
      outletName({ feedTitle: 'theverge.com', siteName: 'The Verge', host: 'www.theverge.com' }),
      'The Verge',
    );
  });
  it('is the domain without "www." when nothing names the outlet', () => {
    assert.equal(outletName({ feedTitle: 'www.zdnet.com', siteName: null, host: 'www.zdnet.com' }), 'zdnet.com');
    assert.equal(outletName({ feedTitle: null, siteName: 'zdnet.com', host: 'www.zdnet.com' }), 'zdnet.com');
    assert.equal(outletName({ feedTitle: '  ', host: 'blog.google' }), 'blog.google');
  });
  it('tells a domain from a name with a dot', () => {
    assert.ok(isBareDomain('theverge.com') && isBareDomain('blog.google') && isBareDomain('www.zdnet.com'));
    assert.ok(!isBareDomain('Ars Technica') && !isBareDomain('Stratechery by Ben Thompson') && !isBareDomain('Dr. Ng'));
  });
});
