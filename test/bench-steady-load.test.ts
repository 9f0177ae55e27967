import assert from 'node:assert/strict';
import { test } from 'node:test';
import { counted, quantile } from '../bench/steady-load.js';

test('a request sent before the counted seconds is left out, though answered in them', () => {
  const answers = [
    { at: 1_900, ms: 1_200, ok: true }, // asked at 700, on a connection the server was slow to take
    { at: 2_010, ms: 5, ok: true },
    { at: 2_050, ms: 40, ok: false },
    { at: 8_100, ms: 20, ok: true }, // answered after the end
  ];
  const c = counted(answers, 2_000, 8_000);
  assert.deepEqual(c.latencies, [5]);
  assert.equal(c.answered, 2);
  assert.equal(c.non2xx, 1);
});

test('quantiles are read from sorted latencies and rounded to whole milliseconds', () => {
  const xs = Array.from({ length: 100 }, (_, i) => i + 0.4);
  assert.equal(quantile(xs, 0.5), 50);
  assert.equal(quantile(xs, 0.99), 99);
  assert.equal(quantile([], 0.99), 0);
});
