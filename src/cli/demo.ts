import { loadCorpus } from '../demo/corpus.js';
import { mountDemoFeeds } from '../demo/feed-server.js';
import { DEMO_SOURCES } from '../demo/sources.js';
import type { Deps } from '../pipeline/deps.js';
import { fetchDueSources } from '../pipeline/fetch-sources.js';
import { processPending } from '../pipeline/process.js';
import { runScheduler } from '../pipeline/scheduler.js';
import { countArticles } from '../store/articles.js';
import { makeDue, upsertSource } from '../store/sources.js';
import { progressLine, waitForSignal } from './context.js';
import { serveApp } from './pipeline.js';

/**
 * The demo: serves the bundled corpus as real feeds on loopback (from the same server as
 * the web app), registers them as sources with loopback allowed, runs the real pipeline
 * over them, and keeps serving the app with the scheduler running.
 */
export async function demoCommand(baseDeps: Deps, flags: Record<string, unknown>): Promise<number> {
  // Every demo feed lives on our own loopback host: no need to pause between requests to it.
  const deps: Deps = { ...baseDeps, config: { ...baseDeps.config, hostDelayMs: 0 } };
  const corpus = loadCorpus();
  const anchor = deps.clock.now();
  const server = await serveApp(deps, {
    scheduler: false,
    mount: (app) => mountDemoFeeds(app, corpus, anchor, (u) => new URL(u).origin + '/'),
  });
  const base = server.url;
  // Ctrl-C while the demo ingests stops after the current batch (and says so); while it serves, at once.
  let ingesting = true;
  const stop = waitForSignal(() =>
    ingesting ? 'stopping after the current batch… (again to stop at once)' : 'stopping',
  );
  const ac = new AbortController();
  void stop.then(() => ac.abort());
  for (const s of DEMO_SOURCES) {
    await upsertSource(
      deps.db,
      {
        id: s.id,
        name: s.name,
        ...(s.author ? { author: s.author } : {}),
        tier: s.tier,
        kind: s.kind,
        homeUrl: `${base}demo/sites/${s.id}`,
        feedUrl: `${base}demo/feeds/${s.id}.${s.format === 'json' ? 'json' : 'xml'}`,
        allowPrivate: true,
        pollIntervalS: 900,
      },
      deps.clock.now(),
    );
  }
  await makeDue(deps.db);
  console.error(`demo: ${corpus.length} articles in ${DEMO_SOURCES.length} feeds served at ${base}demo/feeds/`);
  const fetched = await fetchDueSources(deps, (done, total, o) => progressLine('fetch', done, total, o.sourceId));
  const failed = fetched.filter((o) => !o.ok);
  for (const f of failed) console.error(`demo: ${f.sourceId} failed: ${f.error}`);
  const reports = await processPending(deps, {
    onProgress: (r, total) => progressLine(r.stage, r.done + r.failed, total),
    signal: ac.signal,
  });
  console.error(
    `demo: ${await countArticles(deps.db)} articles stored; ${reports.map((r) => `${r.stage}: ${r.done} done, ${r.failed} failed`).join('; ')}`,
  );
  ingesting = false;
  if (flags['ingest-only'] || ac.signal.aborted) {
    await server.close();
    return failed.length ? 1 : 0;
  }
  console.log(`Almanac demo is running: open ${base}`);
  const loop = runScheduler(deps, ac.signal);
  await stop;
  await loop;
  await server.close();
  return 0;
}
