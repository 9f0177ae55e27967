import { serve } from '@hono/node-server';
import type { Hono } from 'hono';
import type { Clock } from '../clock.js';
import type { Config } from '../config.js';
import type { Db } from '../store/db.js';
import { resolveFeedUrl } from '../ingest/discover.js';
import type { HttpClient } from '../ingest/fetch.js';
import { createApp, type WebDeps } from '../web/app.js';
import { listenFailure } from './listen-check.js';

/**
 * The web app as `serve` runs it, from the store owner's settings: one place for the single
 * process and for each web worker of `serve --workers`, so both serve the same app.
 */
export function webAppFor(config: Config, db: Db, clock: Clock, admin?: WebDeps['admin']): Hono {
  return createApp({
    db,
    clock,
    rateLimit: { perMinute: config.rateLimitPerMinute, burst: config.rateLimitBurst },
    pageCache: { seconds: config.pageCacheS },
    site: { ...(config.publicUrl ? { publicUrl: config.publicUrl } : {}), trustProxy: config.trustProxy },
    ...(admin ? { admin } : {}),
  });
}

/** Serves `app` on host:port; a port that cannot be listened on rejects with the user's one line (listenFailure). */
export function listenOn(app: Hono, host: string, port: number): Promise<{ url: string; close(): Promise<void> }> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port, hostname: host }, (info) =>
      resolve({ url: `http://${host}:${info.port}/`, close: () => new Promise<void>((r) => server.close(() => r())) }),
    );
    server.on('error', (e: NodeJS.ErrnoException) => reject(listenFailure(e, host, port)));
  });
}

/** The admin's "find the feed of this URL", with the store owner's private-address setting. */
export const discoverWith = (http: HttpClient, allowPrivate: boolean) => (url: string) =>
  resolveFeedUrl(http, url, allowPrivate, { anyPrivate: allowPrivate });
