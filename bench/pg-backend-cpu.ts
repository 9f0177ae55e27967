import { readFileSync } from 'node:fs';
import type { SqlClient } from '../src/store/sql/client.js';

/** USER_HZ, the unit of /proc/<pid>/stat times: 100 on Linux. */
const CLOCK_TICKS = 100;

/** A process's CPU time so far (user and system) in ms, from /proc; 0 where it cannot be read. */
export function processCpuMs(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
  } catch {
    return 0;
  }
}

/**
 * The CPU time of the PostgreSQL backends serving `db`'s database (other than `db`'s own
 * connection), by process: on PostgreSQL most of a request's work is done there, which the
 * web server's CPU time leaves out. Readable when the server runs on this machine.
 */
export async function backendCpu(db: SqlClient): Promise<Map<number, number>> {
  const pids = await db.all<{ pid: number }>(
    'SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()',
  );
  return new Map(pids.map(({ pid }) => [pid, processCpuMs(pid)]));
}

/** The CPU the backends of `after` spent since `before` (a backend that ended between the two is not counted). */
export function backendCpuSpent(before: Map<number, number>, after: Map<number, number>): number {
  let ms = 0;
  for (const [pid, t] of after) ms += t - (before.get(pid) ?? 0);
  return ms;
}
