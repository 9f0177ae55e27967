import { createHash } from 'node:crypto';
import { canonicalUrl } from './canonical-url.js';
import { httpUrl } from './http-url.js';
import { describesPicture } from './picture-caption.js';
import type { ParsedItem } from './feeds/types.js';
import { countWords, htmlToText } from './page/sanitize.js';
import type { NewArticle } from '../store/articles.js';

/** Phrases and marks with which feeds end a teaser. */
const TEASER_END =
  /(\u2026|\.\.\.|\[\u2026\]|\[\.\.\.\]|read more\W*|continue reading\W*|read the full (?:story|article|post)\W*)$/i;

export interface ItemContext {
  sourceId: string;
  fetchedAt: Date;
  /** Below this many words the item counts as a teaser. */
  fullTextMinWords: number;
}

/**
 * Turns a parsed feed item into an article to store. Dates in the future (beyond a day
 * of clock skew) or before 1995 are not believed: the fetch time is used instead.
 */
export function itemToArticle(item: ParsedItem, ctx: ItemContext): NewArticle | null {
  // Only http(s) links are kept: a javascript: or data: "link" must never reach an href.
  const url = httpUrl(item.url);
  const html = item.contentHtml.length >= item.summaryHtml.length ? item.contentHtml : item.summaryHtml;
  const fed = htmlToText(html);
  // A picture's caption is no text of the article: left out, the item counts as a teaser (its page is read).
  const text = describesPicture(fed) ? '' : fed;
  const title = item.title || text.slice(0, 120).split('\n')[0] || '';
  if (!title && !url) return null;
  const guid =
    item.guid ??
    url ??
    `sha:${createHash('sha256')
      .update(`${title}\n${item.published ?? ''}\n${text.slice(0, 500)}`)
      .digest('hex')
      .slice(0, 24)}`;
  const words = countWords(text);
  let published = item.published ?? item.updated;
  if (published) {
    const t = Date.parse(published);
    if (t > ctx.fetchedAt.getTime() + 86_400_000 || t < Date.UTC(1995, 0, 1)) published = null;
  }
  return {
    sourceId: ctx.sourceId,
    guid,
    url,
    canonicalUrl: canonicalUrl(url),
    title: title || '(untitled)',
    author:
      item.authors
        .map((a) => a.name ?? a.email)
        .filter(Boolean)
        .join(', ') || null,
    publishedAt: published ?? ctx.fetchedAt.toISOString(),
    fetchedAt: ctx.fetchedAt.toISOString(),
    html,
    text,
    lang: item.language,
    // Same for the image: it is shown and served by the API, so javascript: or data: never is.
    image: httpUrl(item.image),
    wordCount: words,
    truncated: words < ctx.fullTextMinWords || TEASER_END.test(text.trim()),
  };
}
