import { Parser } from 'htmlparser2';
import { FeedError, parseFeed, sniffFormat } from './feeds/parse.js';
import { httpUrl } from './http-url.js';
import { FetchError, type HttpClient } from './fetch.js';
import { BlockedAddressError, checkPublicHost } from './address-guard.js';
import { isBareDomain, outletName } from './outlet-name.js';

const FEED_TYPES =
  /^application\/(rss|atom|feed|rdf)\+(xml|json)$|^application\/(x\.)?(rss|atom)(\+xml)?$|^application\/json$/i;

export interface DiscoveredFeed {
  url: string;
  title: string | null;
  type: string;
}

/** Feeds a page announces with <link rel="alternate" type="application/rss+xml" href="…">. */
export function findFeedLinks(html: string, pageUrl: string): DiscoveredFeed[] {
  const found: DiscoveredFeed[] = [];
  let base = pageUrl;
  const parser = new Parser({
    onopentag(name, a) {
      if (name === 'base' && a['href']) base = new URL(a['href'], pageUrl).href;
      if (name !== 'link' || !a['href'] || !a['type']) return;
      const rels = (a['rel'] ?? '').toLowerCase().split(/\s+/);
      if (!rels.includes('alternate') || !FEED_TYPES.test(a['type'].trim())) return;
      try {
        found.push({ url: new URL(a['href'], base).href, title: a['title'] ?? null, type: a['type'] });
      } catch {
        // an unusable href: skip it
      }
    },
  });
  parser.write(html.slice(0, 512 * 1024));
  parser.end();
  return found.filter((f, i) => found.findIndex((g) => g.url === f.url) === i);
}

export class DiscoveryError extends Error {
  override name = 'DiscoveryError';
}

function hostOf(url: string): string | undefined {
  try {
    return new URL(url).hostname;
  } catch {
    return undefined;
  }
}

/** "host (address)" out of the address guard's refusal. */
const refusedTarget = (message: string) => /refused (.+? \([^)]*\))/.exec(message)?.[1] ?? message;
const onlyTyped = (typed: string | undefined) =>
  `--allow-private covers only the host you typed, ${typed}: add that feed by its own URL if you trust its host`;

/** What adding a source by URL learns: the feed, the site it belongs to, and their names. */
export interface FoundFeed {
  feedUrl: string;
  /** The site's home page: the page the feed was found on, or the feed's own <link>. */
  siteUrl: string | null;
  /** The feed's own title, else the page's: what the source is called. */
  title: string | null;
  /** The site's name (og:site_name, else the title): what the source's id is made from. */
  siteName: string | null;
  /** The web page the feed was announced on, when the URL given was a page. */
  foundOn: string | null;
  /** The feed is on the host the user typed: only then may a source marked "allow private" keep that allowance. */
  onTypedHost: boolean;
}

const ACCEPT_ANY = 'text/html, application/rss+xml, application/atom+xml, application/feed+json, */*;q=0.5';

/** A feed's title and home page, or nulls when the document does not read as a feed. */
/** The feed's title and site link; a document that only looked like a feed is refused with why, before it is followed. */
function feedNames(body: Uint8Array, url: string, contentType: string): { title: string | null; link: string | null } {
  try {
    const feed = parseFeed(body, { url, contentType });
    return { title: feed.title.trim().slice(0, 200) || null, link: httpUrl(feed.link) };
  } catch (e) {
    if (e instanceof FeedError) throw new DiscoveryError(`discover: ${url}: ${e.message.replace(/^feeds: /, '')}`);
    throw e;
  }
}

/** The text of the page's <title>, and its og:site_name / application-name when it gives one. */
function pageNames(html: string): { title: string | null; siteName: string | null } {
  let title: string | null = null;
  let siteName: string | null = null;
  let inTitle = false;
  const parser = new Parser(
    {
      onopentag(name, a) {
        if (name === 'title' && title === null) inTitle = true;
        const key = (a['property'] ?? a['name'] ?? '').toLowerCase();
        if (
          name === 'meta' &&
          !siteName &&
          (key === 'og:site_name' || key === 'application-name') &&
          a['content']?.trim()
        )
          siteName = a['content'].trim().slice(0, 200);
      },
      ontext(t) {
        if (inTitle) title = (title ?? '') + t;
      },
      onclosetag(name) {
        if (name === 'title') inTitle = false;
      },
    },
    { decodeEntities: true },
  );
  parser.write(html.slice(0, 64 * 1024));
  parser.end();
  const t = (title as string | null)?.replace(/\s+/g, ' ').trim().slice(0, 200) || null;
  return { title: t, siteName };
}

