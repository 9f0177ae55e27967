import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Hono } from 'hono';
import { z } from 'zod';
import { badQuery, filledQuery, rawQuery, validate } from './validate.js';

const limit = z.object({ limit: z.coerce.number().int().min(1).default(20) });

/** One route that echoes what it was handed after validation. */
function app(read: typeof rawQuery, refuse: typeof badQuery | undefined) {
  const a = new Hono();
  let handled = 0;
  a.get('/', validate('query', limit, read, refuse), (c) => {
    handled++;
    return c.json(c.req.valid('query') as object);
  });
  a.onError((e, c) => c.text(e.message, 500));
  return { a, handled: () => handled };
}

describe('validate', () => {
  it('hands the handler the parsed, typed data', async () => {
    const res = await app(rawQuery, badQuery).a.request('/?limit=5&other=x');
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), { limit: 5 });
  });

  it('answers a failure with the refusal, and the handler never runs', async () => {
    const { a, handled } = app(rawQuery, badQuery);
    const res = await a.request('/?limit=0');
    assert.equal(res.status, 400);
    const body = (await res.json()) as { error: string; issues: string[] };
    assert.match(body.error, /^bad query: limit: /);
    assert.equal(body.issues.length, 1);
    assert.equal(handled(), 0);
  });

  it('reads what the route names: a blank field is "not given" only in the filled query', async () => {
    assert.equal((await app(rawQuery, badQuery).a.request('/?limit=')).status, 400);
    const filled = await app(filledQuery, badQuery).a.request('/?limit=');
    assert.deepEqual(await filled.json(), { limit: 20 });
  });

  it('takes the first of a repeated key, as c.req.query() does', async () => {
    assert.deepEqual(await (await app(rawQuery, badQuery).a.request('/?limit=3&limit=0')).json(), { limit: 3 });
  });

  it('fails loudly when a schema with no refusal fails', async () => {
    const res = await app(rawQuery, undefined).a.request('/?limit=0');
    assert.equal(res.status, 500);
    assert.match(await res.text(), /^validate: \/: a query schema without a refusal failed/);
  });
});
