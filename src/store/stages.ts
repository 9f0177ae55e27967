import type { Db } from './db.js';
import type { SqlValue } from './sql/client.js';
import { column, listParam, value } from './sql/query.js';

export type StageStatus = 'pending' | 'done' | 'failed';

/** The cluster_meta key under which a store keeps, per stage, the highest article id given rows. */
const markKey = (stage: string) => `stage_rows_up_to:${stage}`;

/**
 * Gives every article a row for each stage it lacks (a stage added by a newer version).
 * Articles are stored with their rows, so this is a safety net: each store is looked at once
 * per stage, then only at articles newer than the mark it keeps (cluster_meta). The mark
 * lives in the store, not the process: a process started on a store of a million articles
 * read the whole articles table once per stage (1.9 s each) before its first round.
 * Inside a transaction the mark rolls back with the rows it stands for.
 */
export async function ensureStageRows(db: Db, stages: readonly string[], at: string): Promise<number> {
  const top = Number((await value<number | null>(db, 'SELECT MAX(id) FROM articles')) ?? 0);
  const marks = new Map(
    (
      await db.all<{ key: string; value: string }>(
        `SELECT key, value FROM cluster_meta WHERE key IN (${listParam(db, 'text')})`,
        [JSON.stringify(stages.map(markKey))],
      )
    ).map((r) => [r.key, Number(r.value)]),
  );
  let n = 0;
  for (const s of stages) {
    const from = marks.get(markKey(s)) ?? 0;
    if (from >= top) continue;
    n += (
      await db.run(
        `INSERT INTO article_stages (article_id, stage, status, attempts, updated_at, article_time)
      SELECT id, ?, 'pending', 0, ?, COALESCE(a.published_at, a.fetched_at) FROM articles a
      WHERE a.id > ? AND a.id <= ? AND NOT EXISTS (SELECT 1 FROM article_stages s WHERE s.article_id = a.id AND s.stage = ?)`,
        [s, at, from, top, s],
      )
    ).changes;
    // Never lowered: another process may have marked further meanwhile.
    await db.run(
      `INSERT INTO cluster_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value
      WHERE CAST(cluster_meta.value AS BIGINT) < CAST(excluded.value AS BIGINT)`,
      [markKey(s), String(top)],
    );
  }
  return n;
}

/** An article's place in a stage's order: its time, then its id. */
export interface StageCursor {
  id: number;
  time: string;
}

/** A stage row that may still run: pending, or failed with attempts left (one `?`: maxAttempts). */
const mayRun = (alias: string) =>
  `(${alias}.status = 'pending' OR (${alias}.status = 'failed' AND ${alias}.attempts < ?))`;

/**
 * Articles waiting for a stage, in the order they were published (the clusterer sees the
 * news as it happened); failed ones are retried up to maxAttempts. With afterStages, only
 * articles published before every article for which one of those stages may still run: so
 * where other processes are still extracting, the clusterer takes the news up to the oldest
 * article not ready yet, and never an article after one it would then meet late.
 *
 * Pending and retryable rows are read apart, each in the order of the article_stages_next
 * index, so a call costs what it returns, not what is waiting. `after` reads on past the
 * articles a run has taken already (a page of them that all failed must not end the run).
 */
export async function pendingFor(
  db: Db,
  stage: string,
  limit: number,
  maxAttempts: number,
  afterStages: readonly string[] = [],
  after?: StageCursor,
): Promise<StageCursor[]> {
  let horizon: string | null = null;
  for (const s of afterStages) {
    const first =
      (await value<string | null>(
        db,
        `SELECT MIN(t) FROM (
        SELECT MIN(article_time) AS t FROM article_stages WHERE stage = ? AND status = 'pending'
        UNION ALL SELECT MIN(article_time) FROM article_stages WHERE stage = ? AND status = 'failed' AND attempts < ?) AS firsts`,
        [s, s, maxAttempts],
      )) ?? null;
    if (first !== null && (horizon === null || first < horizon)) horizon = first;
  }
  const gate =
    (horizon !== null ? ' AND article_time < ?' : '') +
    (after ? ' AND (article_time > ? OR (article_time = ? AND article_id > ?))' : '');
  const part = (
    status: string,
    alias: string,
  ) => `SELECT * FROM (SELECT article_id, article_time FROM article_stages WHERE stage = ? AND ${status}${gate}
    ORDER BY article_time, article_id LIMIT ?) AS ${alias}`;
  const params = (extra: SqlValue[]): SqlValue[] => [
    stage,
    ...extra,
    ...(horizon !== null ? [horizon] : []),
    ...(after ? [after.time, after.time, after.id] : []),
    limit,
  ];
  const rows = await db.all<{ article_id: number; article_time: string }>(
    `SELECT article_id, article_time FROM (${part("status = 'pending'", 'waiting')} UNION ALL ${part("status = 'failed' AND attempts < ?", 'retrying')}) AS next
    ORDER BY article_time, article_id LIMIT ?`,
    [...params([]), ...params([maxAttempts]), limit],
  );
  return rows.map((r) => ({ id: Number(r.article_id), time: r.article_time }));
}