/**
 * Given a feed URL, returns it with its title; given a site URL, finds its feed (the first
 * announced wins: sites list their main feed first, and comment feeds are skipped) and reads
 * the feed's title from the feed itself, as feed readers do. When the feed cannot be read
 * now, the page's names stand in.
 *
 * With `allowPrivate`, only the host the user typed may be private: a redirect to another
 * private host, or a page announcing a feed on one, is refused here, at add time, with a
 * message saying so, rather than stored as a source that may reach it from then on.
 * `anyPrivate`: the user allowed every private address (ALMANAC_ALLOW_PRIVATE): nothing to refuse.
 */
export async function resolveFeedUrl(
  http: HttpClient,
  url: string,
  allowPrivate: boolean,
  opts: { anyPrivate?: boolean } = {},
): Promise<FoundFeed> {
  const typed = hostOf(url);
  const get = (u: string) => http.get(u, { ...(allowPrivate ? { allowPrivateHost: typed } : {}), accept: ACCEPT_ANY });
  let res: Awaited<ReturnType<HttpClient['get']>>;
  try {
    res = await get(url);
  } catch (e) {
    // The typed host was allowed, so what was refused is a redirect away from it.
    if (allowPrivate && e instanceof FetchError && e.code === 'blocked-address')
      throw new DiscoveryError(
        `discover: ${url} redirects to ${refusedTarget(e.message)}, a private address on another host; ${onlyTyped(typed)}`,
      );
    throw e;
  }
  const onTypedHost = (feedUrl: string) => hostOf(feedUrl) === typed;
  const text = new TextDecoder().decode(res.body.subarray(0, 64 * 1024));
  const sniff = sniffFormat(text);
  if (sniff.format !== 'html' && sniff.format !== 'unknown') {
    const names = feedNames(res.body, res.url, res.contentType);
    // A feed titled by its bare domain: its site's home page may say the outlet's name (one more request, at add time only).
    const site =
      names.title && isBareDomain(names.title) && names.link
        ? await get(names.link).then(
            (r) => pageNames(new TextDecoder().decode(r.body)).siteName,
            () => null,
          )
        : null;
    const title = names.title
      ? outletName({ feedTitle: names.title, siteName: site, host: hostOf(res.url) ?? '' })
      : null;
    return {
      feedUrl: res.url,
      siteUrl: names.link,
      title,
      siteName: title,
      foundOn: null,
      onTypedHost: onTypedHost(res.url),
    };
  }
  const html = new TextDecoder().decode(res.body);
  const feeds = findFeedLinks(html, res.url).filter(
    (f) => !/comments/i.test(f.url) && !/comments/i.test(f.title ?? ''),
  );
  const first = feeds[0];
  if (!first)
    throw new DiscoveryError(
      `discover: ${res.url} is a web page that announces no feed (no <link rel="alternate" type="application/rss+xml">)`,
    );
  if (allowPrivate && !opts.anyPrivate && !onTypedHost(first.url)) {
    try {
      await checkPublicHost(hostOf(first.url) ?? '');
    } catch (e) {
      if (!(e instanceof BlockedAddressError))
        throw new DiscoveryError(`discover: the feed ${first.url} that ${res.url} announces: ${(e as Error).message}`);
      throw new DiscoveryError(
        `discover: ${res.url} announces the feed ${first.url}, on ${refusedTarget(e.message)}, a private address on another host; ${onlyTyped(typed)}`,
      );
    }
  }
  const page = pageNames(html);
  // A feed announced that answers with something else is refused; one that cannot be fetched now (down, offline) is
  // added, and its source's health will say why.
  const feed = await get(first.url).then(
    (r) => feedNames(r.body, r.url, r.contentType),
    () => ({ title: null, link: null }),
  );
  return {
    feedUrl: first.url,
    siteUrl: res.url,
    title:
      feed.title || page.siteName
        ? outletName({ feedTitle: feed.title, siteName: page.siteName, host: hostOf(res.url) ?? '' })
        : page.title,
    siteName: page.siteName ?? feed.title ?? page.title,
    foundOn: res.url,
    onTypedHost: onTypedHost(first.url),
  };
}
