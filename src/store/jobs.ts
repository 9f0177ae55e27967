import type { SqlClient } from './sql/client.js';

/**
 * A queue of jobs that several processes share, on either engine. A claim takes the
 * oldest ready jobs and leases them to one owner until a deadline; completing, failing or
 * renewing a job checks that the caller still holds the lease, so a worker that stalled
 * past its lease cannot finish a job another worker has since taken. On PostgreSQL the
 * claim skips rows another transaction is claiming (FOR UPDATE SKIP LOCKED) instead of
 * waiting for them; on SQLite the one UPDATE statement already runs alone.
 */
export interface Job {
  id: number;
  queue: string;
  key: string;
  attempts: number;
  leaseUntil: string;
}

interface JobRow {
  id: number;
  queue: string;
  key: string;
  attempts: number;
  lease_until: string;
}

const iso = (ms: number): string => new Date(ms).toISOString();

/** Adds a job unless one with this queue and key exists; true when added. */
export async function enqueueJob(
  c: SqlClient,
  queue: string,
  key: string,
  runAfter: Date,
  now: Date,
): Promise<boolean> {
  const r = await c.run(
    'INSERT INTO jobs (queue, key, run_after, created_at) VALUES (?, ?, ?, ?) ON CONFLICT (queue, key) DO NOTHING',
    [queue, key, runAfter.toISOString(), now.toISOString()],
  );
  return r.changes === 1;
}

/** Leases up to `limit` ready jobs of a queue to `owner` for `leaseMs`. */
export async function claimJobs(
  c: SqlClient,
  queue: string,
  owner: string,
  limit: number,
  now: Date,
  leaseMs: number,
): Promise<Job[]> {
  const at = now.toISOString();
  const lock = c.dialect === 'postgres' ? ' FOR UPDATE SKIP LOCKED' : '';
  const rows = await c.all<JobRow>(
    `UPDATE jobs SET lease_owner = ?, lease_until = ?, attempts = attempts + 1
     WHERE id IN (SELECT id FROM jobs WHERE queue = ? AND run_after <= ? AND (lease_until IS NULL OR lease_until <= ?)
                  ORDER BY run_after, id LIMIT ?${lock})
     RETURNING id, queue, key, attempts, lease_until`,
    [owner, iso(now.getTime() + leaseMs), queue, at, at, limit],
  );
  return rows
    .map((r) => ({ id: r.id, queue: r.queue, key: r.key, attempts: r.attempts, leaseUntil: r.lease_until }))
    .sort((a, b) => a.id - b.id);
}

/** Extends a held lease; false when the lease was lost (expired and taken, or finished). */
export async function renewJob(c: SqlClient, id: number, owner: string, now: Date, leaseMs: number): Promise<boolean> {
  const r = await c.run('UPDATE jobs SET lease_until = ? WHERE id = ? AND lease_owner = ? AND lease_until > ?', [
    iso(now.getTime() + leaseMs),
    id,
    owner,
    now.toISOString(),
  ]);
  return r.changes === 1;
}

/** Removes a finished one-off job; false when the caller no longer held it. */
export async function completeJob(c: SqlClient, id: number, owner: string): Promise<boolean> {
  return (await c.run('DELETE FROM jobs WHERE id = ? AND lease_owner = ?', [id, owner])).changes === 1;
}

/**
 * Gives a job back to run again at `runAfter`: a recurring job (a source's next poll) after
 * success, or any job after a failure, with the error kept. Attempts restart at 0 on success.
 */
export async function releaseJob(
  c: SqlClient,
  id: number,
  owner: string,
  runAfter: Date,
  outcome: { error?: string } = {},
): Promise<boolean> {
  const r = await c.run(
    `UPDATE jobs SET lease_owner = NULL, lease_until = NULL, run_after = ?, last_error = ?,
       attempts = CASE WHEN ? = 1 THEN attempts ELSE 0 END
     WHERE id = ? AND lease_owner = ?`,
    [runAfter.toISOString(), outcome.error ?? null, outcome.error ? 1 : 0, id, owner],
  );
  return r.changes === 1;
}

export async function jobCounts(
  c: SqlClient,
  now: Date,
): Promise<Array<{ queue: string; ready: number; leased: number; waiting: number }>> {
  const at = now.toISOString();
  return c.all(
    `SELECT queue,
       SUM(CASE WHEN run_after <= ? AND (lease_until IS NULL OR lease_until <= ?) THEN 1 ELSE 0 END) AS ready,
       SUM(CASE WHEN lease_until > ? THEN 1 ELSE 0 END) AS leased,
       SUM(CASE WHEN run_after > ? AND (lease_until IS NULL OR lease_until <= ?) THEN 1 ELSE 0 END) AS waiting
     FROM jobs GROUP BY queue ORDER BY queue`,
    [at, at, at, at, at],
  );
}

/**
 * Takes a host for one request: succeeds when nobody holds it and its pause has passed.
 * One statement on both engines (an upsert whose update only happens when the slot is
 * free), so two workers can never both get it.
 */
export async function acquireHost(
  c: SqlClient,
  host: string,
  owner: string,
  now: Date,
  holdMs: number,
): Promise<boolean> {
  const r = await c.run(
    `INSERT INTO host_slots (host, owner, until) VALUES (?, ?, ?)
     ON CONFLICT (host) DO UPDATE SET owner = excluded.owner, until = excluded.until WHERE host_slots.until <= ?`,
    [host, owner, iso(now.getTime() + holdMs), now.toISOString()],
  );
  return r.changes === 1;
}

/** Extends a held host slot (a long holder's heartbeat); false when it was lost (expired and taken). */
export async function renewHost(
  c: SqlClient,
  host: string,
  owner: string,
  now: Date,
  holdMs: number,
): Promise<boolean> {
  const r = await c.run('UPDATE host_slots SET until = ? WHERE host = ? AND owner = ? AND until > ?', [
    iso(now.getTime() + holdMs),
    host,
    owner,
    now.toISOString(),
  ]);
  return r.changes === 1;
}

/** Gives a host back; the next request to it may go after `pauseMs`. */
export async function releaseHost(
  c: SqlClient,
  host: string,
  owner: string,
  now: Date,
  pauseMs: number,
): Promise<void> {
  await c.run('UPDATE host_slots SET owner = NULL, until = ? WHERE host = ? AND owner = ?', [
    iso(now.getTime() + pauseMs),
    host,
    owner,
  ]);
}

/** Gives back every job lease and host slot an owner holds (a worker shutting down), so others need not wait for them to expire. */
export async function releaseOwner(c: SqlClient, owner: string, now: Date): Promise<void> {
  await c.run('UPDATE jobs SET lease_owner = NULL, lease_until = NULL WHERE lease_owner = ?', [owner]);
  await c.run('UPDATE host_slots SET owner = NULL, until = ? WHERE owner = ?', [now.toISOString(), owner]);
}
