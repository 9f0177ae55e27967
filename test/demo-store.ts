import { Hono } from 'hono';
import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { loadCorpus } from '../src/demo/corpus.js';
import { mountDemoFeeds } from '../src/demo/feed-server.js';
import { DEMO_SOURCES } from '../src/demo/sources.js';
import { fetchDueSources } from '../src/pipeline/fetch-sources.js';
import { processPending } from '../src/pipeline/process.js';
import type { Db } from '../src/store/db.js';
import { upsertSource } from '../src/store/sources.js';
import { testDeps } from './helpers.js';

/** The demo feeds served on loopback, as `almanac demo` serves them. */
export async function demoFeedServer(
  anchor = new Date('2026-11-22T12:00:00Z'),
  requests?: Array<{ path: string; start: number; end: number }>,
) {
  const corpus = loadCorpus();
  const app = new Hono();
  if (requests) {
    app.use('*', async (c, next) => {
      const start = Date.now();
      await next();
      requests.push({ path: c.req.path, start, end: Date.now() });
    });
  }
  mountDemoFeeds(app, corpus, anchor, (u) => new URL(u).origin + '/');
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((r) => server.once('listening', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  return { corpus, base, close: () => new Promise<void>((r) => server.close(() => r())) };
}

/** Follow every demo source at its feed on the demo feed server at `base` (loopback, so allowed private). */
export async function followDemoSources(db: Db, base: string, now: Date): Promise<void> {
  for (const s of DEMO_SOURCES) {
    await upsertSource(
      db,
      {
        id: s.id,
        name: s.name,
        author: s.author,
        tier: s.tier,
        kind: s.kind,
        allowPrivate: true,
        feedUrl: `${base}demo/feeds/${s.id}.${s.format === 'json' ? 'json' : 'xml'}`,
      },
      now,
    );
  }
}

/** A store filled by the real pipeline from the demo feeds (fetch, full text, extraction, events). */
export async function demoStore() {
  const feeds = await demoFeedServer();
  const deps = testDeps();
  try {
    await followDemoSources(deps.db, feeds.base, deps.clock.now());
    await fetchDueSources(deps);
    await processPending(deps);
  } finally {
    await feeds.close();
  }
  return { deps, corpus: feeds.corpus };
}

/** A demo store (as demoStore makes it) written to a SQLite file. */
export async function demoStoreFile(file: string): Promise<void> {
  const { deps } = await demoStore();
  await deps.db.exec(`VACUUM INTO '${file.replace(/'/g, "''")}'`);
  await deps.db.close();
}
