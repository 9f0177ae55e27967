import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { describe, it } from 'node:test';
import { keepHeapSmall } from './memory.js';

// Old-generation garbage as the pipeline makes it: a live set, and objects that outlive the
// young generation (a ring of 200,000) before they die. Prints the largest heap it saw.
const churn = (keep: boolean) => `
  ${keep ? `const { keepHeapSmall } = await import(${JSON.stringify(new URL('./memory.ts', import.meta.url).href)}); keepHeapSmall();` : ''}
  const live = [];
  for (let i = 0; i < 400000; i++) live.push({ a: i, b: 'x' + i, c: [i, i + 1] });
  const ring = new Array(200000);
  let max = 0, acc = 0;
  for (let i = 0; i < 2000000; i++) {
    ring[i % ring.length] = { s: 'y' + i, v: new Array(16).fill(i) };
    for (let k = 0; k < 20; k++) acc += Math.sqrt(k + i);
    if (i % 10000 === 0) max = Math.max(max, process.memoryUsage().heapTotal);
  }
  console.log(JSON.stringify({ maxMb: max / 1048576, live: live.length, acc: acc > 0 }));`;

const run = (keep: boolean): number => {
  const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', churn(keep)], {
    encoding: 'utf8',
    env: { ...process.env, NODE_OPTIONS: '' },
  });
  return (JSON.parse(out) as { maxMb: number }).maxMb;
};

describe('keepHeapSmall', () => {
  it('holds the heap far closer to its live size than V8 does by itself', () => {
    const free = run(false);
    const kept = run(true);
    // V8 alone grew this heap to about 460 MB, kept to about 190 (live data is about 60).
    assert.ok(kept < free * 0.7, `heap ${kept.toFixed(0)} MB with keepHeapSmall against ${free.toFixed(0)} MB without`);
  });

  it('leaves a growth the user gave node alone, and refuses a nonsense percent', () => {
    assert.equal(keepHeapSmall(30, ['--heap-growing-percent=80'], ''), undefined);
    assert.equal(keepHeapSmall(30, [], '--max-old-space-size=900 --heap_growing_percent=50'), undefined);
    assert.equal(keepHeapSmall(30, [], ''), 30);
    assert.throws(() => keepHeapSmall(0), /whole number from 1 to 300/);
    assert.throws(() => keepHeapSmall(12.5), /whole number from 1 to 300/);
  });
});
