/**
 * One ingest benchmark run, in its own process so that its peak RSS is its own:
 * `node --import tsx bench/ingest-run.ts <articles>`. Writes synthetic feeds to disk
 * (100 items each; not timed), serves them from 8 loopback servers (8 hosts to the
 * per-host politeness gate, no pause), then runs the real pipeline in rounds of 100
 * sources (10,000 articles): fetch → parse → store, then extract (local) → cluster →
 * score → relate. Prints one JSON line per round and a summary line (with the median round
 * of each 100k it went through).
 * With BENCH_WORKERS=n the same rounds are done by n `almanac worker` processes sharing
 * the store (this process only adds the sources and waits until every stage is done).
 *
 * A run of a million articles takes longer than a machine may stay up, so with
 * BENCH_INGEST_DIR=<dir> (SQLite only) the feeds and the store live in that folder and are
 * kept: started again with the same size, the run goes on from the last round it began
 * (that round is done again; what it had stored stays). BENCH_INGEST_ROUNDS=n stops after
 * n rounds. Peak RSS is then this process's, over its own rounds only.
 */
import { TAXONOMY } from '../src/analyze/taxonomy.js';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { systemClock } from '../src/clock.js';
import { loadConfig } from '../src/config.js';
import { createLocalPool } from '../src/analyze/local-pool.js';
import { relaterFor } from '../src/relate/relater.js';
import { PipelineState } from '../src/pipeline/state.js';
import { createHttpClient } from '../src/ingest/fetch.js';
import { fetchDueSources } from '../src/pipeline/fetch-sources.js';
import { processPending } from '../src/pipeline/process.js';
import { openStore } from '../src/store/sql/open.js';
import { createDatabase, dropDatabase } from '../src/store/sql/fresh-database.js';
import { upsertSource } from '../src/store/sources.js';
import { seeded } from './harness.js';
import { one } from '../src/store/sql/query.js';
import { keepHeapSmall } from '../src/memory.js';

// The pipeline as `almanac` runs it (src/main.ts), heap policy included.
keepHeapSmall();

const total = Number(process.argv[2] ?? 10_000);
const PER_FEED = 100;
const PER_ROUND = 100; // sources per round: 10,000 articles
const SERVERS = 8;

/** Stories of about five articles each; every article 150–250 words around its story's words. */
function feedXml(feed: number, vocab: string[], rnd: () => number): string {
  const pick = () => vocab[Math.floor(rnd() * vocab.length)]!;
  const items: string[] = [];
  for (let i = 0; i < PER_FEED; i++) {
    const n = feed * PER_FEED + i;
    // Articles of one story are spread across feeds fetched in the same round.
    const story =
      Math.floor((((n % (PER_ROUND * PER_FEED)) * 7919) % (PER_ROUND * PER_FEED)) / 5) +
      Math.floor(n / (PER_ROUND * PER_FEED)) * 1_000_000;
    const srnd = seeded(story);
    const key = Array.from({ length: 6 }, () => vocab[Math.floor(srnd() * vocab.length)]!);
    const sentence = () => {
      const w = Array.from({ length: 14 }, () => (rnd() < 0.3 ? key[Math.floor(rnd() * key.length)]! : pick()));
      return `${w[0]!.charAt(0).toUpperCase()}${w[0]!.slice(1)} ${w.slice(1).join(' ')}.`;
    };
    const title = `${key.slice(0, 4).join(' ')} ${pick()} ${pick()}`;
    const body = Array.from({ length: 11 + Math.floor(rnd() * 7) }, sentence).join(' ');
    const date = new Date(Date.UTC(2026, 10, 22) - (total - n) * 30_000).toUTCString();
    items.push(
      `<item><title>${title}</title><link>https://s${feed}.example/p/${i}</link><guid>https://s` +
        `${feed}.example/p/${i}</guid><pubDate>${date}</pubDate><description>&lt;p&gt;${body}&lt;` +
        `/p&gt;</description></item>`,
    );
  }
  return (
    `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Source ` +
    `${feed}</title><link>https://s${feed}.example/</link><description>synthetic</description>` +
    `${items.join('')}</channel></rss>`
  );
}

