import type { RssFeed } from 'feedsmith';
import { DateReader } from '../dates.js';
import { chainBase, parsePersonString, readText, readTitle, resolveUrl } from '../text.js';
import type { ParsedFeed, ParsedItem, Person } from '../types.js';
import { languageOf } from '../lang.js';
import { pairItems, type RssExtras, type RssItemExtras } from '../rss-extras.js';

type Feed = RssFeed.Feed<string>;
type Item = RssFeed.Item<string>;

/** The Media RSS parts we read (feedsmith types them loosely across versions). */
interface MediaOf {
  title?: { value?: string };
  description?: { value?: string };
  thumbnails?: Array<{ url?: string }>;
  contents?: Array<{ url?: string; medium?: string; type?: string }>;
  categories?: Array<{ name?: string; scheme?: string; label?: string }>;
}

/** feedsmith splits "Name (email)" already; otherwise the one string is parsed as a person. */
function personOf(a: { name?: string; email?: string }): Person {
  return a.name && a.email ? { name: a.name.trim(), email: a.email.trim() } : parsePersonString(a.name ?? a.email);
}

/** Media RSS's default category scheme (its specification, "media:category"). */
const MEDIA_CATEGORY_SCHEME = 'http://search.yahoo.com/mrss/category_schema';
const ITUNES_SCHEME = 'http://www.itunes.com/';

/**
 * The item's summary and full text. Where an item has both <description> and a
 * non-standard <summary>, the first is the summary and the other the content, as readers
 * have long done; <body> and <fullitem> are full text when content:encoded is absent.
 */
function bodyOf(item: Item, x: RssItemExtras | undefined, media: MediaOf | undefined) {
  let summary =
    item.description ??
    item.dc?.descriptions?.[0] ??
    item.itunes?.summary ??
    item.itunes?.subtitle ??
    media?.description?.value;
  let content = item.content?.encoded ?? x?.bodyHtml ?? x?.fullitemHtml;
  if (x?.summary !== undefined) {
    if (item.description === undefined) summary = x.summary;
    else if (x.summaryFirst) [summary, content] = [x.summary, content ?? item.description];
    else content ??= x.summary;
  }
  return { summary, content };
}

function itemOf(
  item: Item,
  feedBase: string | undefined,
  feedLang: string | null,
  dates: DateReader,
  x?: RssItemExtras,
): ParsedItem {
  const base = chainBase(feedBase, item.xml?.base);
  const media = item.media as MediaOf | undefined;
  // Podcast and media feeds often carry their text only in the iTunes or Media RSS elements.
  const title = readTitle(item.title ?? item.dc?.titles?.[0] ?? media?.title?.value, undefined, base);
  const body = bodyOf(item, x, media);
  const summary = readText(body.summary, undefined, base);
  const content = body.content ? readText(body.content, 'html', base) : undefined;
  const authors: Person[] = [];
  for (const a of item.authors ?? []) authors.push({ ...personOf(a), ...(a.link ? { url: a.link } : {}) });
  for (const c of item.dc?.creators ?? []) authors.push(parsePersonString(c));
  for (const c of x?.dcAuthors ?? []) authors.push(parsePersonString(c));
  for (const a of item.itunes?.author ? [item.itunes.author] : []) if (!authors.length) authors.push({ name: a });
  const guid = item.guid?.value?.trim() || null;
  const link =
    resolveUrl(item.link, base) ?? (item.guid?.isPermaLink !== false && guid && /^https?:/i.test(guid) ? guid : null);
  const image =
    item.itunes?.image ??
    x?.image ??
    media?.thumbnails?.[0]?.url ??
    media?.contents?.find((c) => c.medium === 'image' || c.type?.startsWith('image/'))?.url ??
    item.enclosures?.find((e) => e.type?.startsWith('image/'))?.url;
  return {
    guid,
    url: link,
    title: title.text,
    titleHtml: title.html,
    summaryHtml: summary.html,
    contentHtml: content?.html ?? '',
    authors: authors.filter((a) => a.name || a.email),
    published: dates.iso(
      item.pubDate ?? item.dc?.dates?.[0] ?? item.dcterms?.issued?.[0] ?? item.dcterms?.created?.[0],
    ),
    updated: dates.iso(item.dcterms?.modified?.[0] ?? item.atom?.updated),
    categories: [
      ...(x?.tags ?? []).map((term) => ({ term })),
      ...(item.categories ?? [])
        .filter((c) => c.name)
        .map((c) => ({ term: c.name!.trim(), ...(c.domain ? { scheme: c.domain } : {}) })),
      ...(item.dc?.subjects ?? []).map((s) => ({ term: s.trim() })),
      ...(media?.categories ?? [])
        .filter((c) => c.name)
        .map((c) => ({
          term: c.name!.trim(),
          scheme: c.scheme ?? MEDIA_CATEGORY_SCHEME,
          ...(c.label ? { label: c.label } : {}),
        })),
      ...(x?.itunesCategories ?? []).map((term) => ({ term, scheme: ITUNES_SCHEME })),
    ],
    enclosures: (item.enclosures ?? [])
      .filter((e) => e.url)
      .map((e) => ({
        url: resolveUrl(e.url, base) ?? e.url!,
        ...(e.type ? { type: e.type } : {}),
        ...(e.length ? { length: Number(e.length) } : {}),
      })),
    image: resolveUrl(image, base),
    // The full text's own xml:lang (or its ancestors') is the most precise statement of the language we will analyse.
    language: languageOf(x?.contentLang, item.xml?.lang, item.dc?.languages?.[0], feedLang),
    comments: resolveUrl(item.comments, base),
  };
}

