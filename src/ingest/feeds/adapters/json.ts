import type { JsonFeed } from 'feedsmith';
import { DateReader } from '../dates.js';
import { escapeHtml } from '../../page/sanitize.js';
import { readText, readTitle, resolveUrl } from '../text.js';
import type { ParsedFeed, ParsedItem, Person } from '../types.js';
import { languageOf } from '../lang.js';

type Feed = JsonFeed.Feed<string>;
type Item = JsonFeed.Item<string>;

function authorsOf(list: Array<JsonFeed.Author> | undefined, legacy: unknown, base: string | undefined): Person[] {
  // JSON Feed 1.0 had a single "author"; 1.1 has "authors".
  const all = [...(list ?? []), ...(legacy && typeof legacy === 'object' ? [legacy as JsonFeed.Author] : [])];
  return all
    .map((a) => ({ ...(a.name ? { name: a.name } : {}), ...(a.url ? { url: resolveUrl(a.url, base) ?? a.url } : {}) }))
    .filter((a) => a.name || a.url);
}

function itemOf(
  item: Item,
  base: string | undefined,
  feedLang: string | null,
  feedAuthors: Person[],
  dates: DateReader,
): ParsedItem {
  const title = readTitle(item.title, 'text', base);
  const contentHtml = item.content_html
    ? readText(item.content_html, 'html', base).html
    : item.content_text
      ? item.content_text
          .split(/\n{2,}/)
          .map((p) => `<p>${escapeHtml(p.trim())}</p>`)
          .join('\n')
      : '';
  const authors = authorsOf(item.authors, (item as { author?: unknown }).author, base);
  const id = item.id === undefined || item.id === null ? null : String(item.id).trim() || null;
  return {
    guid: id,
    url: resolveUrl(item.url ?? item.external_url, base),
    title: title.text,
    titleHtml: title.html,
    summaryHtml: item.summary ? readText(item.summary, 'text', base).html : '',
    contentHtml,
    authors: authors.length ? authors : feedAuthors,
    published: dates.iso(item.date_published ?? item.date_modified),
    updated: dates.iso(item.date_modified),
    categories: (item.tags ?? []).filter((t) => typeof t === 'string' && t.trim()).map((t) => ({ term: t.trim() })),
    enclosures: (item.attachments ?? [])
      .filter((a) => a.url)
      .map((a) => ({
        url: resolveUrl(a.url, base) ?? a.url!,
        ...(a.mime_type ? { type: a.mime_type } : {}),
        ...(a.size_in_bytes ? { length: a.size_in_bytes } : {}),
      })),
    image: resolveUrl(item.image ?? item.banner_image, base),
    language: languageOf(item.language, feedLang),
    comments: null,
  };
}

export function adaptJson(
  feed: Feed,
  version: string,
  docBase: string | undefined,
  dates = new DateReader(),
): Omit<ParsedFeed, 'encoding' | 'bozo' | 'bozoReasons'> {
  const base = docBase ?? feed.feed_url ?? feed.home_page_url;
  const language = languageOf(feed.language);
  const authors = authorsOf(feed.authors, (feed as { author?: unknown }).author, base);
  const title = readTitle(feed.title, 'text', base);
  return {
    format: 'json',
    version,
    title: title.text,
    titleHtml: title.html,
    subtitle: feed.description ?? '',
    subtitleHtml: readText(feed.description, 'text', base).html,
    link: resolveUrl(feed.home_page_url, base),
    feedUrl: resolveUrl(feed.feed_url, base),
    language,
    updated: null,
    image: resolveUrl(feed.icon ?? feed.favicon, base),
    authors,
    generator: null,
    rights: null,
    rightsHtml: '',
    items: (feed.items ?? []).map((i) => itemOf(i, base, language, authors, dates)),
  };
}
