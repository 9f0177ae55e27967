import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createHttpClient, FetchError } from '../../src/ingest/fetch.js';
import { startServer, testConfig } from '../helpers.js';
import { Report } from './report.js';

/**
 * The address guard through the real HTTP client: every private, loopback and link-local
 * range the issue names, spelled every way a URL can spell it, as a feed URL and as a
 * redirect target, and a host name that resolves to one; all refused by default, allowed
 * only per source (its own host) or by config.
 */
const report = new Report('guard', 'Address guard: private targets refused unless allowed');

const TARGETS: Array<[string, string]> = [
  ['127.0.0.0/8', 'http://127.0.0.1/feed'],
  ['127.0.0.0/8 (127.8.9.10)', 'http://127.8.9.10/feed'],
  ['127.0.0.1 as a decimal number', 'http://2130706433/feed'],
  ['127.0.0.1 in hex', 'http://0x7f.0.0.1/feed'],
  ['127.0.0.1 short form', 'http://127.1/feed'],
  ['::1', 'http://[::1]/feed'],
  ['::ffff:127.0.0.1 (IPv4-mapped)', 'http://[::ffff:127.0.0.1]/feed'],
  ['10.0.0.0/8', 'http://10.20.30.40/feed'],
  ['172.16.0.0/12', 'http://172.16.0.1/feed'],
  ['172.16.0.0/12 (top)', 'http://172.31.255.254/feed'],
  ['192.168.0.0/16', 'http://192.168.1.1/feed'],
  ['169.254.0.0/16 (cloud metadata)', 'http://169.254.169.254/latest/meta-data/'],
  ['fc00::/7', 'http://[fc00::1]/feed'],
  ['fc00::/7 (fd..)', 'http://[fd12:3456::1]/feed'],
  ['fe80::/10 link-local', 'http://[fe80::1]/feed'],
  ['0.0.0.0', 'http://0.0.0.0/feed'],
  ['localhost (resolves to loopback)', 'http://localhost/feed'],
];

describe('address guard', () => {
  let srv: Awaited<ReturnType<typeof startServer>>;
  let hits = 0;
  before(async () => {
    srv = await startServer((req, res) => {
      hits++;
      const to = new URL(req.url ?? '/', 'http://x').searchParams.get('to');
      if (to) {
        res.writeHead(302, { location: to });
        return void res.end();
      }
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('ok');
    });
  });
  after(async () => {
    await srv.close();
    report.print();
  });

  const strict = () =>
    createHttpClient(testConfig({ allowPrivate: false, connectTimeoutMs: 1000, totalTimeoutMs: 2000 }));
  const refused = (e: unknown) => e instanceof FetchError && e.code === 'blocked-address';

  it('refuses each range as a feed URL, before any connection', async () => {
    const client = strict();
    for (const [name, url] of TARGETS) {
      await assert.rejects(client.get(url), refused, `${name}: ${url}`);
    }
    report.add({
      case: `${TARGETS.length} private targets as feed URLs (${TARGETS.map((t) => t[0].split(' ')[0])
        .filter((x, i, a) => a.indexOf(x) === i)
        .join(', ')})`,
      expected: 'refused',
      observed: `${TARGETS.length} of ${TARGETS.length} refused (blocked-address)`,
    });
  });

  it('refuses each range as a redirect target, even from a host the source may reach', async () => {
    const client = strict();
    const port = new URL(srv.url).port;
    let n = 0;
    for (const [name, url] of TARGETS) {
      // The first hop is on the allowed host (127.0.0.1); where it points is not, unless it is that same host however spelled.
      if (new URL(url).hostname === '127.0.0.1') continue;
      const before = hits;
      await assert.rejects(
        client.get(`${srv.url}?to=${encodeURIComponent(url.replace('/feed', `:${port}/feed`))}`, {
          allowPrivateHost: '127.0.0.1',
        }),
        refused,
        name,
      );
      assert.equal(hits, before + 1, `${name}: only the first hop reached a server`);
      n++;
    }
    report.add({
      case: `${n} redirects from an allowed private host to the other targets`,
      expected: 'refused',
      observed: `${n} of ${n} refused; the allowance covers the source's own host only`,
    });
  });

  it('allows them per source (its own host) or by config', async () => {
    assert.equal((await strict().get(srv.url, { allowPrivateHost: '127.0.0.1' })).status, 200);
    const open = createHttpClient(testConfig({ allowPrivate: true }));
    assert.equal((await open.get(srv.url.replace('127.0.0.1', 'localhost'))).status, 200);
    assert.equal(
      (await open.get(`${srv.url}?to=${encodeURIComponent(srv.url.replace('127.0.0.1', 'localhost'))}`)).status,
      200,
    );
    report.add({
      case: 'the source’s own private host; ALMANAC_ALLOW_PRIVATE=1',
      expected: 'allowed',
      observed: '200 for the allowed host; 200 for localhost and a redirect to it with the config set',
    });
  });
});
