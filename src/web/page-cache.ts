import { createHash } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { Db } from '../store/db.js';

export interface PageCacheOptions {
  /** How long a rendered page may be served again while the store is unchanged (0: off). */
  seconds: number;
  /** Most pages kept, and most bytes in all (least recently used go first). */
  maxEntries?: number;
  maxBytes?: number;
}

interface Entry {
  version: string;
  at: number;
  status: number;
  headers: [string, string][];
  body: ArrayBuffer;
  etag: string;
}

/**
 * Serves a page rendered moments ago again while the store has not changed since: readers
 * and feed readers ask for the same few pages over and over, and rendering them is most of
 * a request's cost. A page is valid while the store's version is the one it was rendered
 * at: on SQLite this connection's total_changes() (writes by the scheduler in this process)
 * and PRAGMA data_version (commits by any other process, such as a worker); on PostgreSQL
 * the position of the server's write-ahead log (any commit moves it), so a new article
 * shows on the next request. `seconds` bounds the age anyway, because pages also show
 * relative times ("35h ago"). Every page gets a strong ETag and If-None-Match gets a 304,
 * cached or not. Only GET requests answered 200 are kept; the admin area never is.
 */
export function pageCache(db: Db, opts: PageCacheOptions, now: () => number = Date.now): MiddlewareHandler {
  const maxEntries = opts.maxEntries ?? 1000;
  const maxBytes = opts.maxBytes ?? 64 * 1024 * 1024;
  const ttl = opts.seconds * 1000;
  const entries = new Map<string, Entry>();
  let bytes = 0;
  // PostgreSQL: the write-ahead log's position, which any commit on the server moves.
  const versionSql =
    db.dialect === 'sqlite'
      ? 'SELECT total_changes() AS t, data_version AS v FROM pragma_data_version'
      : 'SELECT pg_current_wal_lsn()::text AS t, 0 AS v';
  const version = async () => {
    const r = (await db.get<{ t: number | string; v: number }>(versionSql))!;
    return `${r.t}.${r.v}`;
  };
  const drop = (key: string) => {
    const e = entries.get(key);
    if (!e) return;
    entries.delete(key);
    bytes -= e.body.byteLength;
  };
  const answer = (e: Entry, ifNoneMatch: string | undefined) => {
    const headers = new Headers(e.headers);
    headers.set('ETag', e.etag);
    if (ifNoneMatch && ifNoneMatch.split(',').some((t) => t.trim() === e.etag || t.trim() === '*')) {
      return new Response(null, { status: 304, headers });
    }
    return new Response(e.body, { status: e.status, headers });
  };

  return async (c, next) => {
    if (c.req.method !== 'GET' || c.req.path.startsWith('/admin')) return next();
    const key = c.req.url;
    const v = ttl > 0 ? await version() : '';
    const hit = entries.get(key);
    if (hit && hit.version === v && now() - hit.at < ttl) {
      // Refresh its place in the LRU order.
      entries.delete(key);
      entries.set(key, hit);
      return answer(hit, c.req.header('If-None-Match'));
    }
    if (hit) drop(key);
    await next();
    if (c.res.status !== 200) return;
    const body = await c.res.clone().arrayBuffer();
    const entry: Entry = {
      version: v,
      at: now(),
      status: c.res.status,
      headers: [...c.res.headers.entries()],
      body,
      etag: `"${createHash('sha1').update(new Uint8Array(body)).digest('base64url')}"`,
    };
    c.res = answer(entry, c.req.header('If-None-Match'));
    if (ttl <= 0 || body.byteLength > maxBytes / 8) return;
    entries.set(key, entry);
    bytes += body.byteLength;
    for (const k of entries.keys()) {
      if (entries.size <= maxEntries && bytes <= maxBytes) break;
      drop(k);
    }
  };
}
