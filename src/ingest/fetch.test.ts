import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { after, before, describe, it } from 'node:test';
import { startServer, testConfig } from '../../test/helpers.js';
import { createHttpClient, FetchError, parseRetryAfter } from './fetch.js';

describe('http client against a loopback server', () => {
  let srv: Awaited<ReturnType<typeof startServer>>;
  let hits = 0;
  before(async () => {
    srv = await startServer((req, res) => {
      hits++;
      const path = req.url ?? '/';
      if (path === '/etag') {
        if (req.headers['if-none-match'] === '"v1"') return void res.writeHead(304).end();
        return void res
          .writeHead(200, { ETag: '"v1"', 'Content-Type': 'application/rss+xml' })
          .end('<rss version="2.0"><channel><title>t</title></channel></rss>');
      }
      if (path === '/loop') return void res.writeHead(302, { Location: '/loop' }).end();
      if (path.startsWith('/hop/')) {
        const n = Number(path.slice(5));
        return void (n > 0
          ? res.writeHead(301, { Location: `/hop/${n - 1}` }).end()
          : res.writeHead(200).end('arrived'));
      }
      if (path === '/busy') return void res.writeHead(429, { 'Retry-After': '120' }).end();
      if (path === '/big') return void res.writeHead(200, { 'Content-Type': 'text/plain' }).end('x'.repeat(50_000));
      if (path === '/bomb')
        return void res.writeHead(200, { 'Content-Encoding': 'gzip' }).end(gzipSync(Buffer.alloc(5_000_000)));
      if (path === '/gzip') return void res.writeHead(200, { 'Content-Encoding': 'gzip' }).end(gzipSync('hello gzip'));
      if (path === '/slow') return; // never answers
      if (path === '/to-private') return void res.writeHead(302, { Location: 'http://10.0.0.1/feed' }).end();
      res.writeHead(404).end();
    });
  });
  after(() => srv.close());

  const client = (over = {}) =>
    createHttpClient({
      ...testConfig({ allowPrivate: true, maxBodyBytes: 20_000, maxDecompressedBytes: 100_000, maxRedirects: 3 }),
      ...over,
    });

  it('sends conditional headers and reports 304 as not modified', async () => {
    const c = client();
    const first = await c.get(srv.url + 'etag');
    assert.equal(first.status, 200);
    assert.equal(first.headers['etag'], '"v1"');
    const second = await c.get(srv.url + 'etag', { etag: first.headers['etag'] });
    assert.equal(second.notModified, true);
    assert.equal(second.body.length, 0);
  });

  it('follows redirects up to the cap and reports the final URL', async () => {
    const ok = await client().get(srv.url + 'hop/2');
    assert.equal(ok.body.toString(), 'arrived');
    assert.equal(ok.url, srv.url + 'hop/0');
    await assert.rejects(client().get(srv.url + 'loop'), (e: FetchError) => e.code === 'too-many-redirects');
  });

  it('turns 429 into an error that carries Retry-After', async () => {
    await assert.rejects(
      client().get(srv.url + 'busy'),
      (e: FetchError) => e.status === 429 && e.retryAfterMs === 120_000,
    );
  });

  it('caps the body before and after decompression', async () => {
    await assert.rejects(client().get(srv.url + 'big'), (e: FetchError) => e.code === 'too-large');
    await assert.rejects(
      client().get(srv.url + 'bomb'),
      (e: FetchError) => e.code === 'too-large' && /decompresses/.test(e.message),
    );
    assert.equal((await client().get(srv.url + 'gzip')).body.toString(), 'hello gzip');
  });

  it('times out a server that never answers', async () => {
    await assert.rejects(
      client({ totalTimeoutMs: 300 }).get(srv.url + 'slow'),
      (e: FetchError) => e.code === 'timeout',
    );
  });

  it('refuses loopback and private targets unless allowed, also after a redirect', async () => {
    const before = hits;
    const strict = client({ allowPrivate: false });
    await assert.rejects(
      strict.get(srv.url + 'etag'),
      (e: FetchError) => e.code === 'blocked-address' && /127\.0\.0\.1/.test(e.message),
    );
    assert.equal(hits, before, 'no request reached the server');
    await assert.rejects(
      strict.get(srv.url.replace('127.0.0.1', 'localhost') + 'etag'),
      (e: FetchError) => e.code === 'blocked-address',
    );
    // Allowed for this host (a source marked so), but the redirect then points at 10.0.0.1: refused by the guard, not fetched.
    const perSource = client({ allowPrivate: false });
    await assert.rejects(
      perSource.get(srv.url + 'to-private', { allowPrivateHost: '127.0.0.1' }),
      (e: FetchError) => e.code === 'blocked-address' && /10\.0\.0\.1/.test(e.message),
    );
    const ok = await perSource.get(srv.url + 'etag', { allowPrivateHost: '127.0.0.1' });
    assert.equal(ok.status, 200);
    // The allowance is for that host only: localhost (also loopback) is another host.
    await assert.rejects(
      perSource.get(srv.url.replace('127.0.0.1', 'localhost') + 'etag', { allowPrivateHost: '127.0.0.1' }),
      (e: FetchError) => e.code === 'blocked-address',
    );
  });

  it('rejects non-http schemes', async () => {
    await assert.rejects(client().get('file:///etc/passwd'), (e: FetchError) => e.code === 'bad-url');
  });
});

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates', () => {
    assert.equal(parseRetryAfter('30'), 30_000);
    assert.equal(parseRetryAfter('Wed, 21 Oct 2015 07:28:10 GMT', Date.parse('Wed, 21 Oct 2015 07:28:00 GMT')), 10_000);
    assert.equal(parseRetryAfter('soon'), undefined);
  });
});
