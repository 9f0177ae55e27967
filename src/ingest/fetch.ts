import http from 'node:http';
import https from 'node:https';
import zlib from 'node:zlib';
import type { Readable } from 'node:stream';
import { checkLiteralHost, guardedLookup } from './address-guard.js';
import { HostGate, type SharedHostSlots } from './host-gate.js';
import { networkCause } from './network-cause.js';

export interface HttpOptions {
  userAgent: string;
  connectTimeoutMs: number;
  totalTimeoutMs: number;
  maxBodyBytes: number;
  maxDecompressedBytes: number;
  maxRedirects: number;
  hostDelayMs: number;
  fetchConcurrency: number;
  allowPrivate: boolean;
}

export interface GetOptions {
  etag?: string | null;
  lastModified?: string | null;
  accept?: string;
  /**
   * A host that may be private for this request (the host of a source the user marked so).
   * Only that host: a redirect or a link from it to another private address is still
   * refused, so an allowed intranet feed cannot point us at 169.254.169.254.
   */
  allowPrivateHost?: string;
}

export interface HttpResponse {
  /** The URL after redirects. */
  url: string;
  status: number;
  notModified: boolean;
  headers: Record<string, string>;
  contentType: string;
  body: Buffer;
}

export type FetchErrorCode =
  | 'timeout'
  | 'blocked-address'
  | 'too-large'
  | 'too-many-redirects'
  | 'http-status'
  | 'network'
  | 'bad-url';

/** A failure with a message that names the URL and the cause, fit to show on the source's health page. */
export class FetchError extends Error {
  override name = 'FetchError';
  constructor(
    message: string,
    readonly code: FetchErrorCode,
    readonly status?: number,
    readonly retryAfterMs?: number,
    /** The system's error code for a network failure (ENOTFOUND, ECONNREFUSED…): tells "offline" from one bad host. */
    readonly systemCode?: string,
  ) {
    super(message);
  }
}

export interface HttpClient {
  get(url: string, opts?: GetOptions): Promise<HttpResponse>;
}

/** Parses Retry-After (seconds or an HTTP date) into milliseconds from now. */
export function parseRetryAfter(value: string | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const t = Date.parse(value);
  return Number.isNaN(t) ? undefined : Math.max(0, t - now);
}

/**
 * The one HTTP client every stage fetches through: conditional GET, connect and total
 * timeouts, caps on the body before and after decompression, a bounded number of
 * redirects (each checked by the address guard), per-host politeness and a global cap.
 * With `shared`, the per-host politeness holds across processes too (the workers).
 */
