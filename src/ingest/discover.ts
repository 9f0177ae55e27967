import { Parser } from 'htmlparser2';
import { sniffFormat } from './feeds/parse.js';
import type { HttpClient } from './fetch.js';

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

export async function resolveFeedUrl(http: HttpClient, url: string, allowPrivate: boolean): Promise<{ feedUrl: string; siteUrl: string | null; title: string | null }> {
  const res = await http.get(url, { ...(allowPrivate ? { allowPrivateHost: hostOf(url) } : {}), accept: 'text/html, application/rss+xml, application/atom+xml, application/feed+json, */*;q=0.5' });
  const text = new TextDecoder().decode(res.body.subarray(0, 64 * 1024));
  const sniff = sniffFormat(text);
  if (sniff.format !== 'html' && sniff.format !== 'unknown') return { feedUrl: res.url, siteUrl: null, title: null };
  const feeds = findFeedLinks(new TextDecoder().decode(res.body), res.url).filter((f) => !/comments/i.test(f.url) && !/comments/i.test(f.title ?? ''));
  const first = feeds[0];
  if (!first) throw new DiscoveryError(`discover: ${res.url} is a web page that announces no feed (no <link rel="alternate" type="application/rss+xml">)`);
  const title = /<title[^>]*>([^<]*)<\/title>/i.exec(text)?.[1]?.trim() ?? null;
  return { feedUrl: first.url, siteUrl: res.url, title };
}
