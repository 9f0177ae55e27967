import type { Deps } from '../pipeline/deps.js';
import { fetchDueSources } from '../pipeline/fetch-sources.js';
import { fetchVerdict } from './fetch-verdict.js';
import { processPending } from '../pipeline/process.js';
import { clusterStage } from '../pipeline/stages.js';
import { resetClustering } from '../events/recluster.js';
import { extractionStats } from '../store/extractions.js';
import { countEvents } from '../store/events.js';
import { UsageError } from './context.js';
import { runScheduler } from '../pipeline/scheduler.js';
import { makeDue } from '../store/sources.js';
import { stageCounts } from '../store/stages.js';
import { countArticles } from '../store/articles.js';
import { warmConnections } from '../store/sql/warm.js';
import { progressLine, waitForSignal } from './context.js';
import { discoverWith, listenOn, webAppFor } from './web-app.js';
import type { Hono } from 'hono';
import { runWorker, Worker, type Role } from '../pipeline/worker.js';
import { startWorkers, workerCount } from './web-workers.js';

export async function fetchCommand(deps: Deps, flags: Record<string, unknown>): Promise<number> {
  if (flags['all']) await makeDue(deps.db);
  const outcomes = await fetchDueSources(deps, (done, total, o) =>
    progressLine(
      'fetch',
      done,
      total,
      `${o.sourceId}: ${o.ok ? (o.notModified ? 'not modified' : `${o.itemsNew} new`) : 'FAILED'}`,
    ),
  );
  const failed = outcomes.filter((o) => !o.ok);
  const fresh = outcomes.reduce((n, o) => n + o.itemsNew, 0);
  console.log(
    `fetched ${outcomes.length} sources: ${fresh} new articles, ${outcomes.reduce((n, o) => n + o.duplicates, 0)} duplicates skipped, ${failed.length} failed`,
  );
  for (const f of failed) console.log(`  ${f.sourceId}: ${f.error}`);
  if (!outcomes.length)
    console.log(
      flags['all']
        ? 'no sources yet: almanac sources add <url>, or almanac init --catalog ai'
        : 'no source is due; --all fetches every source now',
    );
  const verdict = fetchVerdict(outcomes);
  if (verdict.ok) return 0;
  console.error(`almanac fetch: ${verdict.reason}`);
  return 1;
}

export async function processCommand(deps: Deps): Promise<number> {
  // Ctrl-C stops after the current batch, with what was done committed, and says so.
  const ac = new AbortController();
  void waitForSignal(() => 'stopping after the current batch… (again to stop at once)').then(() => ac.abort());
  const reports = await processPending(deps, {
    onProgress: (r, total) => progressLine(r.stage, r.done + r.failed, total),
    signal: ac.signal,
  });
  for (const r of reports) console.log(`${r.stage}: ${r.done} done, ${r.failed} failed`);
  return 0;
}

export async function statsCommand(deps: Deps): Promise<number> {
  console.log(`articles: ${await countArticles(deps.db)}`);
  console.log(`events: ${await countEvents(deps.db)}`);
  for (const r of await stageCounts(deps.db)) console.log(`stage ${r.stage}: ${r.status} ${r.n}`);
  for (const x of await extractionStats(deps.db)) {
    console.log(
      `extractor ${x.extractor}: ${x.articles} articles, tokens in ${x.tokensIn ?? 0}, out ${x.tokensOut ?? 0}, ` +
        `quotes dropped ${x.quotesDropped ?? 0}, fallbacks ${x.fallbacks ?? 0}`,
    );
  }
  return 0;
}

/** almanac recluster --since <date>: undo and redo the clustering of recent events. */
export async function reclusterCommand(deps: Deps, flags: Record<string, unknown>): Promise<number> {
  const since = flags['since'] as string | undefined;
  if (!since || Number.isNaN(Date.parse(since)))
    throw new UsageError('recluster: give --since <date> (ISO 8601, e.g. 2026-11-01)');
  const iso = new Date(since).toISOString();
  const r = await resetClustering(deps.db, iso);
  deps.state.forgetClusterer();
  console.log(`undid ${r.events} events (${r.articles} articles) with news since ${iso}; clustering again`);
  const [report] = await processPending(deps, {
    stages: [clusterStage],
    onProgress: (x, total) => progressLine('cluster', x.done + x.failed, total),
  });
  console.log(
    `cluster: ${report!.done} done, ${report!.failed} failed; ${await countEvents(deps.db)} events in the store`,
  );
  return 0;
}

export async function runCommand(deps: Deps, flags: Record<string, unknown>): Promise<number> {
  const ac = new AbortController();
  void waitForSignal().then(() => ac.abort());
  await runScheduler(deps, ac.signal, { once: flags['once'] === true });
  return 0;
}

