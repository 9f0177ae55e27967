import { Parser } from 'htmlparser2';
import { sniffFormat } from './feeds/parse.js';
import { FetchError, type HttpClient } from './fetch.js';
import { BlockedAddressError, checkPublicHost } from './address-guard.js';

const FEED_TYPES = /^application\/(rss|atom|feed|rdf)\+(xml|json)$|^application\/(x\.)?(rss|atom)(\+xml)?$|^application\/json$/i;

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

/**
 * Given a feed URL, returns it; given a site URL, finds its feed. The first announced feed
 * wins (sites list their main feed first), Atom/RSS before comment feeds.
 */
function hostOf(url: string): string | undefined {
  try {
    return new URL(url).hostname;
  } catch {
    return undefined;
  }
}

/** "host (address)" out of the address guard's refusal. */
const refusedTarget = (message: string) => /refused (.+? \([^)]*\))/.exec(message)?.[1] ?? message;
const onlyTyped = (typed: string | undefined) => `--allow-private covers only the host you typed, ${typed}: add that feed by its own URL if you trust its host`;

export interface ResolvedFeed {
  feedUrl: string;
  siteUrl: string | null;
  title: string | null;
  /** The feed is on the host the user typed: only then may a source marked "allow private" keep that allowance. */
  onTypedHost: boolean;
}

/**
 * With `allowPrivate`, only the host the user typed may be private: a redirect to another
 * private host, or a page announcing a feed on one, is refused here, at add time, with a
 * message saying so, rather than stored as a source that may reach it from then on.
 * `anyPrivate`: the user allowed every private address (ALMANAC_ALLOW_PRIVATE): nothing to refuse.
 */
export async function resolveFeedUrl(http: HttpClient, url: string, allowPrivate: boolean, opts: { anyPrivate?: boolean } = {}): Promise<ResolvedFeed> {
  const typed = hostOf(url);
  let res: Awaited<ReturnType<HttpClient['get']>>;
  try {
    res = await http.get(url, { ...(allowPrivate ? { allowPrivateHost: typed } : {}), accept: 'text/html, application/rss+xml, application/atom+xml, application/feed+json, */*;q=0.5' });
  } catch (e) {
    // The typed host was allowed, so what was refused is a redirect away from it.
    if (allowPrivate && e instanceof FetchError && e.code === 'blocked-address') throw new DiscoveryError(`discover: ${url} redirects to ${refusedTarget(e.message)}, a private address on another host; ${onlyTyped(typed)}`);
    throw e;
  }
  const onTypedHost = (feedUrl: string) => hostOf(feedUrl) === typed;
  const text = new TextDecoder().decode(res.body.subarray(0, 64 * 1024));
  const sniff = sniffFormat(text);
  if (sniff.format !== 'html' && sniff.format !== 'unknown') return { feedUrl: res.url, siteUrl: null, title: null, onTypedHost: onTypedHost(res.url) };
  const feeds = findFeedLinks(new TextDecoder().decode(res.body), res.url).filter((f) => !/comments/i.test(f.url) && !/comments/i.test(f.title ?? ''));
  const first = feeds[0];
  if (!first) throw new DiscoveryError(`discover: ${res.url} is a web page that announces no feed (no <link rel="alternate" type="application/rss+xml">)`);
  if (allowPrivate && !opts.anyPrivate && !onTypedHost(first.url)) {
    try {
      await checkPublicHost(hostOf(first.url) ?? '');
    } catch (e) {
      if (!(e instanceof BlockedAddressError)) throw new DiscoveryError(`discover: the feed ${first.url} that ${res.url} announces: ${(e as Error).message}`);
      throw new DiscoveryError(`discover: ${res.url} announces the feed ${first.url}, on ${refusedTarget(e.message)}, a private address on another host; ${onlyTyped(typed)}`);
    }
  }
  const title = /<title[^>]*>([^<]*)<\/title>/i.exec(text)?.[1]?.trim() ?? null;
  return { feedUrl: first.url, siteUrl: res.url, title, onTypedHost: onTypedHost(first.url) };
}
