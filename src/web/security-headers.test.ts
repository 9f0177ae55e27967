import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { SECURITY_HEADERS, securityHeaders } from './security-headers.js';

const app = new Hono();
app.use('*', securityHeaders);
app.get('/page', (c) => c.html('<p>page</p>'));
app.get('/json', (c) => c.json({ ok: true }));
app.get('/moved', (c) => c.redirect('/page', 301));
// Built outside the context, as the page cache answers.
app.get('/own', () => new Response('own', { headers: { 'Content-Type': 'text/plain' } }));
app.get('/refused', () => {
  throw new HTTPException(403, { message: 'no' });
});
app.onError((err) => (err instanceof HTTPException ? err.getResponse() : new Response('failed', { status: 500 })));

test('every answer carries the security headers, however it was built', async () => {
  for (const [path, status] of [
    ['/page', 200],
    ['/json', 200],
    ['/moved', 301],
    ['/own', 200],
    ['/refused', 403],
    ['/nothing', 404],
  ] as const) {
    const res = await app.request(path);
    assert.equal(res.status, status, path);
    for (const [name, value] of Object.entries(SECURITY_HEADERS))
      assert.equal(res.headers.get(name), value, `${path} ${name}`);
  }
});

test('a page keeps its own content type and body', async () => {
  const res = await app.request('/page');
  assert.equal(res.headers.get('Content-Type'), 'text/html; charset=UTF-8');
  assert.equal(await res.text(), '<p>page</p>');
});
