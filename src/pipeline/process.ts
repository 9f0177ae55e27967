import { ensureStageRows, markStage, markStagesDone, pendingFor, type StageCursor } from '../store/stages.js';
import type { Deps } from './deps.js';
import { storeFailure } from '../store/store-failure.js';
import { STAGES, type Stage } from './stages.js';

export interface ProcessReport {
  stage: string;
  done: number;
  failed: number;
}

/** A stage that failed this many times for an article is not tried again. */
export const MAX_ATTEMPTS = 3;
/** Articles taken per round of a stage. */
const PAGE = 200;
/**
 * For a stage with work done ahead (extraction on other threads): more, so the threads
 * rarely wait at the turn of a page.
 */
const PREPARED_PAGE = 1000;
/** A stage run article by article tells later stages it moved on after this many. */
const PROGRESS_EVERY = 25;

export interface ProcessOptions {
  stages?: readonly Stage[];
  /** Stop after the current batch of each stage when this aborts (the next run resumes with the rest). */
  signal?: AbortSignal;
  concurrency?: number;
  onProgress?: (r: ProcessReport, total: number) => void;
  /**
   * Where several processes share the store: of the pending ids, the ones this process
   * has claimed (the others are left to whoever claimed them), and a call when each of its
   * ids is finished (done or failed). Without it every pending id is this process's.
   */
  claim?: { take(stage: Stage, ids: number[]): Promise<number[]>; finished(stage: Stage, id: number): Promise<void> };
  /** Stages that must be over (done, or failed for good), for the article and every one published before it, before it is taken. */
  afterStages?: readonly string[];
}

/**
 * Runs every pending stage of every article. Each article's stage is marked in its own
 * write (or its batch's), so an interruption at any point leaves only that article-stage
 * (or that batch) to redo.
 *
 * The stages run side by side, each in its own loop: a stage takes only the articles
 * published before every article that an earlier stage of this call may still run on
 * (pendingFor's horizon), so clustering meets the news in time order, as when the stages
 * ran one after another, while the extraction of later articles goes on (on other
 * threads) meanwhile. When a stage fails as a whole, the others stop after their
 * current batch and the error is thrown.
 */
export async function processPending(deps: Deps, opts: ProcessOptions = {}): Promise<ProcessReport[]> {
  const stages = opts.stages ?? STAGES;
  await ensureStageRows(
    deps.db,
    stages.map((s) => s.name),
    deps.clock.now().toISOString(),
  );
  const reports = stages.map((s): ProcessReport => ({ stage: s.name, done: 0, failed: 0 }));
  const running = stages.map(() => true);
  const progress = new Progress();
  // Asked to stop (Ctrl-C): every stage ends after the batch it is in; what was committed stays.
  const stopOnSignal = () => progress.stop();
  if (opts.signal?.aborted) progress.stop();
  opts.signal?.addEventListener('abort', stopOnSignal, { once: true });
  const results = await Promise.allSettled(
    stages.map(async (stage, i) => {
      try {
        await runStage(
          deps,
          opts,
          stage,
          reports[i]!,
          () => stages.filter((_, j) => j < i && running[j]).map((s) => s.name),
          progress,
        );
      } catch (e) {
        progress.stop();
        throw e;
      } finally {
        running[i] = false;
        progress.release();
      }
    }),
  );
  opts.signal?.removeEventListener('abort', stopOnSignal);
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
  return reports;
}

/**
 * Wakes the stages waiting for an earlier stage to move on. A waiting stage short of a batch
 * by k articles sleeps until k more articles have moved on, or until a stage ends: each look
 * at what is pending is a query. An earlier stage readies about as many articles as it
 * finishes; where one finish readies more (the oldest article waiting was done), the wait
 * is longer than it needed to be, never endless: every stage's end wakes the others.
 */
class Progress {
  private waiters: Array<{ until: number; wake: () => void }> = [];
  private finished = 0;
  private ended = 0;
  /** Set when a stage failed or the caller asked to stop: the stages end their loops. */
  stopped = false;
  stop(): void {
    this.stopped = true;
    this.release();
  }
  /** Where things stand: articles any stage of this call has finished, and stages ended. */
  get mark(): { finished: number; ends: number } {
    return { finished: this.finished, ends: this.ended };
  }
  moved(articles: number): void {
    this.finished += articles;
    this.waiters = this.waiters.filter((w) => (w.until <= this.finished ? (w.wake(), false) : true));
  }
  /** A stage ended: what waits on it looks again at once. */
  release(): void {
    this.ended++;
    for (const w of this.waiters.splice(0)) w.wake();
  }
  /**
   * Resolves once `articles` more have moved on since `mark` was read, or a stage has ended
   * since (also when that happened before this call: a stage may end while the caller was
   * still reading what is pending).
   */
  after(mark: { finished: number; ends: number }, articles: number): Promise<void> {
    const until = mark.finished + articles;
    if (this.finished >= until || this.ended !== mark.ends) return Promise.resolve();
    return new Promise((wake) => this.waiters.push({ until, wake }));
  }
}

async function runStage(
  deps: Deps,
  opts: ProcessOptions,
  stage: Stage,
  report: ProcessReport,
  earlierRunning: () => string[],
  progress: Progress,
): Promise<void> {
  await takeArticles(deps, opts, stage, report, earlierRunning, progress);
  // Also when another stage failed: what this one's committed batches left is finished.
  await stage.finish?.(deps);
}