export function adaptRss(
  feed: Feed,
  version: string,
  docBase: string | undefined,
  extras?: RssExtras,
  dates = new DateReader(),
): Omit<ParsedFeed, 'encoding' | 'bozo' | 'bozoReasons'> {
  const base = chainBase(docBase, feed.xml?.base);
  const title = readTitle(feed.title ?? feed.dc?.titles?.[0], undefined, base);
  const language = languageOf(feed.language, feed.dc?.languages?.[0], feed.xml?.lang);
  const editor = feed.managingEditor ?? feed.webMaster;
  const authors: Person[] = editor ? [personOf(editor)] : [];
  for (const c of feed.dc?.creators ?? []) authors.push(parsePersonString(c));
  if (feed.itunes?.author) authors.push({ name: feed.itunes.author });
  for (const a of extras?.authors ?? []) authors.push(parsePersonString(a));
  const selfLink = feed.atom?.links?.find((l) => l.rel === 'self')?.href;
  return {
    format: 'rss',
    version,
    title: title.text,
    titleHtml: title.html,
    subtitle: readText(
      feed.description ?? feed.dc?.descriptions?.[0] ?? feed.itunes?.summary ?? feed.itunes?.subtitle,
      undefined,
      base,
    ).text,
    subtitleHtml: readText(
      feed.description ?? feed.dc?.descriptions?.[0] ?? feed.itunes?.summary ?? feed.itunes?.subtitle,
      undefined,
      base,
    ).html,
    link: resolveUrl(feed.link, base),
    feedUrl: resolveUrl(selfLink, base),
    language,
    updated: dates.iso(feed.lastBuildDate ?? feed.pubDate ?? feed.dc?.dates?.[0] ?? feed.dcterms?.modified?.[0]),
    image: resolveUrl(feed.image?.url ?? feed.itunes?.image ?? extras?.image, base),
    authors: authors.filter((a) => a.name || a.email),
    generator: feed.generator ?? null,
    rights: feed.copyright ?? feed.dc?.rights?.[0] ?? null,
    rightsHtml: readText(feed.copyright ?? feed.dc?.rights?.[0] ?? undefined, undefined, base).html,
    items: pairItems(feed.items ?? [], extras?.items).map(({ item, extra }) =>
      itemOf(item ?? {}, base, language, dates, extra),
    ),
  };
}
