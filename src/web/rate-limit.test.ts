import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Hono } from 'hono';
import { rateLimit } from './rate-limit.js';

/** Statuses of `n` requests to a limited app (burst 3, no refill within the test) with these headers. */
function limitedApp(trustProxy: boolean) {
  const app = new Hono();
  app.use(
    '*',
    rateLimit({ perMinute: 1, burst: 3 }, trustProxy, () => 0),
  );
  app.get('/', (c) => c.text('ok'));
  return async (n: number, headers: Record<string, string> = {}) => {
    const out: number[] = [];
    for (let i = 0; i < n; i++) out.push((await app.request('/', { headers })).status);
    return out;
  };
}

describe('the rate limit', () => {
  it('behind a trusted proxy, counts each forwarded client apart, by the address the proxy appended', async () => {
    const get = limitedApp(true);
    assert.deepEqual(await get(4, { 'x-forwarded-for': '203.0.113.7' }), [200, 200, 200, 429]);
    assert.deepEqual(await get(1, { 'x-forwarded-for': '203.0.113.8' }), [200], 'another client has its own bucket');
    // A client writing its own X-Forwarded-For cannot pick a fresh bucket: the proxy appends the real address last.
    assert.deepEqual(await get(1, { 'x-forwarded-for': '10.9.9.9, 203.0.113.7' }), [429]);
  });

  it('without trusting a proxy, ignores X-Forwarded-For (a client could otherwise change it at will)', async () => {
    const get = limitedApp(false);
    assert.deepEqual(await get(2, { 'x-forwarded-for': '203.0.113.7' }), [200, 200]);
    assert.deepEqual(await get(2, { 'x-forwarded-for': '203.0.113.8' }), [200, 429]);
  });
});
