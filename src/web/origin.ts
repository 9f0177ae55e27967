import type { Context } from 'hono';
import type { TLSSocket } from 'node:tls';

/** Where readers reach us, as configured (ALMANAC_PUBLIC_URL, ALMANAC_TRUST_PROXY). */
export interface PublicSite {
  /** The base of absolute links, without a trailing slash; none: the server's own listening address. */
  publicUrl?: string;
  /** Believe X-Forwarded-Proto (set only behind a proxy that overwrites it). */
  trustProxy?: boolean;
}

type Socket = Partial<Pick<TLSSocket, 'localAddress' | 'localPort' | 'encrypted'>>;
const socketOf = (c: Context): Socket | undefined =>
  (c.env as { incoming?: { socket?: Socket } } | undefined)?.incoming?.socket;

/**
 * The base of the absolute links in feeds and the API description: the configured public
 * URL, else the address and port this connection reached. Never the Host header: a client
 * that sends its own would otherwise put its host in links others read (a cached feed).
 * app.request() (tests, `almanac render`) has no socket and no client: its URL's origin.
 */
export function publicOrigin(c: Context, site: PublicSite): string {
  if (site.publicUrl) return site.publicUrl;
  const s = socketOf(c);
  if (!s?.localAddress || !s.localPort) return new URL(c.req.url).origin;
  const addr = s.localAddress.replace(/^::ffff:(?=\d+\.)/, '');
  return `${s.encrypted ? 'https' : 'http'}://${addr.includes(':') ? `[${addr}]` : addr}:${s.localPort}`;
}

/** Whether the client's connection is TLS: ours, or a trusted proxy's (X-Forwarded-Proto), or a public URL that is https. */
export function overTls(c: Context, site: PublicSite): boolean {
  if (site.publicUrl?.startsWith('https:')) return true;
  const s = socketOf(c);
  if (s?.encrypted) return true;
  if (site.trustProxy && c.req.header('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase() === 'https')
    return true;
  return !s && new URL(c.req.url).protocol === 'https:';
}
