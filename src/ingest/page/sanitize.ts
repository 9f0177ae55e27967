import sanitizeHtml from 'sanitize-html';
import { Parser } from 'htmlparser2';
import { xmlSafe } from '../xml-chars.js';

/**
 * The allow-list every piece of outside HTML passes before it is stored: text structure,
 * links, images and media; no scripts, styles, forms, event handlers or `javascript:` /
 * `data:` URLs; iframes only from a few video hosts. Relative URLs are made absolute
 * against the page or feed they came from, so the stored HTML stands on its own.
 */
const ALLOWED_TAGS = [
  'a',
  'abbr',
  'b',
  'blockquote',
  'br',
  'caption',
  'cite',
  'code',
  'dd',
  'del',
  'details',
  'dfn',
  'div',
  'dl',
  'dt',
  'em',
  'figcaption',
  'figure',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'hr',
  'i',
  'img',
  'ins',
  'kbd',
  'li',
  'mark',
  'ol',
  'p',
  'picture',
  'pre',
  'q',
  's',
  'samp',
  'small',
  'source',
  'span',
  'strike',
  'strong',
  'sub',
  'summary',
  'sup',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'time',
  'tr',
  'u',
  'ul',
  'var',
  'video',
  'audio',
  'iframe',
];

const URL_ATTRS = ['href', 'src', 'cite', 'poster'];

function resolve(url: string, base: string | undefined): string {
  if (!base) return url;
  try {
    return new URL(url.trim(), base).href;
  } catch {
    return url;
  }
}

/** Each candidate of a srcset list resolved against the base, its size descriptor kept. */
function resolveSrcset(srcset: string, base: string): string {
  return srcset
    .split(',')
    .map((part) => {
      const [u, ...rest] = part.trim().split(/\s+/);
      return [resolve(u ?? '', base), ...rest].join(' ');
    })
    .join(', ');
}

// The base of the fragment being sanitized. sanitize-html calls transformTags synchronously
// within one call, so one options object (built once: merging it per call costs as much as
// sanitizing a short title) reads the base from here.
let currentBase: string | undefined;

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: ALLOWED_TAGS,
  allowedAttributes: {
    a: ['href', 'title', 'hreflang'],
    img: ['src', 'alt', 'title', 'width', 'height', 'srcset'],
    source: ['src', 'srcset', 'type', 'media'],
    video: ['src', 'poster', 'controls', 'width', 'height'],
    audio: ['src', 'controls'],
    iframe: ['src', 'width', 'height', 'allowfullscreen', 'title'],
    blockquote: ['cite'],
    q: ['cite'],
    del: ['cite', 'datetime'],
    ins: ['cite', 'datetime'],
    time: ['datetime'],
    td: ['colspan', 'rowspan'],
    th: ['colspan', 'rowspan', 'scope'],
    abbr: ['title'],
    ol: ['start', 'reversed'],
    '*': ['lang', 'dir'],
  },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['http', 'https'], source: ['http', 'https'] },
  allowProtocolRelative: false,
  allowedIframeHostnames: ['www.youtube.com', 'www.youtube-nocookie.com', 'player.vimeo.com'],
  disallowedTagsMode: 'discard',
  // An iframe whose source is not an allowed video host loses its src: drop the empty frame too.
  exclusiveFilter: (frame) => frame.tag === 'iframe' && !frame.attribs['src'],
  // Text inside these is dropped with the tag: it is code or chrome, never article text.
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'template', 'title', 'head'],
  transformTags: {
    '*': (tagName, attribs) => {
      const baseUrl = currentBase;
      // Most tags (p, em, li) carry nothing to rewrite: their attributes go on as they came
      // (sanitize-html filters that object itself, as it does when no transform runs), and
      // a copy is made only for a tag that has something to change. Links get no rel: no
      // target is allowed (so no window.opener), the web app sends Referrer-Policy:
      // no-referrer, and rel is not on the allow-list (feedparser's expected output has none).
      let out: sanitizeHtml.Attributes | undefined;
      for (const a of URL_ATTRS) {
        const value = attribs[a];
        if (value !== undefined) (out ??= { ...attribs })[a] = resolve(value, baseUrl);
      }
      const srcset = attribs['srcset'];
      if (srcset !== undefined && baseUrl) (out ??= { ...attribs })['srcset'] = resolveSrcset(srcset, baseUrl);
      return { tagName, attribs: out ?? attribs };
    },
  },
};

export function sanitizeHtmlFragment(html: string, baseUrl?: string): string {
  if (!html) return '';
  currentBase = baseUrl;
  try {
    // Entities are decoded here (&#1; becomes U+0001): what XML 1.0 forbids goes, so feeds and exports stay well-formed.
    return xmlSafe(sanitizeHtml(html, OPTIONS));
  } finally {
    currentBase = undefined;
  }
}

const BLOCK = new Set([
  'p',
  'div',
  'br',
  'li',
  'ul',
  'ol',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'blockquote',
  'pre',
  'tr',
  'table',
  'figure',
  'figcaption',
  'section',
  'article',
  'header',
  'footer',
  'hr',
  'dd',
  'dt',
  'details',
  'summary',
]);
const SKIP = new Set(['script', 'style', 'noscript', 'template', 'head', 'title']);

/** Plain text of an HTML fragment: entities decoded, blocks separated by blank lines. */
export function htmlToText(html: string): string {
  if (!html) return '';
  let out = '';
  let skip = 0;
  const parser = new Parser(
    {
      onopentag(name) {
        if (SKIP.has(name)) skip++;
        else if (BLOCK.has(name)) out += '\n';
      },
      onclosetag(name) {
        if (SKIP.has(name)) skip = Math.max(0, skip - 1);
        else if (BLOCK.has(name)) out += '\n';
      },
      ontext(t) {
        if (!skip) out += t;
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  return xmlSafe(out)
    .replace(/[ \t\f\v\u00a0]+/g, ' ')
    .split('\n')
    .map((l) => l.trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/(\S)\n(?=\S)/g, '$1\n')
    .trim();
}

/** Escapes text for inclusion in HTML. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

export function countWords(text: string): number {
  const m = text.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu);
  return m ? m.length : 0;
}
