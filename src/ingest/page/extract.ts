import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { checkDomBounds } from './dom-bounds.js';
import { countWords, htmlToText, sanitizeHtmlFragment } from './sanitize.js';
import { BOILERPLATE, MAX_REMOVED_CHARS, ruleFor } from './site-rules.js';
import { httpUrl } from '../http-url.js';

export interface ExtractedPage {
  title: string | null;
  author: string | null;
  published: string | null;
  lang: string | null;
  image: string | null;
  text: string;
  html: string;
  wordCount: number;
}

function meta(doc: Document, ...names: string[]): string | null {
  for (const n of names) {
    const el = doc.querySelector(`meta[property="${n}"], meta[name="${n}"], meta[itemprop="${n}"]`);
    const v = el?.getAttribute('content')?.trim();
    if (v) return v;
  }
  return null;
}

/** Reads the JSON-LD Article/NewsArticle block that most news sites publish. */
function jsonLd(doc: Document): { author?: string; published?: string; headline?: string; image?: string } {
  for (const s of doc.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      const data = JSON.parse(s.textContent ?? '');
      const nodes: unknown[] = Array.isArray(data) ? data : (data['@graph'] ?? [data]);
      for (const n of nodes as Array<Record<string, unknown>>) {
        const type = String(n['@type'] ?? '');
        if (!/Article|BlogPosting|Report/i.test(type)) continue;
        const a = n['author'];
        const author = Array.isArray(a)
          ? a
              .map((x) => (typeof x === 'string' ? x : (x as { name?: string }).name))
              .filter(Boolean)
              .join(', ')
          : typeof a === 'string'
            ? a
            : (a as { name?: string } | undefined)?.name;
        const img = n['image'];
        const image =
          typeof img === 'string'
            ? img
            : Array.isArray(img)
              ? String(img[0])
              : (img as { url?: string } | undefined)?.url;
        return {
          author: author || undefined,
          published: (n['datePublished'] as string) ?? undefined,
          headline: (n['headline'] as string) ?? undefined,
          image,
        };
      }
    } catch {
      // A broken JSON-LD block is common and harmless: the other sources of metadata remain.
    }
  }
  return {};
}

/** A document that is no web page at all: empty, binary, or text without a single element. */
export class PageError extends Error {
  override name = 'PageError';
}

/** What the input is, said for a user, when it holds no HTML element. */
function whyNoPage(html: string): string {
  if (!html.trim()) return 'it is empty';
  if (html.slice(0, 4096).includes('\u0000')) return 'it is binary data (an image, a PDF…?)';
  return 'it holds no HTML element (plain text?)';
}

/**
 * Extracts the article of a web page: metadata from JSON-LD, OpenGraph and <meta> first,
 * the body by Mozilla Readability over linkedom (a light DOM), sanitized. Throws PageError
 * when the input has no element at all: linkedom then builds a document without a root,
 * on which every DOM call fails. A page deeper or larger than any real article page is
 * refused (PageTooComplexError, see dom-bounds.ts).
 */
export function extractPage(html: string, url?: string): ExtractedPage {
  const { document } = parseHTML(html);
  if (!document.documentElement)
    throw new PageError(`extract: not a web page${url ? ` at ${url}` : ''}: ${whyNoPage(html)}`);
  checkDomBounds(document.documentElement as unknown as Parameters<typeof checkDomBounds>[0]);
  const ld = jsonLd(document);
  const lang = document.documentElement?.getAttribute('lang') || meta(document, 'og:locale') || null;
  const metaTitle =
    ld.headline ??
    meta(document, 'og:title', 'twitter:title') ??
    (document.querySelector('title')?.textContent?.trim() || null);
  const author = ld.author ?? meta(document, 'author', 'article:author', 'parsely-author', 'sailthru.author');
  const published =
    ld.published ?? meta(document, 'article:published_time', 'datePublished', 'date', 'pubdate', 'parsely-pub-date');
  const image = ld.image ?? meta(document, 'og:image', 'twitter:image');
  const rule = ruleFor(url);
  for (const sel of [...BOILERPLATE, ...(rule?.remove ?? [])]) {
    for (const el of [...document.querySelectorAll(sel)]) {
      if ((el.textContent ?? '').length < MAX_REMOVED_CHARS && !el.querySelector('p p, article')) el.remove();
    }
  }
  const ruled = rule?.content ? document.querySelector(rule.content) : null;
  let bodyHtml = '';
  if (ruled && (ruled.textContent ?? '').trim().length > 200) bodyHtml = ruled.innerHTML;
  else
    try {
      const article = new Readability(document as unknown as Document, { charThreshold: 200 }).parse();
      bodyHtml = article?.content ?? '';
    } catch {
      bodyHtml = '';
    }
  if (!bodyHtml) bodyHtml = document.querySelector('article')?.innerHTML ?? document.body?.innerHTML ?? '';
  const clean = sanitizeHtmlFragment(bodyHtml, url);
  const text = htmlToText(clean);
  return {
    title: metaTitle,
    author: author ?? null,
    published: isoDate(published),
    lang: lang ? lang.replace('_', '-').split('-')[0]!.toLowerCase() : null,
    image: pageImage(image, url),
    text,
    html: clean,
    wordCount: countWords(text),
  };
}

/** The page's image as an absolute http(s) URL, or null (a javascript: or data: one is no image). */
function pageImage(image: string | null | undefined, url: string | undefined): string | null {
  if (!image) return null;
  try {
    return httpUrl(url ? new URL(image, url).href : image);
  } catch {
    return null;
  }
}

/** A page's date as ISO 8601 UTC when it parses, else null (a bad date is no date). */
function isoDate(s: string | null | undefined): string | null {
  if (!s) return null;
  const t = Date.parse(s.trim());
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}
