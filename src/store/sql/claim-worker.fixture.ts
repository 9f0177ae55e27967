// A worker process for the shared storage suite: claims jobs of one queue until none are
// left and prints each claimed job's key on its own line; each job "works" for a few
// milliseconds so that workers overlap. Run as: node --import tsx claim-worker.fixture.ts <store-url> <owner>
import { claimJobs, completeJob } from '../jobs.js';
import { openStore } from './open.js';

const [url, owner] = process.argv.slice(2);
const store = await openStore(url!, { poolSize: 2 });
let idle = 0;
while (idle < 3) {
  const jobs = await claimJobs(store, 'test', owner!, 5, new Date(), 60_000);
  if (jobs.length === 0) {
    idle++;
    await new Promise((r) => setTimeout(r, 20));
    continue;
  }
  idle = 0;
  for (const j of jobs) {
    process.stdout.write(`${j.key}\n`);
    await new Promise((r) => setTimeout(r, 4));
    if (!(await completeJob(store, j.id, owner!))) process.stdout.write(`LOST ${j.key}\n`);
  }
}
await store.close();
