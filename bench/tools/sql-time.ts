/**
 * Time spent in each SQL statement (a preload): every better-sqlite3 statement run and every
 * exec (BEGIN, COMMIT, …) timed, per thread, and the statements that took longest printed with
 * their count and mean: the main thread's at exit, a worker thread's (the relating thread's)
 * when it closes its connection, since a worker ends without the process's exit event.
 *   node --import tsx --import ./bench/tools/sql-time.ts bench/ingest-run.ts 10000
 */
import Database from 'better-sqlite3';
import { writeSync } from 'node:fs';
import { isMainThread, threadId } from 'node:worker_threads';

const spent = new Map<string, { n: number; ns: bigint }>();
const record = (sql: string, start: bigint) => {
  const key = sql.replace(/\s+/g, ' ').slice(0, 140);
  const e = spent.get(key) ?? spent.set(key, { n: 0, ns: 0n }).get(key)!;
  e.n++;
  e.ns += process.hrtime.bigint() - start;
};
type Method = (this: { source: string }, ...args: unknown[]) => unknown;
const statement = Object.getPrototypeOf(new Database(':memory:').prepare('SELECT 1')) as Record<string, Method>;
for (const m of ['run', 'all', 'get', 'iterate']) {
  const original = statement[m]!;
  statement[m] = function (...args) {
    const start = process.hrtime.bigint();
    try {
      return original.apply(this, args);
    } finally {
      record(this.source, start);
    }
  };
}
const db = Database.prototype as unknown as { exec: (this: Database.Database, sql: string) => Database.Database };
const exec = db.exec;
db.exec = function (sql) {
  const start = process.hrtime.bigint();
  try {
    return exec.call(this, sql);
  } finally {
    record(`EXEC ${sql.slice(0, 60)}`, start);
  }
};
function report(): void {
  const rows = [...spent].sort((a, b) => Number(b[1].ns - a[1].ns));
  const total = rows.reduce((s, [, e]) => s + Number(e.ns), 0);
  const who = isMainThread ? 'sql-time:' : `sql-time [thread ${threadId}]:`;
  // Written at once: a worker's console goes through the main thread, and the thread is stopped right after it closes.
  const line = (text: string) => writeSync(2, `${text}\n`);
  line(`${who} ${(total / 1e9).toFixed(1)} s in SQL`);
  for (const [sql, e] of rows.slice(0, 30)) {
    line(
      `${who} ${(Number(e.ns) / 1e9).toFixed(2).padStart(7)} s ${String(e.n).padStart(8)} × ${(Number(e.ns) / e.n / 1e3).toFixed(0).padStart(6)} µs  ${sql}`,
    );
  }
  spent.clear();
}
if (isMainThread) process.on('exit', report);
else {
  const close = (Database.prototype as unknown as { close: (this: Database.Database) => Database.Database }).close;
  (Database.prototype as unknown as { close: (this: Database.Database) => Database.Database }).close = function () {
    if (spent.size) report();
    return close.call(this);
  };
}
