import type { MiddlewareHandler } from 'hono';

/** Our pages carry no scripts and load nothing from elsewhere but images. */
const CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src https: http: data:; media-src https: " +
  'http:; frame-src https://www.youtube.com https://www.youtube-nocookie.com ' +
  "https://player.vimeo.com; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

/** The headers every answer carries, pages, feeds, the API and errors alike. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

/**
 * Sets the security headers before the route runs, so that the answer it builds through the
 * context (c.html, c.json, c.body, c.redirect) is made with them at once. Set after it, as
 * before, each header copied the finished answer into a new Response, and reading the body to
 * copy it turned the page's string into a stream: the server then wrote it in chunks instead
 * of in one write with its Content-Length. An answer built outside the context (a cached page,
 * an HTTPException's own) lacks them and gets them afterwards the old way.
 */
export const securityHeaders: MiddlewareHandler = async (c, next) => {
  for (const name in SECURITY_HEADERS) c.header(name, SECURITY_HEADERS[name]);
  await next();
  if (c.res.headers.get('Content-Security-Policy') === CSP) return;
  for (const name in SECURITY_HEADERS) c.header(name, SECURITY_HEADERS[name]);
};
