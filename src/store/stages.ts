import type { Db } from './db.js';

export type StageStatus = 'pending' | 'done' | 'failed';

/** Gives every article a row for each stage it lacks (a stage added by a newer version). */
export function ensureStageRows(db: Db, stages: readonly string[], at: string): number {
  let n = 0;
  const stmt = db.prepare(`INSERT INTO article_stages (article_id, stage, status, attempts, updated_at)
    SELECT id, ?, 'pending', 0, ? FROM articles a WHERE NOT EXISTS (SELECT 1 FROM article_stages s WHERE s.article_id = a.id AND s.stage = ?)`);
  for (const s of stages) n += stmt.run(s, at, s).changes;
  return n;
}

/** A stage row that may still run: pending, or failed with attempts left (one `?`: maxAttempts). */
const mayRun = (alias: string) => `(${alias}.status = 'pending' OR (${alias}.status = 'failed' AND ${alias}.attempts < ?))`;

/**
 * Articles waiting for a stage, in the order they were published (the clusterer sees the
 * news as it happened); failed ones are retried up to maxAttempts.
 */
export function pendingFor(db: Db, stage: string, limit: number, maxAttempts: number, afterStages: readonly string[] = []): number[] {
  // With afterStages, an article waits while any of those stages may still run for it.
  const gate = afterStages.length
    ? ` AND NOT EXISTS (SELECT 1 FROM article_stages p WHERE p.article_id = s.article_id AND p.stage IN (SELECT value FROM json_each(?)) AND ${mayRun('p')})`
    : '';
  const params: unknown[] = [stage, maxAttempts, ...(afterStages.length ? [JSON.stringify(afterStages), maxAttempts] : []), limit];
  return db.prepare(`SELECT s.article_id FROM article_stages s JOIN articles a ON a.id = s.article_id
    WHERE s.stage = ? AND ${mayRun('s')}${gate}
    ORDER BY COALESCE(a.published_at, a.fetched_at), s.article_id LIMIT ?`).pluck().all(...params) as number[];
}

/** Whether any article may still run one of these stages. */
export function anyPending(db: Db, stages: readonly string[], maxAttempts: number): boolean {
  return !!db.prepare(`SELECT 1 FROM article_stages s WHERE s.stage IN (SELECT value FROM json_each(?)) AND ${mayRun('s')} LIMIT 1`).get(JSON.stringify(stages), maxAttempts);
}

/** Of these articles, the ones whose stage is not done yet. */
export function notDone(db: Db, stage: string, ids: readonly number[]): number[] {
  return db.prepare(`SELECT article_id FROM article_stages WHERE stage = ? AND status <> 'done' AND article_id IN (SELECT value FROM json_each(?))`)
    .pluck().all(stage, JSON.stringify(ids)) as number[];
}

/** When the longest-waiting article still pending for a stage was fetched, if any is. */
export function oldestPendingFetchedAt(db: Db, stage: string): string | null {
  return (db.prepare(`SELECT MIN(a.fetched_at) FROM article_stages s JOIN articles a ON a.id = s.article_id WHERE s.stage = ? AND s.status = 'pending'`).pluck().get(stage) as string | null) ?? null;
}

export function markStage(db: Db, articleId: number, stage: string, status: StageStatus, at: string, extra: { error?: string; note?: string } = {}): void {
  db.prepare(`UPDATE article_stages SET status = ?, error = ?, note = ?, attempts = attempts + 1, updated_at = ? WHERE article_id = ? AND stage = ?`)
    .run(status, extra.error ?? null, extra.note ?? null, at, articleId, stage);
}

export function stageCounts(db: Db): Array<{ stage: string; status: StageStatus; n: number }> {
  return db.prepare('SELECT stage, status, COUNT(*) AS n FROM article_stages GROUP BY stage, status ORDER BY stage, status').all() as Array<{ stage: string; status: StageStatus; n: number }>;
}
