import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sanitizeHtmlFragment } from './sanitize.js';

describe('sanitizeHtmlFragment', () => {
  const base = 'https://site.example/post/1';

  it('makes link, image and srcset URLs absolute against the base', () => {
    const out = sanitizeHtmlFragment(
      '<p><a href="/a?b=1" title="t">link</a> <img src="i.png" alt="x" srcset="i.png 1x, /big/i.png 2x"></p>',
      base,
    );
    assert.equal(
      out,
      '<p><a href="https://site.example/a?b=1" title="t">link</a> <img ' +
        'src="https://site.example/post/i.png" alt="x" srcset="https://site.example/post/i.png 1x, ' +
        'https://site.example/big/i.png 2x" /></p>',
    );
  });

  it('leaves URLs as written when there is no base, and tags with nothing to rewrite as they came', () => {
    assert.equal(
      sanitizeHtmlFragment('<p lang="en">a <em>b</em> <a href="/x">c</a></p>'),
      '<p lang="en">a <em>b</em> <a href="/x">c</a></p>',
    );
  });

  it('drops what the allow-list does not name: handlers, script URLs, scripts, foreign frames', () => {
    const out = sanitizeHtmlFragment(
      '<p class="c" onclick="x()">Hi <a href="javascript:alert(1)" rel="opener">bad</a><script>' +
        'alert(1)</script><iframe src="https://evil.example/x"></iframe><iframe ' +
        'src="https://www.youtube.com/embed/1"></iframe></p>',
      base,
    );
    assert.equal(out, '<p>Hi <a>bad</a><iframe src="https://www.youtube.com/embed/1"></iframe></p>');
  });

  it('gives the same output for the same input, whatever was sanitized in between', () => {
    const html = '<ul><li><a href="a">1</a></li><li><img src="b.png"></li></ul>';
    const first = sanitizeHtmlFragment(html, base);
    sanitizeHtmlFragment('<div><p>other <b>text</b></p></div>', 'https://other.example/');
    assert.equal(sanitizeHtmlFragment(html, base), first);
    assert.equal(
      first,
      '<ul><li><a href="https://site.example/post/a">1</a></li><li><img src="https://site.example/post/b.png" /></li></ul>',
    );
  });
});
