import { TAXONOMY } from '../src/analyze/taxonomy.js';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type autocannon from 'autocannon';
import { openDb } from '../src/store/db.js';
import { measure, printTable, saveResults } from './harness.js';
import { fillStore } from './web-store.js';
import { childrenOf, freePort } from '../test/helpers.js';
import { column, one, value } from '../src/store/sql/query.js';
import { openStore } from '../src/store/sql/open.js';
import type { SqlClient } from '../src/store/sql/client.js';
import { PgClient } from '../src/store/sql/pg-client.js';
import { isPostgresUrl } from '../src/store/sql/url.js';
import { copyStore } from '../src/store/sql/copy-store.js';
import { createDatabase, dropDatabase } from '../src/store/sql/fresh-database.js';
import { sharedDataDir } from '../eval/shared-data.js';
import { distinctPaths, searchQueries } from './web-requests.js';
import { steadyLoad } from './steady-load.js';
import { backendCpu, backendCpuSpent, processCpuMs } from './pg-backend-cpu.js';

/**
 * The web app under load and from cold, on a synthetic store (1,000,000 articles by
 * default; BENCH_WEB_ARTICLES to change; BENCH_STORE=<file> keeps it between runs, since
 * building 1M takes about 15 minutes). The server is the real one (`almanac serve
 * --no-scheduler`, built JavaScript) in its own process; autocannon drives it with 50
 * connections for 10 s per route (BENCH_WEB_SECONDS) from this process. Baselines in the
 * same run: /healthz under the same load, and a cold start on an empty store. Each route is
 * measured three ways: one URL with the page cache (as served), the same URL with every
 * request rendered, and distinct URLs with every request rendered (web-requests.ts).
 */
const ROOT = join(import.meta.dirname, '..');
/** The web worker processes the server runs under load (BENCH_WEB_WORKERS): by default one per core, as the service unit asks. */
const WORKERS = process.env['BENCH_WEB_WORKERS'] ?? 'auto';
const workerTotal = WORKERS === 'auto' ? availableParallelism() : Number(WORKERS);
/** The routes measured on one process too, when the server runs several. */
const ONE_PROCESS = ['/healthz (baseline)', 'event page', 'Atom feed, filtered'];
const BIN = join(ROOT, 'bin', 'almanac.js');

