import { ensureStageRows, markStage, pendingFor } from '../store/stages.js';
import type { Deps } from './deps.js';
import { STAGES, type Stage } from './stages.js';

export interface ProcessReport {
  stage: string;
  done: number;
  failed: number;
}

/** A stage that failed this many times for an article is not tried again. */
export const MAX_ATTEMPTS = 3;
const BATCH = 200;

/**
 * Runs every pending stage of every article, stage by stage in pipeline order. Each
 * article's stage is marked in its own write, so an interruption at any point leaves
 * only that one article-stage to redo.
 */
export interface ProcessOptions {
  stages?: readonly Stage[];
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

export async function processPending(deps: Deps, opts: ProcessOptions = {}): Promise<ProcessReport[]> {
  const stages = opts.stages ?? STAGES;
  await ensureStageRows(deps.db, stages.map((s) => s.name), deps.clock.now().toISOString());
  const reports: ProcessReport[] = [];
  for (const stage of stages) {
    const report: ProcessReport = { stage: stage.name, done: 0, failed: 0 };
    const tried = new Set<number>();
    for (;;) {
      const pending = (await pendingFor(deps.db, stage.name, BATCH, MAX_ATTEMPTS, opts.afterStages)).filter((id) => !tried.has(id));
      if (!pending.length) break;
      const ids = (opts.claim ? await opts.claim.take(stage, pending) : pending).filter((id) => !tried.has(id));
      // Nothing claimable now (others hold these): they are theirs to finish.
      if (!ids.length) break;
      const total = ids.length;
      // `d` is deps as the article's work sees it: inside a batch, with the batch's transaction.
      const runOne = async (id: number, d: Deps) => {
        tried.add(id);
        try {
          const r = await stage.run(id, d);
          await markStage(d.db, id, stage.name, 'done', deps.clock.now().toISOString(), { note: r.note });
          report.done++;
        } catch (e) {
          await markStage(d.db, id, stage.name, 'failed', deps.clock.now().toISOString(), { error: (e as Error).message });
          report.failed++;
        }
      };
      const batch = stage.batch?.(deps) ?? 1;
      if (batch > 1 && !deps.db.inTransaction) {
        // One write transaction per batch, articles one after another (the stage's own
        // transactions become savepoints inside it). Claims are given back after the commit.
        for (let k = 0; k < ids.length; k += batch) {
          const slice = ids.slice(k, k + batch);
          try {
            await deps.db.transaction(async (tx) => {
              const d = { ...deps, db: tx };
              for (const id of slice) {
                await runOne(id, d);
                opts.onProgress?.(report, total);
              }
              await stage.beforeCommit?.(d);
            });
          } catch (e) {
            stage.onRollback?.(deps);
            throw e;
          }
          for (const id of slice) await opts.claim?.finished(stage, id);
        }
        continue;
      }
      let next = 0;
      const worker = async () => {
        while (next < ids.length) {
          const id = ids[next++]!;
          await runOne(id, deps);
          await opts.claim?.finished(stage, id);
          opts.onProgress?.(report, total);
        }
      };
      await Promise.all(Array.from({ length: Math.min(stage.concurrency ?? Infinity, opts.concurrency ?? 4) }, worker));
      await stage.beforeCommit?.(deps);
    }
    reports.push(report);
  }
  return reports;
}
