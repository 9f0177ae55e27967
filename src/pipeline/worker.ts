import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { createHttpClient } from '../ingest/fetch.js';
import type { SharedHostSlots } from '../ingest/host-gate.js';
import {
  acquireHost,
  claimJobs,
  completeJob,
  enqueueJob,
  releaseHost,
  releaseOwner,
  renewHost,
} from '../store/jobs.js';
import { dueSources, getSource } from '../store/sources.js';
import { anyPending, notDone, oldestPendingFetchedAt } from '../store/stages.js';
import type { Deps } from './deps.js';
import { fetchSource, type FetchOutcome } from './fetch-sources.js';
import { MAX_ATTEMPTS, processPending, type ProcessReport } from './process.js';
import { STAGES, type Stage } from './stages.js';

/**
 * A worker: one of several processes sharing one store, each taking its share of the work
 * through the job queue (src/store/jobs.ts) instead of doing all of it.
 *
 * - fetch: due sources become jobs (one per source); a job is leased to one worker, and
 *   every request (feeds and article pages) takes its host's shared slot, so one request at
 *   a time goes to each host, with the pause between requests, across all workers. A worker
 *   that dies loses its lease and the job runs elsewhere.
 * - process: per-article stages (full text, extraction) are claimed article by article, so
 *   every worker extracts in parallel; clustering runs in one worker at a time (the holder
 *   of the cluster slot), which is how no two events are opened for one happening by a
 *   race. A worker that takes the slot after another clustered reloads its clusterer first.
 */
export type Role = 'fetch' | 'process';

export interface WorkerOptions {
  roles: readonly Role[];
  /** Unique per process: leases are held in its name. */
  owner?: string;
  /** How long a lease lasts unless finished; a dead worker's jobs return after this. */
  leaseMs?: number;
}

export interface RoundReport {
  fetched: FetchOutcome[];
  processed: ProcessReport[];
  /** Why clustering did not run this round, when it did not. */
  clusterSkipped?: 'waiting for fetches and extraction' | 'another worker clusters';
}

const CLUSTER_SLOT = 'almanac:cluster';
const STAMP_KEY = 'clusterer_stamp';
const PER_ROUND = 50;
const CLUSTER_WAIT_MS = 60_000;
/** Per-article stages any worker may run; clustering, one worker at a time. */
const EXTRACT_STAGES = STAGES.filter((s) => s.name !== 'cluster');
const EXTRACT_STAGE_NAMES = EXTRACT_STAGES.map((s) => s.name);
const CLUSTER_STAGES = STAGES.filter((s) => s.name === 'cluster');

