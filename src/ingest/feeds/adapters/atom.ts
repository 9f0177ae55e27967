import type { AtomFeed } from 'feedsmith';
import { DateReader } from '../dates.js';
import { chainBase, readText, readTitle, resolveUrl } from '../text.js';
import type { ParsedFeed, ParsedItem, Person } from '../types.js';
import { languageOf } from '../lang.js';

type Feed = AtomFeed.Feed<string>;
type Entry = AtomFeed.Entry<string>;
type Text = AtomFeed.Text | undefined;

function text(t: Text, base: string | undefined) {
  return readText(t?.value, t?.type ?? 'text', chainBase(base, t?.xml?.base));
}

function people(list: Array<AtomFeed.Person> | undefined, base: string | undefined): Person[] {
  return (list ?? [])
    .map((p) => ({
      ...(p.name ? { name: p.name.trim() } : {}),
      ...(p.email ? { email: p.email.trim() } : {}),
      ...(p.uri ? { url: resolveUrl(p.uri, base) ?? p.uri } : {}),
    }))
    .filter((p) => p.name || p.email || p.url);
}

/** The entry's web page: rel=alternate (or no rel) of an HTML type, else the first link. */
function alternate(links: Array<AtomFeed.Link<string>> | undefined, base: string | undefined): string | null {
  const list = links ?? [];
  const alt =
    list.find((l) => (!l.rel || l.rel === 'alternate') && (!l.type || /html/.test(l.type))) ??
    list.find((l) => !l.rel || l.rel === 'alternate');
  return resolveUrl(alt?.href, base);
}

function entryOf(
  e: Entry,
  feedBase: string | undefined,
  feedLang: string | null,
  feedAuthors: Person[],
  dates: DateReader,
): ParsedItem {
  const base = chainBase(feedBase, e.xml?.base);
  const title = readTitle(e.title?.value, e.title?.type ?? 'text', chainBase(base, e.title?.xml?.base));
  const summary = text(e.summary, base);
  const c = e.content;
  const content =
    c?.value !== undefined ? readText(c.value, c.type ?? 'text', chainBase(base, c.xml?.base)) : undefined;
  const authors = people(e.authors, base);
  const image = (e.links ?? []).find((l) => l.rel === 'enclosure' && l.type?.startsWith('image/'))?.href;
  return {
    guid: (e.id?.trim().startsWith('/') ? resolveUrl(e.id, base) : e.id?.trim()) || null,
    url: alternate(e.links, base),
    title: title.text,
    titleHtml: title.html,
    summaryHtml: summary.html,
    contentHtml: content?.html ?? '',
    authors: authors.length
      ? authors
      : people(e.source?.authors, base).length
        ? people(e.source?.authors, base)
        : feedAuthors,
    published: dates.iso(e.published ?? e.dc?.dates?.[0] ?? e.updated),
    updated: dates.iso(e.updated),
    categories: (e.categories ?? [])
      .filter((x) => x.term)
      .map((x) => ({
        term: x.term!.trim(),
        ...(x.scheme ? { scheme: x.scheme } : {}),
        ...(x.label ? { label: x.label } : {}),
      })),
    enclosures: (e.links ?? [])
      .filter((l) => l.rel === 'enclosure' && l.href)
      .map((l) => ({
        url: resolveUrl(l.href, base) ?? l.href!,
        ...(l.type ? { type: l.type } : {}),
        ...(l.length ? { length: Number(l.length) } : {}),
      })),
    image: resolveUrl(image, base),
    // The body's own xml:lang is the most precise statement of the language we will analyse.
    language: languageOf(c?.xml?.lang, e.xml?.lang, feedLang),
    comments: resolveUrl((e.links ?? []).find((l) => l.rel === 'replies')?.href, base),
  };
}

export function adaptAtom(
  feed: Feed,
  version: string,
  docBase: string | undefined,
  dates = new DateReader(),
): Omit<ParsedFeed, 'encoding' | 'bozo' | 'bozoReasons'> {
  const base = chainBase(docBase, feed.xml?.base);
  const title = readTitle(feed.title?.value, feed.title?.type ?? 'text', chainBase(base, feed.title?.xml?.base));
  const language = languageOf(feed.xml?.lang);
  const authors = people(feed.authors, base);
  return {
    format: 'atom',
    version,
    title: title.text,
    titleHtml: title.html,
    subtitle: text(feed.subtitle, base).text,
    subtitleHtml: text(feed.subtitle, base).html,
    link: alternate(feed.links, base),
    feedUrl: resolveUrl((feed.links ?? []).find((l) => l.rel === 'self')?.href, base),
    language,
    updated: dates.iso(feed.updated),
    image: resolveUrl(feed.logo ?? feed.icon, base),
    authors,
    generator: feed.generator?.text ?? null,
    rights: feed.rights ? text(feed.rights, base).text : null,
    rightsHtml: text(feed.rights, base).html,
    items: (feed.entries ?? []).map((e) => entryOf(e, base, language, authors, dates)),
  };
}
