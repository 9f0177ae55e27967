import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, it } from 'node:test';
import { Worker } from 'node:worker_threads';
import { preloadsOf } from './threads.js';

/** A thread's nice value, from /proc (field 19 of its stat line; the name in field 2 has no spaces here). */
const niceOf = (path: string) => Number(readFileSync(path, 'utf8').split(' ')[18]);

describe('helper threads', () => {
  it('run below the main thread, which keeps its priority', {
    skip: existsSync('/proc/thread-self/stat') ? false : 'no /proc/thread-self (not Linux)',
  }, async () => {
    const before = niceOf('/proc/thread-self/stat');
    const url = new URL('./threads.ts', import.meta.url).href;
    const tsx = import.meta.resolve('tsx/esm/api');
    // The same start as startThread's under tsx, then the helper's call and a look at itself.
    const w = new Worker(
      `import(${JSON.stringify(tsx)}).then((api) => { api.register(); return import(${JSON.stringify(url)}); }).then((m) => {
      m.yieldToMainThread();
      require('node:worker_threads').parentPort.postMessage(Number(require('node:fs').readFileSync('/proc/thread-self/stat', 'utf8').split(' ')[18]));
    })`,
      { eval: true },
    );
    const nice = await new Promise<number>((resolve, reject) => {
      w.once('message', resolve);
      w.once('error', reject);
    });
    await w.terminate();
    assert.equal(nice, before + 10 > 19 ? 19 : before + 10);
    assert.equal(niceOf('/proc/thread-self/stat'), before, 'the main thread is left as it was');
  });
});

describe('preloadsOf', () => {
  it('finds the modules node preloads, in both spellings, without tsx, paths as file URLs', () => {
    assert.deepEqual(
      preloadsOf([
        '--import',
        'tsx',
        '--import=./bench/tools/sql-time.ts',
        '--cpu-prof',
        '--import',
        '/abs/tool.mjs',
        '--import=some-package',
      ]),
      [pathToFileURL(resolve('bench/tools/sql-time.ts')).href, 'file:///abs/tool.mjs', 'some-package'],
    );
    assert.deepEqual(preloadsOf(['--max-old-space-size=512']), []);
  });
});