/** Starts the server and resolves once `/` answers 200, with the milliseconds that took. */
async function startServe(
  db: string,
  env: Record<string, string> = {},
  workers = WORKERS,
): Promise<{ child: ChildProcess; base: string; ms: number }> {
  const port = await freePort();
  const t0 = performance.now();
  const args = [BIN, 'serve', '--no-scheduler', '--workers', workers, '--db', db, '--port', String(port)];
  const child = spawn(process.execPath, args, {
    env: { ...process.env, ALMANAC_RATE_LIMIT: '0', ...env },
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  // Every worker listens once the server says it is serving: load starts then, not on the first worker's answer.
  let said = '';
  const serving = new Promise<void>((resolve) =>
    child.stdout!.on('data', (d: Buffer) => /Almanac is serving on/.test((said += d.toString())) && resolve()),
  );
  const base = `http://127.0.0.1:${port}`;
  for (;;) {
    try {
      const r = await fetch(`${base}/`);
      await r.arrayBuffer();
      if (r.status === 200) break;
    } catch {
      /* not listening yet */
    }
    if (child.exitCode !== null) throw new Error(`serve exited with ${child.exitCode}`);
    await new Promise((r) => setTimeout(r, 5));
  }
  const ms = performance.now() - t0;
  await serving;
  return { child, base, ms };
}

/**
 * The server's CPU time so far (processCpuMs), its web worker processes' included: per request,
 * the one figure other work on a shared machine moves little, where req/s and latency move with
 * whatever else runs.
 */
const serverCpuMs = (child: ChildProcess) =>
  child.pid ? [child.pid, ...childrenOf(child.pid)].reduce((ms, pid) => ms + processCpuMs(pid), 0) : 0;

/** The machine's 1, 5 and 15 minute load averages: other work on it moves every figure. */
const loadAverage = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(', ');

const stop = (child: ChildProcess) =>
  new Promise<void>((r) => {
    child.once('exit', () => r());
    child.kill('SIGTERM');
  });

async function storeFile(): Promise<{ file: string; cleanup: () => void }> {
  const kept = process.env['BENCH_STORE'];
  const size = Number(process.env['BENCH_WEB_ARTICLES'] ?? 1_000_000);
  if (kept && existsSync(kept)) return { file: kept, cleanup: () => {} };
  const dir = kept ? undefined : mkdtempSync(join(tmpdir(), 'almanac-bench-web-'));
  const file = kept ?? join(dir!, 'store.db');
  const db = openDb(file, { seed: TAXONOMY });
  const t0 = performance.now();
  await fillStore(db, size, new Date('2026-11-22T12:00:00Z'), (n) =>
    process.stdout.write(
      `\r  building a store of ${size.toLocaleString('en-US')} articles: ${n.toLocaleString('en-US')}`,
    ),
  );
  console.log(
    `\r  built ${size.toLocaleString('en-US')} articles in ${((performance.now() - t0) / 1000).toFixed(0)} s`,
  );
  await db.close();
  return { file, cleanup: () => dir && rmSync(dir, { recursive: true, force: true }) };
}

/**
 * With BENCH_DATABASE_URL (a PostgreSQL server), the same store is copied into a new
 * database there (migrate-store's copy) and every figure is measured on it too. With
 * BENCH_PG_STORE (a database's URL), the copy is made there once and kept between runs.
 */
async function postgresCopy(file: string): Promise<{ url: string; drop: () => Promise<void> } | undefined> {
  const kept = process.env['BENCH_PG_STORE'];
  if (kept) {
    const store = await openStore(kept, { seed: TAXONOMY });
    const held = await value<number | null>(store, 'SELECT MAX(id) FROM articles');
    await store.close();
    if (!held) await copyInto(file, kept);
    return { url: kept, drop: async () => {} };
  }
  const server = process.env['BENCH_DATABASE_URL'];
  if (!server) return undefined;
  const url = await createDatabase(server, 'almanac_bench_web');
  await copyInto(file, url);
  return { url, drop: () => dropDatabase(server, url) };
}

/** migrate-store's copy of the SQLite store into the PostgreSQL database at `url`, then VACUUM (ANALYZE). */
async function copyInto(file: string, url: string): Promise<void> {
  const t0 = performance.now();
  const [from, to] = [await openStore(file, { seed: TAXONOMY }), await openStore(url, { seed: TAXONOMY })];
  try {
    await copyStore(from, to, (p) =>
      process.stdout.write(`\r  copying to PostgreSQL: ${p.table} ${p.rows.toLocaleString('en-US')}      `),
    );
    // A live server's autovacuum sets the visibility map that index-only scans rely on; a fresh copy has none.
    await to.exec('VACUUM (ANALYZE)');
  } finally {
    await from.close();
    await to.close();
  }
  console.log(
    `\r  copied the store to PostgreSQL in ${((performance.now() - t0) / 1000).toFixed(0)} s                    `,
  );
}

/**
 * BENCH_WEB_ROUTES (comma-separated words) keeps only the rows whose route names hold one of
 * them, and BENCH_WEB_STORES (`SQLite`, `PostgreSQL`) only those stores: to measure what a
 * change moves without the whole table. /healthz, the baseline, is always measured.
 */
function wanted(variable: string): (name: string) => boolean {
  const words = (process.env[variable] ?? '')
    .split(',')
    .map((w) => w.trim().toLowerCase())
    .filter(Boolean);
  return (name) => !words.length || words.some((w) => name.toLowerCase().includes(w));
}

export async function benchWeb(): Promise<void> {
  const seconds = Number(process.env['BENCH_WEB_SECONDS'] ?? 10);
  const warmup = Number(process.env['BENCH_WEB_WARMUP_S'] ?? 2);
  const routeWanted = wanted('BENCH_WEB_ROUTES');
  const storeWanted = wanted('BENCH_WEB_STORES');
  spawnSync(
    process.execPath,
    [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(ROOT, 'tsconfig.json')],
    { stdio: 'inherit' },
  );
  const { file, cleanup } = await storeFile();
  const loadBefore = loadAverage();
  const pg = await postgresCopy(file);
  try {
    const db = openDb(file, { seed: TAXONOMY }); // applies any pending migration before timing
    const articles = await one<number>(db, 'SELECT MAX(id) FROM articles');
    const event = await one<string>(db, 'SELECT id FROM events ORDER BY last_updated DESC LIMIT 1 OFFSET 100');
    // Events spread over the whole store, not only the newest (whose pages stay in memory).
    const eventCount = await one<number>(db, 'SELECT COUNT(*) FROM events');
    const everyNth = Math.max(1, Math.floor(eventCount / 2000));
    const events = await column<string>(db, `SELECT id FROM events WHERE rowid % ${everyNth} = 0 LIMIT 2000`);
    const sources = await column<string>(db, 'SELECT id FROM sources ORDER BY id');
    await db.close();
    const { queries, from } = searchQueries(sharedDataDir());
    console.log(`  distinct searches: ${queries.length.toLocaleString('en-US')} queries from ${from}`);
    const distinct = distinctPaths({ events, queries, topics: TAXONOMY.map((t) => t.slug), sources, pages: 50 });
    const stores: Array<{ name: string; url: string }> = [
      { name: 'SQLite', url: file },
      ...(pg ? [{ name: 'PostgreSQL', url: pg.url }] : []),
    ].filter((st) => storeWanted(st.name));

    // Cold start, as `serve` starts by default (one process): the store, then an empty one as the baseline.
    const emptyDir = mkdtempSync(join(tmpdir(), 'almanac-bench-empty-'));
    const empty = join(emptyDir, 'empty.db');
    await openDb(empty, { seed: TAXONOMY }).close();
    const cold = async (f: string) => {
      const s = await startServe(f, {}, '1');
      await stop(s.child);
      return s.ms;
    };
    const coldRuns = async (f: string) => {
      const xs: number[] = [];
      for (let i = 0; i < 3; i++) xs.push(await cold(f));
      return xs;
    };
    const fig = (name: string, xs: number[]) =>
      measure(
        name,
        'ms to first page',
        xs.length,
        (
          (i) => () =>
            xs[i++]!
        )(0),
      );
    const coldFigures = [];
    for (const st of stores)
      coldFigures.push(
        fig(`almanac serve, ${articles.toLocaleString('en-US')} articles, ${st.name}`, await coldRuns(st.url)),
      );
    coldFigures.push(fig('almanac serve, empty SQLite store (baseline)', await coldRuns(empty)));
    rmSync(emptyDir, { recursive: true, force: true });
    printTable('Cold start: process start until GET / answers 200 (serve --workers 1, the default)', coldFigures, [
      'goal: under 2,000 ms with 1M articles',
    ]);

    const routes: Array<[string, string]> = [
      ['/healthz (baseline)', '/healthz'],
      ['event page', `/events/${encodeURIComponent(event)}`],
      ['events list, filtered', '/?topic=open-source-ai&min=6&since=30d&sort=score'],
      ['search', '/search?q=export+chip'],
      ['Atom feed, filtered', '/feed.atom?topic=ai-chips&min=5'],
    ];
    const rows: Array<{
      store: string;
      route: string;
      cache: boolean;
      rps: number;
      p50: number;
      p99: number;
      non2xx: number;
      errors: number;
      cpuMs: number;
      pgCpuMs?: number;
    }> = [];
    /** 50 connections on the server for the run's seconds; with `paths`, each request asks for the next of them. */
    const load = async (server: ChildProcess, base: string, path: string, paths?: string[], pgDb?: SqlClient) => {
      // Requests of the previous route still queued in the server finish first, so their CPU is not counted here.
      await (await fetch(`${base}/healthz`)).arrayBuffer();
      // One turn shared by the connections: no two requests in a row ask for the same page.
      let turn = 0;
      const options: autocannon.Options = {
        url: `${base}${path}`,
        connections: 50,
        ...(paths && { requests: [{ setupRequest: (req) => ({ ...req, path: paths[turn++ % paths.length]! }) }] }),
      };
      // The first seconds are not counted: each worker process compiles its code and fills its store cache on its own requests, and the connections open.
      let cpu0 = 0;
      let pg0: Map<number, number> | undefined;
      const r = await steadyLoad(options, warmup, seconds, async () => {
        cpu0 = serverCpuMs(server);
        pg0 = pgDb && (await backendCpu(pgDb));
      });
      const cpuMs = (serverCpuMs(server) - cpu0) / Math.max(1, r.completed);
      const pgCpuMs = pg0 && backendCpuSpent(pg0, await backendCpu(pgDb!)) / Math.max(1, r.completed);
      const { completed: _, ...figures } = r;
      return { ...figures, cpuMs, ...(pgCpuMs !== undefined && { pgCpuMs }) };
    };
    for (const st of stores) {
      // On PostgreSQL, the CPU of the database's backends too (one connection to read their ids).
      const pgDb = isPostgresUrl(st.url)
        ? PgClient.connect(st.url, { max: 1, applicationName: 'almanac-bench' })
        : undefined;
      // As served (rendered pages reused while the store is unchanged), then with every request rendered.
      // With several workers, a one-process server runs beside the rendered pass: each of ONE_PROCESS's
      // routes is measured on it right after the workers', in turns, so both see the same machine.
      for (const cache of [true, false]) {
        const env: Record<string, string> = cache ? {} : { ALMANAC_PAGE_CACHE_S: '0' };
        const s = await startServe(st.url, env);
        const one = !cache && workerTotal > 1 ? await startServe(st.url, env, '1') : undefined;
        for (const [name, path] of routes) {
          if (path !== '/healthz' && !routeWanted(name)) continue;
          const rendered = cache ? '' : path === '/healthz' ? ', in the rendered pass' : ', every request rendered';
          if (cache || path !== '/healthz' || one)
            rows.push({
              store: st.name,
              route: name + rendered,
              cache,
              ...(await load(s.child, s.base, path, undefined, pgDb)),
            });
          if (one && ONE_PROCESS.includes(name))
            rows.push({
              store: st.name,
              route: `${name}${rendered}, 1 process`,
              cache,
              ...(await load(one.child, one.base, path, undefined, pgDb)),
            });
        }
        if (!cache)
          for (const [name, paths] of distinct) {
            if (!routeWanted(name)) continue;
            const route = `${name}, distinct (${paths.length.toLocaleString('en-US')} URLs), every request rendered`;
            rows.push({ store: st.name, route, cache, ...(await load(s.child, s.base, '', paths, pgDb)) });
          }
        await stop(s.child);
        if (one) await stop(one.child);
      }
      await pgDb?.close();
    }
    console.log(
      `\nWeb under load: 50 connections, ${seconds} s per route after ${warmup} s uncounted, ${articles.toLocaleString('en-US')} articles, ` +
        `serve --workers ${WORKERS}: ${workerTotal} web worker process${workerTotal === 1 ? '' : 'es'} on ${availableParallelism()} cores ` +
        '(autocannon in the bench process, on the same cores)',
    );
    const w = Math.max(...rows.map((r) => r.route.length)) + 2;
    console.log(
      `${'store'.padEnd(12)}${'route'.padEnd(w)}${'req/s'.padStart(10)}${'p50 ms'.padStart(10)}${'p99 ms'.padStart(10)}${'errors'.padStart(10)}` +
        `${'CPU ms/req'.padStart(12)}${'PG CPU ms/req'.padStart(15)}`,
    );
    for (const r of rows)
      console.log(
        `${r.store.padEnd(12)}${r.route.padEnd(w)}${Math.round(r.rps).toString().padStart(10)}` +
          `${r.p50.toString().padStart(10)}${r.p99.toString().padStart(10)}` +
          `${String(r.non2xx + r.errors).padStart(10)}${r.cpuMs.toFixed(2).padStart(12)}${(r.pgCpuMs?.toFixed(2) ?? '').padStart(15)}`,
      );
    console.log(`  load before the run (uptime): ${loadBefore}; after: ${loadAverage()}`);
    console.log(
      "  CPU ms/req: the server's CPU time (its worker processes' summed) over the requests it answered (1,000 / it is one core's req/s ceiling);" +
        ' PG CPU ms/req: that of the PostgreSQL backends serving it',
    );
    console.log(
      '  goals, every request rendered, 1M articles, SQLite: event page ≥ 2,000 req/s p99 < 50 ms; search (distinct) ≥ 500 req/s' +
        ' p99 < 200 ms, no errors; filtered Atom ≥ 1,000 req/s p99 < 100 ms; PostgreSQL half of each',
    );
    console.log(
      '  pages are reused while the store is unchanged (ALMANAC_PAGE_CACHE_S, 10 s); "every request rendered" sets it to 0',
    );
    saveResults('web', {
      articles,
      workers: workerTotal,
      cold: coldFigures,
      rows,
      searchQueries: from,
      load: [loadBefore, loadAverage()],
    });
  } finally {
    await pg?.drop();
    cleanup();
  }
}
