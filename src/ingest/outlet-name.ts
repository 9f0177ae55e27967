/**
 * What a source is called when it is added. A feed's title names its outlet ("The Verge"),
 * except where the feed is titled by its bare domain ("theverge.com"), which reads as an
 * address wherever the outlet is named ("theverge.com: I tried …"): then the site's own name
 * (og:site_name, application-name) stands in, else the domain without "www.".
 */

/** A name that is a host name: "theverge.com", "www.zdnet.com", "blog.google". */
export function isBareDomain(name: string): boolean {
  return /^(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)+$/i.test(name.trim());
}

/** A host as a reader would write it: "www.zdnet.com" → "zdnet.com". */
export function readableHost(host: string): string {
  return host.trim().replace(/^www\./i, '');
}

export function outletName(o: {
  feedTitle: string | null;
  siteName?: string | null;
  /** The host of the feed, for when nothing else names it. */
  host: string;
}): string {
  const feed = o.feedTitle?.trim();
  if (feed && !isBareDomain(feed)) return feed;
  const site = o.siteName?.trim();
  if (site && !isBareDomain(site)) return site;
  return readableHost(feed || o.host);
}
