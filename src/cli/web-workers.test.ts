import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { workerCount, workerPoolSize } from './web-workers.js';
import { checkFlags } from './preflight.js';
import { parseCommandLine } from './args.js';

describe('serve --workers', () => {
  it('one process by default; auto is one per core, so a one-core machine serves in one process', () => {
    assert.equal(workerCount(undefined, 8), 1);
    assert.equal(workerCount('auto', 1), 1);
    assert.equal(workerCount('auto', 8), 8);
    assert.equal(workerCount('3', 8), 3);
  });

  it("workers share one process's PostgreSQL pool, at least 2 connections each", () => {
    assert.equal(workerPoolSize(1), 10);
    assert.equal(workerPoolSize(2), 5);
    assert.equal(workerPoolSize(3), 4);
    assert.equal(workerPoolSize(8), 2);
    assert.equal(workerPoolSize(64), 2);
  });

  it('a count that is not one is refused in the user words', () => {
    const check = (v: string) => () =>
      checkFlags('serve', undefined, parseCommandLine(['serve', '--workers', v]).flags);
    for (const bad of ['0', 'many', '2.5', '300'])
      assert.throws(check(bad), /--workers: expected a whole number from 1 to 256 \(or auto/);
    for (const good of ['1', '4', 'auto']) assert.doesNotThrow(check(good));
  });
});
