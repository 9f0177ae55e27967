import cluster from 'node:cluster';
import { stopWithParent } from './cli/stop-with-parent.js';
import { webWorkerSlot } from './cli/web-workers.js';
import { keepHeapSmall } from './memory.js';

// Every command may run long (the pipeline, the server): the heap stays near its live size.
keepHeapSmall();

// Output piped into `head` and the like: a closed pipe ends the command quietly, not with a stack trace.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});

// Run by npm (npm start), the process stops with npm, whose shell does not pass signals on.
if (process.env['npm_lifecycle_event']) stopWithParent();

// A web worker of `serve --workers` loads the web app only; every other process, the CLI.
const slot = webWorkerSlot();
const argv = process.argv.slice(2);
(slot === undefined
  ? import('./cli/index.js').then((m) => m.main(argv, process.env))
  : import('./cli/web-worker.js').then((m) => m.runWebWorker(slot, argv, process.env))
).then(
  (code) => {
    process.exitCode = code;
    letGoOfPrimary();
  },
  (e: unknown) => {
    console.error(`almanac: unexpected error: ${(e as Error)?.stack ?? e}`);
    process.exitCode = 70;
    letGoOfPrimary();
  },
);

/** A web worker's channel to its primary (serve --workers) would keep it running once its command is done. */
function letGoOfPrimary(): void {
  if (cluster.isWorker && cluster.worker?.isConnected()) cluster.worker.disconnect();
}
