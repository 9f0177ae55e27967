import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { freePort, startServer } from '../../../test/helpers.js';
import { LlmError } from './client.js';
import { createTransport } from './transport.js';

describe('a model server that cannot be reached', () => {
  it('is found down after a few requests in a row and not tried again until its rest is over; it says so once', async () => {
    // A port nothing listens on: every connection is refused at once.
    const url = `http://127.0.0.1:${await freePort()}/v1/chat/completions`;
    let clock = 0;
    const told: string[] = [];
    const post = createTransport({
      timeoutMs: 2000,
      maxRetries: 2,
      concurrency: 1,
      backoffMs: 1,
      downAfter: 3,
      downForMs: 60_000,
      now: () => clock,
      onDown: (why) => told.push(why),
    });
    const attempt = async () => {
      const t = performance.now();
      const e = await post(url, {}, {}).then(
        () => undefined,
        (x: unknown) => x,
      );
      assert.ok(e instanceof LlmError, String(e));
      return { message: (e as LlmError).message, ms: performance.now() - t };
    };
    for (let i = 0; i < 3; i++) assert.match((await attempt()).message, /cannot reach/);
    assert.equal(told.length, 1);
    assert.match(told[0]!, /cannot reach http:\/\/127\.0\.0\.1/);
    // Down: refused at once, without a connection or a retry.
    const down = await attempt();
    assert.match(down.message, /is down/);
    assert.equal(told.length, 1, 'said once');
    // After its rest a request is tried again, and a server that answers resets the count.
    const server = await startServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"ok":true}');
    });
    try {
      clock = 60_001;
      assert.deepEqual(await post(`${server.url}v1`, {}, {}), { ok: true });
      assert.match((await attempt()).message, /cannot reach/, 'one failure after a success is not down');
      assert.match((await attempt()).message, /cannot reach/);
    } finally {
      await server.close();
    }
  });
});
