// The long patterns are String.raw pieces joined into one RegExp, to keep lines short.

/** Query parameters that identify a campaign or a click, never the article. */
const TRACKING = new RegExp(
  String.raw`^(utm_[a-z_]+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|_hsenc|_hsmi|hsctatracking|mkt_tok|` +
    String.raw`igshid|yclid|ref|ref_src|ref_url|source|cmpid|ncid|sr_share|s_cid|at_medium|at_campaign|` +
    String.raw`oly_enc_id|oly_anon_id|vero_id|wt_mc|spm|__s|rss|feed)$`,
  'i',
);

/**
 * The URL two feeds would agree on for one article: lowercase scheme and host, no default
 * port, no fragment, no tracking parameters, remaining parameters sorted, no trailing slash.
 */
export function canonicalUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  let u: URL;
  try {
    u = new URL(url.trim());
  } catch {
    return null;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
  u.hash = '';
  u.hostname = u.hostname.toLowerCase().replace(/^www\./, '');
  if ((u.protocol === 'http:' && u.port === '80') || (u.protocol === 'https:' && u.port === '443')) u.port = '';
  const kept = [...u.searchParams.entries()].filter(([k]) => !TRACKING.test(k)).sort(([a], [b]) => a.localeCompare(b));
  u.search = '';
  for (const [k, v] of kept) u.searchParams.append(k, v);
  let s = u.href;
  if (u.pathname.length > 1 && s.endsWith('/') && !u.search) s = s.slice(0, -1);
  // http and https versions of one page are one article.
  return s.replace(/^http:/, 'https:');
}
