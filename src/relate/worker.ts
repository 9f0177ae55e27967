import { parentPort, workerData } from 'node:worker_threads';
import { openSqliteReader } from '../store/db.js';
import { SqliteClient } from '../store/sql/sqlite-client.js';
import { yieldToMainThread } from '../threads.js';
import { relatingJobs } from './relate.js';
import type { RelateReply } from './relater.js';

/**
 * The relating thread (relater.ts): its own connection to the store, read only. Each job
 * relates the events marked pending as of the last commit, in one read transaction (so the
 * whole job sees one state of the store however the writer goes on meanwhile), passing over
 * those the job before related; it says when its view is fixed, then sends its results.
 */
yieldToMainThread();
const { file } = workerData as { file: string };
const raw = openSqliteReader(file);
const db = new SqliteClient(raw, true);
const jobs = relatingJobs();
const reply = (m: RelateReply) => parentPort!.postMessage(m);

// One job after another, in the order sent.
let queue: Promise<void> = Promise.resolve();
parentPort?.on('message', (m: { job: number } | { reset: true } | { close: true }) => {
  queue = queue.then(async () => {
    if ('reset' in m) {
      jobs.reset();
      return;
    }
    if ('close' in m) {
      raw.close();
      reply({ closed: true });
      return;
    }
    try {
      raw.exec('BEGIN');
      // In one read transaction: what the job reads cannot change under it.
      const results = await jobs.run(db, () => reply({ job: m.job, taken: true }), true);
      raw.exec('COMMIT');
      reply({ job: m.job, results });
    } catch (e) {
      if (raw.inTransaction) raw.exec('ROLLBACK');
      reply({ job: m.job, error: (e as Error).message || String(e) });
    }
  });
});
