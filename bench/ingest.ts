import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { saveResults } from './harness.js';

/**
 * Ingest end to end at several store sizes, each size a fresh store in its own process
 * (bench/ingest-run.ts) so its peak RSS is its own. Sizes: 10k and 100k by default;
 * BENCH_INGEST_SIZES=10000,100000,1000000 for more (1M takes hours at today's rate). The
 * baseline in the same run is the fetch → parse → store part alone (no processing).
 */
interface Round {
  round: number;
  articles: number;
  storeArticles: number;
  fetchSeconds: number | null;
  processSeconds: number | null;
  rate: number;
  fetchRate: number | null;
}
interface Summary {
  articles: number;
  events: number;
  seconds: number;
  rate: number;
  peakRssMb: number;
}

function ingestRun(size: number, workers = 0, postgres?: string): { rounds: Round[]; summary: Summary } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'ingest-run.ts'), String(size)], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'inherit'],
    env: {
      ...process.env,
      BENCH_WORKERS: String(workers),
      BENCH_DATABASE_URL: postgres ?? '',
      BENCH_INGEST_DIR: '',
      BENCH_INGEST_ROUNDS: '',
    },
  });
  if (r.status !== 0)
    throw new Error(`ingest run of ${size}${workers ? ` with ${workers} workers` : ''} failed (exit ${r.status})`);
  const lines = r.stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Round | (Summary & { summary: true }));
  return {
    rounds: lines.filter((l): l is Round => 'round' in l),
    summary: lines.find((l): l is Summary & { summary: true } => 'summary' in l)!,
  };
}

/**
 * The same ingest done by several `almanac worker` processes sharing one store (issue #10),
 * against one process doing it all on a SQLite store in the same run: BENCH_WORKER_ARTICLES
 * (10,000) articles, with 1 and 2 workers (BENCH_WORKER_COUNTS=1,2,4 for more); with
 * BENCH_DATABASE_URL (a PostgreSQL server), the same rows again on PostgreSQL, each run in a
 * new database there.
 */
export function benchWorkers(): void {
  const size = Number(process.env['BENCH_WORKER_ARTICLES'] ?? 10_000);
  const counts = (process.env['BENCH_WORKER_COUNTS'] ?? '1,2')
    .split(',')
    .map(Number)
    .filter((n) => n > 0);
  const postgres = process.env['BENCH_DATABASE_URL'] || undefined;
  const rows: Array<{ store: 'sqlite' | 'postgres'; workers: number; summary: Summary }> = [];
  for (const store of postgres ? (['sqlite', 'postgres'] as const) : (['sqlite'] as const)) {
    for (const workers of [0, ...counts]) {
      process.stdout.write(
        `  ${size.toLocaleString('en-US')} articles on ${store}, ${workers ? `${workers} worker process${workers > 1 ? 'es' : ''}` : 'one process'}…`,
      );
      const { summary } = ingestRun(size, workers, store === 'postgres' ? postgres : undefined);
      rows.push({ store, workers, summary });
      console.log(` ${Math.round(summary.rate)} articles/s`);
    }
  }
  console.log(
    `\nIngest by worker processes sharing one store (${size.toLocaleString('en-US')} articles; fetch, extract, cluster, relate)`,
  );
  console.log(
    `${'store'.padEnd(11)}${'processes'.padEnd(34)}${'events'.padStart(10)}${'seconds'.padStart(10)}` +
      `${'articles/s'.padStart(12)}${'vs one process on SQLite'.padStart(26)}`,
  );
  const base = rows[0]!.summary.rate;
  for (const r of rows) {
    console.log(
      `${r.store.padEnd(11)}` +
        `${(r.workers ? `${r.workers} × almanac worker --role all` : 'one process (fetch, then process)').padEnd(34)}` +
        `${r.summary.events.toLocaleString('en-US').padStart(10)}` +
        `${r.summary.seconds.toFixed(0).padStart(10)}` +
        `${Math.round(r.summary.rate).toString().padStart(12)}` +
        `${`${(r.summary.rate / base).toFixed(2)}×`.padStart(26)}`,
    );
  }
  console.log(
    '  the same events in every row means the workers clustered as one process does; SQLite has one ' +
      'writer; on PostgreSQL extraction and fetching run in every worker, clustering in one at a time',
  );
  saveResults('workers', { size, rows });
}

export function benchIngest(): void {
  const sizes = (process.env['BENCH_INGEST_SIZES'] ?? '10000,100000')
    .split(',')
    .map(Number)
    .filter((n) => n > 0);
  const rows: Array<{ size: number; summary: Summary; first: Round; last: Round }> = [];
  for (const size of sizes) {
    process.stdout.write(`  ingesting ${size.toLocaleString('en-US')} articles…`);
    const { rounds, summary } = ingestRun(size);
    rows.push({ size, summary, first: rounds[0]!, last: rounds[rounds.length - 1]! });
    console.log(` ${Math.round(summary.rate)} articles/s`);
  }
  console.log(
    '\nIngest end to end: synthetic feeds on disk served from loopback → parse → store → extract (local) → cluster → score → relate; rounds of 10,000 articles',
  );
  console.log(
    `${'articles'.padEnd(12)}${'events'.padStart(10)}${'seconds'.padStart(10)}` +
      `${'articles/s'.padStart(12)}${'first 10k/s'.padStart(13)}${'last 10k/s'.padStart(12)}` +
      `${'fetch+store only/s'.padStart(20)}${'peak RSS MB'.padStart(13)}`,
  );
  for (const r of rows) {
    console.log(
      `${r.size.toLocaleString('en-US').padEnd(12)}` +
        `${r.summary.events.toLocaleString('en-US').padStart(10)}` +
        `${r.summary.seconds.toFixed(0).padStart(10)}` +
        `${Math.round(r.summary.rate).toString().padStart(12)}` +
        `${Math.round(r.first.rate).toString().padStart(13)}` +
        `${Math.round(r.last.rate).toString().padStart(12)}${Math.round(r.first.fetchRate ?? 0)
          .toString()
          .padStart(20)}${r.summary.peakRssMb.toFixed(0).padStart(13)}`,
    );
  }
  const biggest = rows[rows.length - 1]!;
  console.log(
    `  goal: ≥ 300 articles/s, the largest store's last-round rate within 20% of the first (here ` +
      `${Math.round((100 * biggest.last.rate) / biggest.first.rate)}%), peak RSS < 1 GB`,
  );
  saveResults('ingest', { rows });
}