export function createHttpClient(o: HttpOptions, shared?: SharedHostSlots): HttpClient {
  const gate = new HostGate({ hostDelayMs: o.hostDelayMs, concurrency: o.fetchConcurrency, shared });

  async function get(url: string, opts: GetOptions = {}): Promise<HttpResponse> {
    let current = url;
    for (let hop = 0; hop <= o.maxRedirects; hop++) {
      let parsed: URL;
      try {
        parsed = new URL(current);
      } catch {
        throw new FetchError(`fetch: not a URL: ${current}`, 'bad-url');
      }
      if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
        throw new FetchError(`fetch: only http and https are fetched, not ${parsed.protocol} (${current})`, 'bad-url');
      }
      const allowPrivate =
        o.allowPrivate || (opts.allowPrivateHost !== undefined && parsed.hostname === opts.allowPrivateHost);
      try {
        checkLiteralHost(parsed.hostname, allowPrivate);
      } catch (e) {
        throw new FetchError((e as Error).message, 'blocked-address');
      }
      // Conditional headers only make sense for the URL they were stored for.
      const conditional = hop === 0 ? opts : { accept: opts.accept };
      const res = await gate.run(parsed.host, () => requestOnce(parsed, conditional, allowPrivate));
      if (res.status >= 300 && res.status < 400 && res.status !== 304 && res.location) {
        current = new URL(res.location, current).href;
        continue;
      }
      return { ...res, url: current };
    }
    throw new FetchError(`fetch: more than ${o.maxRedirects} redirects from ${url}`, 'too-many-redirects');
  }

  function requestOnce(
    u: URL,
    opts: GetOptions,
    allowPrivate: boolean,
  ): Promise<Omit<HttpResponse, 'url'> & { location?: string }> {
    const headers: Record<string, string> = {
      'user-agent': o.userAgent,
      accept:
        opts.accept ??
        'application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.8',
      'accept-encoding': 'gzip, deflate, br',
    };
    if (opts.etag) headers['if-none-match'] = opts.etag;
    if (opts.lastModified) headers['if-modified-since'] = opts.lastModified;
    const lib = u.protocol === 'https:' ? https : http;

    return new Promise((resolve, reject) => {
      let settled = false;
      const fail = (err: FetchError) => {
        if (settled) return;
        settled = true;
        clearTimeout(totalTimer);
        clearTimeout(connectTimer);
        req.destroy();
        reject(err);
      };
      const req = lib.request(u, {
        method: 'GET',
        headers,
        lookup: guardedLookup(allowPrivate) as never,
        agent: false,
      });
      const totalTimer = setTimeout(
        () => fail(new FetchError(`fetch: no complete answer from ${u.href} within ${o.totalTimeoutMs} ms`, 'timeout')),
        o.totalTimeoutMs,
      );
      const connectTimer = setTimeout(
        () => fail(new FetchError(`fetch: could not connect to ${u.host} within ${o.connectTimeoutMs} ms`, 'timeout')),
        o.connectTimeoutMs,
      );
      req.on('socket', (s) => {
        const connected = () => clearTimeout(connectTimer);
        if (!s.connecting) connected();
        s.once('connect', connected);
        s.once('secureConnect', connected);
      });
      req.on('error', (e: NodeJS.ErrnoException) => {
        if (e.name === 'BlockedAddressError') return fail(new FetchError(e.message, 'blocked-address'));
        fail(
          new FetchError(`fetch: ${u.href}: ${networkCause(e, u.hostname)}`, 'network', undefined, undefined, e.code),
        );
      });
      req.on('response', (res) => {
        clearTimeout(connectTimer);
        const status = res.statusCode ?? 0;
        const hdrs: Record<string, string> = {};
        for (const [k, v] of Object.entries(res.headers))
          if (v !== undefined) hdrs[k] = Array.isArray(v) ? v.join(', ') : v;
        const contentType = hdrs['content-type'] ?? '';
        if (status >= 300 && status < 400 && status !== 304) {
          res.resume();
          settled = true;
          clearTimeout(totalTimer);
          return resolve({
            status,
            notModified: false,
            headers: hdrs,
            contentType,
            body: Buffer.alloc(0),
            location: hdrs['location'],
          });
        }
        if (status === 304) {
          res.resume();
          settled = true;
          clearTimeout(totalTimer);
          return resolve({ status, notModified: true, headers: hdrs, contentType, body: Buffer.alloc(0) });
        }
        if (status < 200 || status >= 300) {
          res.resume();
          const retry = status === 429 || status === 503 ? parseRetryAfter(hdrs['retry-after']) : undefined;
          return fail(
            new FetchError(
              `fetch: HTTP ${status} ${res.statusMessage ?? ''} from ${u.href}`.trim(),
              'http-status',
              status,
              retry,
            ),
          );
        }
        const declared = Number(hdrs['content-length']);
        if (Number.isFinite(declared) && declared > o.maxBodyBytes) {
          return fail(
            new FetchError(`fetch: ${u.href} is ${declared} bytes, over the ${o.maxBodyBytes}-byte cap`, 'too-large'),
          );
        }
        let raw = 0;
        res.on('data', (c: Buffer) => {
          raw += c.length;
          if (raw > o.maxBodyBytes)
            fail(new FetchError(`fetch: ${u.href} sent more than the ${o.maxBodyBytes}-byte cap`, 'too-large'));
        });
        let stream: Readable = res;
        const enc = (hdrs['content-encoding'] ?? '').toLowerCase().trim();
        if (enc === 'gzip' || enc === 'x-gzip') stream = res.pipe(zlib.createGunzip());
        else if (enc === 'deflate') stream = res.pipe(zlib.createInflate());
        else if (enc === 'br') stream = res.pipe(zlib.createBrotliDecompress());
        const chunks: Buffer[] = [];
        let size = 0;
        stream.on('data', (c: Buffer) => {
          size += c.length;
          if (size > o.maxDecompressedBytes) {
            fail(
              new FetchError(`fetch: ${u.href} decompresses to more than ${o.maxDecompressedBytes} bytes`, 'too-large'),
            );
            stream.destroy();
            return;
          }
          chunks.push(c);
        });
        stream.on('error', (e) =>
          fail(new FetchError(`fetch: ${u.href}: bad ${enc || 'body'} encoding: ${e.message}`, 'network')),
        );
        res.on('aborted', () => fail(new FetchError(`fetch: ${u.href}: connection closed mid-body`, 'network')));
        stream.on('end', () => {
          if (settled) return;
          settled = true;
          clearTimeout(totalTimer);
          resolve({ status, notModified: false, headers: hdrs, contentType, body: Buffer.concat(chunks) });
        });
      });
      req.end();
    });
  }

  return { get };
}