/** What the admin area may do, bound to this process's pipeline. */
export function adminActions(deps: Deps, token: string) {
  return {
    token,
    discover: discoverWith(deps.http, deps.config.allowPrivate),
    async refetch(sourceId?: string): Promise<string> {
      await makeDue(deps.db, sourceId);
      const outcomes = await fetchDueSources(deps);
      const reports = await processPending(deps);
      const failed = outcomes.filter((o) => !o.ok);
      return `fetched ${outcomes.length} source${outcomes.length === 1 ? '' : 's'}: ${outcomes.reduce((n, o) => n + o.itemsNew, 0)} new articles${
        failed.length
          ? `, ${failed.length} failed (${failed
              .map((f) => `${f.sourceId}: ${f.error}`)
              .join('; ')
              .slice(0, 300)})`
          : ''
      }; processed ${reports.reduce((n, r) => n + r.done, 0)} stage runs`;
    },
  };
}

/** Serves the app (and, unless told not to, runs the scheduler in the same process). */
export async function serveApp(
  deps: Deps,
  opts: {
    scheduler: boolean;
    mount?: (app: Hono) => void;
    onListen?: (url: string) => void;
  },
): Promise<{ close(): Promise<void>; url: string }> {
  const app = webAppFor(
    deps.config,
    deps.db,
    deps.clock,
    deps.config.adminToken ? adminActions(deps, deps.config.adminToken) : undefined,
  );
  opts.mount?.(app);
  const ac = new AbortController();
  const { url, close: closeServer } = await listenOn(app, deps.config.host, deps.config.port);
  opts.onListen?.(url);
  const loop = opts.scheduler ? runScheduler(deps, ac.signal) : Promise.resolve();
  return {
    url,
    async close() {
      ac.abort();
      await loop;
      await closeServer();
    },
  };
}

export async function serveCommand(deps: Deps, flags: Record<string, unknown>): Promise<number> {
  const scheduler = flags['no-scheduler'] !== true;
  const workers = workerCount(flags['workers'] as string | undefined);
  if (workers > 1) return serveWithWorkers(deps, workers, scheduler);
  await warmConnections(deps.db);
  const s = await serveApp(deps, { scheduler });
  // Listening for the stop signals before saying we are up: a signal sent on reading that line closes cleanly.
  const stop = waitForSignal();
  console.log(`Almanac is serving on ${s.url}`);
  await stop;
  await s.close();
  return 0;
}

/**
 * The primary of `serve --workers n` (n > 1): the scheduler runs here once, the workers serve.
 * A stop signal stops the workers first (each closes its store), then the scheduler; a
 * crash loop stops the server with exit 1.
 */
async function serveWithWorkers(deps: Deps, count: number, scheduler: boolean): Promise<number> {
  const ac = new AbortController();
  const loop = scheduler ? runScheduler(deps, ac.signal) : Promise.resolve();
  const stop = waitForSignal();
  try {
    const pool = await startWorkers({
      count,
      log: deps.log,
      refetch: (id) => adminActions(deps, deps.config.adminToken ?? '').refetch(id),
    });
    console.log(`Almanac is serving on http://${deps.config.host}:${pool.port}/ (${count} web worker processes)`);
    const gaveUp = await Promise.race([stop.then(() => undefined), pool.failed]);
    if (gaveUp) console.error(`almanac: ${gaveUp}`);
    await pool.stop();
    return gaveUp ? 1 : 0;
  } finally {
    ac.abort();
    await loop;
  }
}

export const WORKER_ROLES = ['fetch', 'process', 'all'] as const;

/**
 * One worker process of several sharing the store: `almanac worker --role fetch|process|all`.
 * Run the web app beside them with `serve --no-scheduler`, so that only workers fetch.
 */
export async function workerCommand(deps: Deps, flags: Record<string, unknown>): Promise<number> {
  const role = (flags['role'] as string | undefined) ?? 'all';
  if (!(WORKER_ROLES as readonly string[]).includes(role))
    throw new UsageError(`worker: --role must be one of ${WORKER_ROLES.join(', ')} (got ${role})`);
  const roles: Role[] = role === 'all' ? ['fetch', 'process'] : [role as Role];
  const worker = new Worker(deps, { roles });
  const ac = new AbortController();
  void waitForSignal().then(() => ac.abort());
  console.log(`worker ${worker.owner}: ${roles.join(' and ')}${flags['once'] ? ', one round' : ''}`);
  await runWorker(worker, deps, ac.signal, { once: flags['once'] === true });
  return 0;
}