async function main() {
  // (Set but empty, as bench/ingest.ts passes them, they are off.)
  const keptDir = process.env['BENCH_INGEST_DIR'] || undefined;
  const maxRounds = Number(process.env['BENCH_INGEST_ROUNDS'] || Infinity);
  if (!(maxRounds > 0)) throw new Error('BENCH_INGEST_ROUNDS must be a positive number of rounds');
  if (keptDir && process.env['BENCH_DATABASE_URL'])
    throw new Error('BENCH_INGEST_DIR keeps a SQLite store; it cannot be used with BENCH_DATABASE_URL');
  const dir = keptDir ?? mkdtempSync(join(tmpdir(), 'almanac-ingest-'));
  const feedsDir = join(dir, 'feeds');
  const feeds = Math.ceil(total / PER_FEED);
  // The feeds of a kept folder are written once per size (their dates depend on it).
  const stamp = join(dir, 'feeds.json');
  const written = existsSync(stamp) && (JSON.parse(readFileSync(stamp, 'utf8')) as { total?: number }).total === total;
  if (!written) {
    if (existsSync(join(dir, 'store.db')))
      throw new Error(
        `${dir} holds a store made for another size; give the size it was started with, or another folder`,
      );
    mkdirSync(feedsDir, { recursive: true });
    const rnd = seeded(3);
    const vocab = Array.from({ length: 4000 }, (_, i) => `w${i.toString(36)}${'xyzq'[i % 4]}`);
    for (let f = 0; f < feeds; f++) writeFileSync(join(feedsDir, `${f}.xml`), feedXml(f, vocab, rnd));
    writeFileSync(stamp, JSON.stringify({ total }));
  }
  const servers: Server[] = [];
  const bases: string[] = [];
  for (let s = 0; s < SERVERS; s++) {
    const srv = createServer((req, res) => {
      try {
        const body = readFileSync(join(feedsDir, `${Number(/\/(\d+)\.xml$/.exec(req.url ?? '')?.[1])}.xml`));
        res.writeHead(200, { 'content-type': 'application/rss+xml' });
        res.end(body);
      } catch {
        res.writeHead(404);
        res.end();
      }
    });
    await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
    servers.push(srv);
    bases.push(`http://127.0.0.1:${(srv.address() as AddressInfo).port}/`);
  }
  // BENCH_DATABASE_URL (a PostgreSQL server) puts the store in a new database there; else a SQLite file.
  const server = process.env['BENCH_DATABASE_URL'];
  const storeUrl = server ? await createDatabase(server, 'almanac_bench') : join(dir, 'store.db');
  const config = { ...loadConfig({}, { db: storeUrl }), allowPrivate: true, hostDelayMs: 0, fetchConcurrency: SERVERS };
  const localPool =
    config.extractThreads > 0 ? createLocalPool(config.extractThreads, { budgetMs: config.jobBudgetMs }) : undefined;
  const db = await openStore(storeUrl, { seed: TAXONOMY });
  const relater = relaterFor(config, db, (line) => console.error(line));
  const deps = {
    db,
    state: new PipelineState(),
    config,
    http: createHttpClient(config),
    clock: systemClock,
    log: () => {},
    localPool,
    relater,
  };
  const workerCount = Number(process.env['BENCH_WORKERS'] ?? 0);
  const workers: ChildProcess[] = [];
  for (let w = 0; w < workerCount; w++) {
    workers.push(
      spawn(
        process.execPath,
        [
          '--import',
          'tsx',
          join(import.meta.dirname, '..', 'src', 'main.ts'),
          'worker',
          '--role',
          'all',
          '--db',
          config.db,
        ],
        {
          env: {
            ...process.env,
            ALMANAC_HOST_DELAY_MS: '0',
            ALMANAC_SCHEDULER_TICK_S: '1',
            ALMANAC_FETCH_CONCURRENCY: String(SERVERS),
          },
          stdio: 'ignore',
        },
      ),
    );
  }
  /** With workers: until every source of the round was fetched and every stage of every article is done. */
  const settled = async (sources: number) => {
    for (;;) {
      const fetched = await one<number>(deps.db, 'SELECT COUNT(*) FROM sources WHERE last_success_at IS NOT NULL');
      const open = await one<number>(deps.db, `SELECT COUNT(*) FROM article_stages WHERE status <> 'done'`);
      if (fetched >= sources && open === 0) return;
      await new Promise((r) => setTimeout(r, 200));
    }
  };
  // Going on with a kept store: after the last round that finished. A round cut short is done
  // again (its sources are added again, with this run's server addresses; those it fetched
  // are not due, their articles go through the stages that are left). Feeds of finished
  // rounds are never due again, however long the run was stopped.
  const progressFile = join(dir, 'rounds-done.json');
  const roundsDone =
    keptDir && existsSync(progressFile)
      ? (JSON.parse(readFileSync(progressFile, 'utf8')) as { rounds: number }).rounds
      : 0;
  const from = roundsDone * PER_ROUND;
  if (from)
    await deps.db.run(
      `UPDATE sources SET next_poll_at = '9999-12-31T00:00:00.000Z' WHERE CAST(substr(id, 2) AS INTEGER) < ?`,
      [from],
    );
  let done = await one<number>(deps.db, 'SELECT COUNT(*) FROM articles');
  const startArticles = done;
  if (done)
    process.stderr.write(
      `  going on from round ${roundsDone + 1}: ${done.toLocaleString('en-US')} articles already stored\n`,
    );
  const start = performance.now();
  let rounds = 0;
  // Each round's rate by the 100k it ends in, for the summary's medians (a long run's shape in one line).
  const ratesByHundredK = new Map<number, number[]>();
  for (let first = from; first < feeds && rounds < maxRounds; first += PER_ROUND, rounds++) {
    const t0 = performance.now();
    // For a preload that reports per round (bench/tools/thread-io.ts): what lies between these two events is the round alone.
    (process as NodeJS.EventEmitter).emit('bench:round-start', first / PER_ROUND + 1);
    for (let f = first; f < Math.min(feeds, first + PER_ROUND); f++) {
      // Each feed is read once: a week between polls keeps earlier rounds' feeds from being fetched again as the run goes on.
      await upsertSource(
        deps.db,
        {
          id: `s${f}`,
          name: `Source ${f}`,
          feedUrl: `${bases[f % SERVERS]}${f}.xml`,
          allowPrivate: true,
          fulltext: 'never',
          pollIntervalS: 7 * 86_400,
        },
        new Date(),
      );
    }
    let n: number;
    let t1: number;
    if (workerCount) {
      const before = await one<number>(deps.db, 'SELECT COUNT(*) FROM articles');
      await settled(Math.min(feeds, first + PER_ROUND));
      t1 = performance.now();
      n = (await one<number>(deps.db, 'SELECT COUNT(*) FROM articles')) - before;
    } else {
      const fetched = await fetchDueSources(deps);
      t1 = performance.now();
      await processPending(deps);
      n = fetched.reduce((s, o) => s + o.itemsNew, 0);
    }
    const t2 = performance.now();
    (process as NodeJS.EventEmitter).emit('bench:round-end', first / PER_ROUND + 1);
    done += n;
    process.stderr.write(
      `  round ${first / PER_ROUND + 1}: ${done.toLocaleString('en-US')} articles stored, ${Math.round(n / ((t2 - t0) / 1000))} articles/s this round\n`,
    );
    // With workers fetching and processing overlap: only the round's whole time is known.
    // The first round after a stop may have been begun before it: its rate counts only what this run stored.
    const cutShort = first === from && done - n > roundsDone * PER_ROUND * PER_FEED ? { resumedRound: true } : {};
    if (keptDir) writeFileSync(progressFile, JSON.stringify({ rounds: first / PER_ROUND + 1 }));
    const upTo = Math.ceil(done / 100_000) * 100_000;
    ratesByHundredK.set(upTo, [...(ratesByHundredK.get(upTo) ?? []), n / ((t2 - t0) / 1000)]);
    console.log(
      JSON.stringify({
        ...cutShort,
        round: first / PER_ROUND + 1,
        articles: n,
        storeArticles: done,
        fetchSeconds: workerCount ? null : (t1 - t0) / 1000,
        processSeconds: workerCount ? null : (t2 - t1) / 1000,
        rate: n / ((t2 - t0) / 1000),
        fetchRate: workerCount ? null : n / ((t1 - t0) / 1000),
      }),
    );
  }
  const seconds = (performance.now() - start) / 1000;
  const events = await one<number>(deps.db, 'SELECT COUNT(*) FROM events');
  const resumed = startArticles > 0 ? { resumedAt: startArticles } : {};
  // The median round of each 100k this run went through, keyed by where that 100k ends.
  const medianRatePer100k = Object.fromEntries([...ratesByHundredK].map(([upTo, r]) => [upTo, Math.round(median(r))]));
  console.log(
    JSON.stringify({
      summary: true,
      articles: done,
      events,
      seconds,
      rate: (done - startArticles) / seconds,
      peakRssMb: process.resourceUsage().maxRSS / 1024,
      medianRatePer100k,
      ...resumed,
    }),
  );
  for (const w of workers) w.kill('SIGTERM');
  await Promise.all(workers.map((w) => new Promise((r) => (w.exitCode !== null ? r(null) : w.once('exit', r)))));
  await localPool?.close();
  await relater?.close();
  await deps.db.close();
  for (const s of servers) s.close();
  if (keptDir) process.stderr.write(`  kept in ${keptDir}: ${done < total ? 'run again to go on' : 'complete'}\n`);
  else if (process.env['BENCH_KEEP']) process.stderr.write(`  store kept: ${storeUrl}\n`);
  else {
    if (server) await dropDatabase(server, storeUrl);
    rmSync(dir, { recursive: true, force: true });
  }
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

await main();
