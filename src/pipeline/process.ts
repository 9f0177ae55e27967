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
  /** Stages that must be over (done, or failed for good) before an article is taken. */
  afterStages?: readonly string[];
}

export async function processPending(deps: Deps, opts: ProcessOptions = {}): Promise<ProcessReport[]> {
  const stages = opts.stages ?? STAGES;
  ensureStageRows(deps.db, stages.map((s) => s.name), deps.clock.now().toISOString());
  const reports: ProcessReport[] = [];
  for (const stage of stages) {
    const report: ProcessReport = { stage: stage.name, done: 0, failed: 0 };
    const tried = new Set<number>();
    for (;;) {
      const pending = pendingFor(deps.db, stage.name, BATCH, MAX_ATTEMPTS, opts.afterStages).filter((id) => !tried.has(id));
      if (!pending.length) break;
      const ids = (opts.claim ? await opts.claim.take(stage, pending) : pending).filter((id) => !tried.has(id));
      // Nothing claimable now (others hold these): they are theirs to finish.
      if (!ids.length) break;
      const total = ids.length;
      const runOne = async (id: number) => {
        tried.add(id);
        try {
          const r = await stage.run(id, deps);
          markStage(deps.db, id, stage.name, 'done', deps.clock.now().toISOString(), { note: r.note });
          report.done++;
        } catch (e) {
          markStage(deps.db, id, stage.name, 'failed', deps.clock.now().toISOString(), { error: (e as Error).message });
          report.failed++;
        }
        await opts.claim?.finished(stage, id);
        opts.onProgress?.(report, total);
      };
      const batch = stage.batch?.(deps) ?? 1;
      if (batch > 1 && !deps.db.inTransaction) {
        // One write transaction per batch, articles one after another (the stage's own
        // transactions become savepoints inside it).
        for (let k = 0; k < ids.length; k += batch) {
          deps.db.exec('BEGIN IMMEDIATE');
          try {
            for (const id of ids.slice(k, k + batch)) await runOne(id);
            stage.beforeCommit?.(deps);
            deps.db.exec('COMMIT');
          } catch (e) {
            if (deps.db.inTransaction) deps.db.exec('ROLLBACK');
            stage.onRollback?.(deps);
            throw e;
          }
        }
        continue;
      }
      let next = 0;
      const worker = async () => {
        while (next < ids.length) await runOne(ids[next++]!);
      };
      await Promise.all(Array.from({ length: Math.min(stage.concurrency ?? Infinity, opts.concurrency ?? 4) }, worker));
      stage.beforeCommit?.(deps);
    }
    reports.push(report);
  }
  return reports;
}