/** Whether any article may still run one of these stages. */
export async function anyPending(db: Db, stages: readonly string[], maxAttempts: number): Promise<boolean> {
  return !!(await db.get(
    `SELECT 1 FROM article_stages s WHERE s.stage IN (${listParam(db, 'text')}) AND ${mayRun('s')} LIMIT 1`,
    [JSON.stringify(stages), maxAttempts],
  ));
}

/** Of these articles, the ones whose stage is not done yet. */
export async function notDone(db: Db, stage: string, ids: readonly number[]): Promise<number[]> {
  return await column<number>(
    db,
    `SELECT article_id FROM article_stages WHERE stage = ? AND status <> 'done' AND article_id IN (${listParam(db, 'int')})`,
    [stage, JSON.stringify(ids)],
  );
}

/** When the longest-waiting article still pending for a stage was fetched, if any is. */
export async function oldestPendingFetchedAt(db: Db, stage: string): Promise<string | null> {
  return (
    (await value<string | null>(
      db,
      `SELECT MIN(a.fetched_at) FROM article_stages s JOIN articles a ON a.id = s.article_id WHERE s.stage = ? AND s.status = 'pending'`,
      [stage],
    )) ?? null
  );
}

/** `attemptsAtLeast`: count the attempts as at least this many (a failure not worth retrying). */
export async function markStage(
  db: Db,
  articleId: number,
  stage: string,
  status: StageStatus,
  at: string,
  extra: { error?: string; note?: string; attemptsAtLeast?: number } = {},
): Promise<void> {
  const floor = extra.attemptsAtLeast ?? 0;
  await db.run(
    `UPDATE article_stages SET status = ?, error = ?, note = ?, attempts = CASE WHEN attempts + 1 < ` +
      `? THEN ? ELSE attempts + 1 END, updated_at = ? WHERE article_id = ? AND stage = ?`,
    [status, extra.error ?? null, extra.note ?? null, floor, floor, at, articleId, stage],
  );
}

/**
 * Marks many articles done for a stage in one statement (a batch's articles, each with its
 * note). The notes go as one JSON object keyed by article id, looked up per row: the rows are
 * found through the primary key from the object's keys (an UPDATE … FROM over the list
 * would walk every row of the stage on SQLite).
 */
export async function markStagesDone(
  db: Db,
  stage: string,
  done: ReadonlyArray<{ id: number; note: string | null }>,
  at: string,
): Promise<void> {
  if (!done.length) return;
  const notes = JSON.stringify(Object.fromEntries(done.map((d) => [String(d.id), d.note])));
  const [note, ids] =
    db.dialect === 'sqlite'
      ? [`json_extract(?, '$."' || article_id || '"')`, 'SELECT CAST(key AS INTEGER) FROM json_each(?)']
      : ['(?::jsonb) ->> article_id::text', 'SELECT key::bigint FROM jsonb_each(?::jsonb)'];
  await db.run(
    `UPDATE article_stages SET status = 'done', error = NULL, note = ${note}, attempts = attempts + 1, updated_at = ?
    WHERE stage = ? AND article_id IN (${ids})`,
    [notes, at, stage, notes],
  );
}

export async function stageCounts(db: Db): Promise<Array<{ stage: string; status: StageStatus; n: number }>> {
  return await db.all<{ stage: string; status: StageStatus; n: number }>(
    'SELECT stage, status, COUNT(*) AS n FROM article_stages GROUP BY stage, status ORDER BY stage, status',
  );
}
