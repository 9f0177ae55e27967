import type { RdfFeed } from 'feedsmith';
import { DateReader } from '../dates.js';
import { chainBase, parsePersonString, readText, readTitle, resolveUrl } from '../text.js';
import type { ParsedFeed, ParsedItem } from '../types.js';
import { languageOf } from '../lang.js';

type Feed = RdfFeed.Feed<string>;
type Item = RdfFeed.Item<string>;

function itemOf(item: Item, feedBase: string | undefined, feedLang: string | null, dates: DateReader): ParsedItem {
  const base = chainBase(feedBase, item.xml?.base);
  const title = readTitle(item.title ?? item.dc?.titles?.[0], undefined, base);
  const summary = readText(item.description ?? item.dc?.descriptions?.[0], undefined, base);
  const encoded = item.content?.encoded;
  const url = resolveUrl(item.link, base) ?? resolveUrl(item.rdf?.about, base);
  return {
    guid: item.rdf?.about?.trim() || url,
    url,
    title: title.text,
    titleHtml: title.html,
    summaryHtml: summary.html,
    contentHtml: encoded ? readText(encoded, 'html', base).html : '',
    authors: (item.dc?.creators ?? []).map(parsePersonString).filter((a) => a.name || a.email),
    published: dates.iso(item.dc?.dates?.[0]),
    updated: null,
    categories: (item.dc?.subjects ?? []).map((s) => ({ term: s.trim() })),
    enclosures: [],
    image: null,
    language: languageOf(item.xml?.lang, item.dc?.languages?.[0], feedLang),
    comments: null,
  };
}

export function adaptRdf(
  feed: Feed,
  version: string,
  docBase: string | undefined,
  dates = new DateReader(),
): Omit<ParsedFeed, 'encoding' | 'bozo' | 'bozoReasons'> {
  const base = chainBase(docBase, feed.xml?.base);
  const title = readTitle(feed.title ?? feed.dc?.titles?.[0], undefined, base);
  const language = languageOf(feed.dc?.languages?.[0], feed.xml?.lang);
  return {
    format: 'rdf',
    version,
    title: title.text,
    titleHtml: title.html,
    subtitle: readText(feed.description, undefined, base).text,
    subtitleHtml: readText(feed.description, undefined, base).html,
    link: resolveUrl(feed.link, base),
    feedUrl: null,
    language,
    updated: dates.iso(feed.dc?.dates?.[0]),
    image: resolveUrl(feed.image?.url, base),
    authors: (feed.dc?.creators ?? []).map(parsePersonString),
    generator: null,
    rights: feed.dc?.rights?.[0] ?? null,
    rightsHtml: readText(feed.dc?.rights?.[0] ?? undefined, undefined, base).html,
    items: (feed.items ?? []).map((i) => itemOf(i, base, language, dates)),
  };
}