async function takeArticles(
  deps: Deps,
  opts: ProcessOptions,
  stage: Stage,
  report: ProcessReport,
  earlierRunning: () => string[],
  progress: Progress,
): Promise<void> {
  const tried = new Set<number>();
  // Where this run has read to: each page is read after the last, so a page of articles that
  // all failed (pages of a host that is down) does not end the run with the rest untouched.
  let cursor: StageCursor | undefined;
  while (!progress.stopped) {
    const earlier = earlierRunning();
    const seen = progress.mark;
    const page = await pendingFor(
      deps.db,
      stage.name,
      stage.prepare ? PREPARED_PAGE : PAGE,
      MAX_ATTEMPTS,
      [...(opts.afterStages ?? []), ...earlier],
      cursor,
    );
    const pending = page.map((r) => r.id).filter((id) => !tried.has(id));
    const batch = stage.batch?.(deps) ?? 1;
    // While an earlier stage is at work, wait until it has readied a whole batch (many small
    // batches would cost a commit each); when none is, what is ready is all there will be.
    const enough = Math.min(batch, PAGE);
    if (earlier.length && pending.length < enough) {
      await progress.after(seen, enough - pending.length);
      continue;
    }
    if (!pending.length) break;
    cursor = page.at(-1);
    const claimed = (opts.claim ? await opts.claim.take(stage, pending) : pending).filter((id) => !tried.has(id));
    // Nothing claimable now (others hold these): they are theirs to finish.
    if (!claimed.length) break;
    let ids = claimed;
    // Progress counts the whole run of this stage: what is done so far and this page's articles.
    const total = report.done + report.failed + ids.length;
    // Those the stage has nothing to do for are done in one write.
    const idle = await stage.idle?.(ids, deps);
    if (idle?.size) {
      await deps.db.transaction((tx) =>
        markStagesDone(
          tx,
          stage.name,
          [...idle].map(([id, note]) => ({ id, note })),
          deps.clock.now().toISOString(),
        ),
      );
      for (const id of idle.keys()) {
        tried.add(id);
        report.done++;
        await opts.claim?.finished(stage, id);
        opts.onProgress?.(report, total);
      }
      progress.moved(idle.size);
      ids = ids.filter((id) => !idle.has(id));
      if (!ids.length) continue;
    }
    // `d` is deps as the article's work sees it: inside a batch, with the batch's transaction.
    // In a batch, the articles done are marked together before it commits (`done` given).
    const runOne = async (
      id: number,
      d: Deps,
      prepared?: unknown,
      done?: Array<{ id: number; note: string | null }>,
    ) => {
      tried.add(id);
      try {
        const r = await stage.run(id, d, prepared);
        if (done) done.push({ id, note: r.note ?? null });
        else await markStage(d.db, id, stage.name, 'done', deps.clock.now().toISOString(), { note: r.note });
        report.done++;
      } catch (e) {
        // A full, read-only or damaged store is no fault of the article's: it is not counted against it.
        if (storeFailure(e)) throw e;
        // An error marked final (input refused by a bound, or cut for its time budget) would come
        // back the same: the stage is not tried again for this article.
        const final = (e as { final?: unknown }).final === true;
        await markStage(d.db, id, stage.name, 'failed', deps.clock.now().toISOString(), {
          error: (e as Error).message,
          ...(final ? { attemptsAtLeast: MAX_ATTEMPTS } : {}),
        });
        report.failed++;
      }
    };
    if (batch > 1 && !deps.db.inTransaction) {
      // One write transaction per batch, articles one after another (the stage's own
      // transactions become savepoints inside it). Claims are given back after the commit.
      // The work done before transactions (extraction on other threads) starts for the whole
      // page at once, so it runs ahead while the batches before it commit.
      const early = (await stage.prepare?.(ids, deps)) ?? new Map<number, Promise<unknown>>();
      for (let k = 0; k < ids.length && !progress.stopped; k += batch) {
        const slice = ids.slice(k, k + batch);
        const prepared = await Promise.all(slice.map((id) => early.get(id)));
        try {
          await deps.db.transaction(async (tx) => {
            const d = { ...deps, db: tx };
            const done: Array<{ id: number; note: string | null }> = [];
            for (const [i, id] of slice.entries()) {
              await runOne(id, d, prepared[i], done);
              opts.onProgress?.(report, total);
            }
            await markStagesDone(tx, stage.name, done, deps.clock.now().toISOString());
            await stage.beforeCommit?.(d);
          });
        } catch (e) {
          stage.onRollback?.(deps);
          throw e;
        }
        await stage.afterCommit?.(deps);
        progress.moved(slice.length);
        for (const id of slice) await opts.claim?.finished(stage, id);
      }
      continue;
    }
    let next = 0;
    let finished = 0;
    const worker = async () => {
      while (next < ids.length && !progress.stopped) {
        const id = ids[next++]!;
        await runOne(id, deps);
        await opts.claim?.finished(stage, id);
        opts.onProgress?.(report, total);
        // Later stages look again every so many articles (each look is a query).
        if (++finished % PROGRESS_EVERY === 0) progress.moved(PROGRESS_EVERY);
      }
    };
    await Promise.all(Array.from({ length: Math.min(stage.concurrency ?? Infinity, opts.concurrency ?? 4) }, worker));
    await stage.beforeCommit?.(deps);
    progress.moved(finished % PROGRESS_EVERY);
  }
}
