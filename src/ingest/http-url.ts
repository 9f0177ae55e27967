/**
 * The URL if it is an absolute http(s) URL, else null. Links from outside (feed items,
 * OPML, pages) pass this before they are stored or put in an href: javascript:, data:,
 * vbscript: and friends never become links, however they are cased or padded.
 */
export function httpUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url.trim());
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}