export function workerOwner(): string {
  return `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
}

export class Worker {
  readonly owner: string;
  private readonly leaseMs: number;
  private lastStamp: string | undefined;

  private readonly deps: Deps;

  constructor(
    deps: Deps,
    private readonly opts: WorkerOptions,
  ) {
    this.owner = opts.owner ?? workerOwner();
    // A lease outlives the longest fetch (connect + total timeout) with room to spare.
    const requestMs = deps.config.connectTimeoutMs + deps.config.totalTimeoutMs;
    this.leaseMs = opts.leaseMs ?? Math.max(120_000, 4 * requestMs);
    // Every request this worker makes (feeds, article pages, each redirect) takes the host's
    // shared slot, held at most as long as a request can last, so one request at a time goes
    // to a host, with the pause between requests, across all workers.
    const slots: SharedHostSlots = {
      take: (host) => acquireHost(deps.db, host, this.owner, deps.clock.now(), requestMs + 5_000),
      give: (host) => releaseHost(deps.db, host, this.owner, deps.clock.now(), deps.config.hostDelayMs),
    };
    this.deps = { ...deps, http: createHttpClient(deps.config, slots) };
  }

  async round(): Promise<RoundReport> {
    const report: RoundReport = { fetched: [], processed: [] };
    if (this.opts.roles.includes('fetch')) report.fetched = await this.fetchRound();
    if (this.opts.roles.includes('process')) {
      report.processed = await this.extractRound();
      const clustered = await this.clusterRound();
      if (Array.isArray(clustered)) report.processed.push(...clustered);
      else report.clusterSkipped = clustered;
    }
    return report;
  }

  private now(): Date {
    return this.deps.clock.now();
  }

  /** Due sources become jobs; this worker fetches the ones it claims, one request per host at a time. */
  async fetchRound(): Promise<FetchOutcome[]> {
    const now = this.now();
    for (const s of await dueSources(this.deps.db, now)) await enqueueJob(this.deps.db, 'fetch', s.id, now, now);
    const jobs = await claimJobs(
      this.deps.db,
      'fetch',
      this.owner,
      this.deps.config.fetchConcurrency,
      now,
      this.leaseMs,
    );
    const outcomes = await Promise.all(
      jobs.map(async (job): Promise<FetchOutcome | undefined> => {
        const source = await getSource(this.deps.db, job.key);
        // Gone, or fetched by another worker since it was enqueued (its next poll moved on).
        if (!source || (source.nextPollAt !== null && Date.parse(source.nextPollAt) > this.now().getTime())) {
          await completeJob(this.deps.db, job.id, this.owner);
          return undefined;
        }
        try {
          // The host's shared slot is taken by the HTTP client, around each request.
          return await fetchSource(this.deps, source);
        } finally {
          // fetchSource recorded the next poll on the source: the next due scan enqueues it again.
          await completeJob(this.deps.db, job.id, this.owner);
        }
      }),
    );
    return outcomes.filter((o): o is FetchOutcome => o !== undefined);
  }

  /** Full text and extraction of the articles this worker claims. */
  async extractRound(): Promise<ProcessReport[]> {
    const jobOf = new Map<string, number>();
    const queue = (stage: Stage) => `stage:${stage.name}`;
    return processPending(this.deps, {
      stages: EXTRACT_STAGES,
      claim: {
        take: async (stage, ids) => {
          const now = this.now();
          for (const id of ids) await enqueueJob(this.deps.db, queue(stage), String(id), now, now);
          const jobs = await claimJobs(this.deps.db, queue(stage), this.owner, PER_ROUND, now, this.leaseMs);
          // Claimed jobs may come from an earlier page of pending articles: all are this worker's,
          // except an article whose stage got done meanwhile (its job is simply finished).
          const open = new Set(
            await notDone(
              this.deps.db,
              stage.name,
              jobs.map((j) => Number(j.key)),
            ),
          );
          const mine: number[] = [];
          for (const j of jobs) {
            const id = Number(j.key);
            if (open.has(id)) {
              mine.push(id);
              jobOf.set(`${stage.name}:${id}`, j.id);
            } else await completeJob(this.deps.db, j.id, this.owner);
          }
          return mine;
        },
        finished: async (stage, id) => {
          const job = jobOf.get(`${stage.name}:${id}`);
          jobOf.delete(`${stage.name}:${id}`);
          if (job !== undefined) await completeJob(this.deps.db, job, this.owner);
        },
      },
    });
  }

  /**
   * Clustering, when this worker holds the cluster slot. The in-memory clusterer is
   * reloaded from the store when the stamp shows another worker clustered since this one
   * last did; the stamp is written on taking the slot, before any change, so a worker that
   * dies mid-way still makes the next one reload. Says why when it did not run.
   */
  async clusterRound(): Promise<ProcessReport[] | NonNullable<RoundReport['clusterSkipped']>> {
    if (await this.earlierWorkInProgress()) return 'waiting for fetches and extraction';
    if (!(await acquireHost(this.deps.db, CLUSTER_SLOT, this.owner, this.now(), this.leaseMs)))
      return 'another worker clusters';
    // Clustering a long backlog outlasts any lease: renew the slot while it runs, or a second
    // worker would take it as expired and cluster the same news at the same time.
    const heartbeat = setInterval(
      () => {
        renewHost(this.deps.db, CLUSTER_SLOT, this.owner, this.now(), this.leaseMs).catch((e: Error) =>
          this.deps.log(`worker ${this.owner}: cluster slot renewal failed: ${e.message}`),
        );
      },
      Math.max(1_000, this.leaseMs / 4),
    );
    try {
      const stored = await this.deps.db.get<{ value: string }>('SELECT value FROM cluster_meta WHERE key = ?', [
        STAMP_KEY,
      ]);
      if (stored?.value !== this.lastStamp) this.deps.state.forgetClusterer();
      const stamp = `${this.owner}:${Date.now()}`;
      await this.deps.db.run(
        'INSERT INTO cluster_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
        [STAMP_KEY, stamp],
      );
      this.lastStamp = stamp;
      // Only articles whose earlier stages are over: one another worker is still extracting waits.
      return await processPending(this.deps, { stages: CLUSTER_STAGES, afterStages: EXTRACT_STAGE_NAMES });
    } finally {
      clearInterval(heartbeat);
      await releaseHost(this.deps.db, CLUSTER_SLOT, this.owner, this.now(), 0);
    }
  }

  /**
   * The clusterer reads articles in time order, and an article much older than the ones it
   * has seen can no longer join its event (events idle a month behind the newest are let go).
   * So while fetch jobs are queued or running, or articles still wait for an earlier stage
   * (another worker may be extracting them), clustering waits, as a single process fetches
   * and extracts everything before it clusters; but never longer than CLUSTER_WAIT_MS for
   * the oldest article waiting, so a busy queue cannot starve it.
   */
  private async earlierWorkInProgress(): Promise<boolean> {
    const now = this.now();
    // A fetch job lives from enqueueing to completion (one waiting for its host counts too).
    const fetching = await this.deps.db.get<{ n: number }>(`SELECT COUNT(*) AS n FROM jobs WHERE queue = 'fetch'`);
    if (Number(fetching?.n ?? 0) === 0 && !(await anyPending(this.deps.db, EXTRACT_STAGE_NAMES, MAX_ATTEMPTS)))
      return false;
    const oldest = await oldestPendingFetchedAt(this.deps.db, 'cluster');
    return !oldest || now.getTime() - Date.parse(oldest) < CLUSTER_WAIT_MS;
  }

  /** Gives back what this worker holds (on shutdown), so others need not wait for the leases. */
  async release(): Promise<void> {
    await releaseOwner(this.deps.db, this.owner, this.now());
  }
}

/** Rounds until the signal aborts, sleeping a tick when a round found nothing to do. */
export async function runWorker(
  worker: Worker,
  deps: Deps,
  signal: AbortSignal,
  opts: { once?: boolean } = {},
): Promise<void> {
  try {
    while (!signal.aborted) {
      let busy = false;
      try {
        const r = await worker.round();
        const done = r.processed.reduce((n, p) => n + p.done + p.failed, 0);
        busy = r.fetched.length > 0 || done > 0;
        if (busy)
          deps.log(
            `worker ${worker.owner}: ${r.fetched.length} sources fetched (` +
              `${r.fetched.reduce((n, o) => n + o.itemsNew, 0)} new articles); ` +
              `${r.processed.map((p) => `${p.stage} ${p.done} done ${p.failed} failed`).join(', ') || 'nothing to process'}` +
              `${r.clusterSkipped ? `; clustering: ${r.clusterSkipped}` : ''}`,
          );
      } catch (e) {
        deps.log(`worker ${worker.owner}: round failed: ${(e as Error).stack ?? e}`);
      }
      if (opts.once) return;
      if (busy) continue;
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, deps.config.schedulerTickS * 1000);
        signal.addEventListener('abort', () => (clearTimeout(t), resolve()), { once: true });
      });
    }
  } finally {
    await worker.release();
  }
}
