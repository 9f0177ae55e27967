import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createHttpClient, FetchError } from '../../src/ingest/fetch.js';
import { startServer, testConfig } from '../helpers.js';
import { Report } from './report.js';

/**
 * IPv6 addresses that carry an IPv4 one, generated for every private IPv4 range: each
 * spelled IPv4-compatible (::a.b.c.d), IPv4-mapped, SIIT (::ffff:0:a.b.c.d), NAT64
 * (64:ff9b::/96 and the local-use 64:ff9b:1::/48) and 6to4 (2002:…), plus Teredo, through the
 * real HTTP client as a feed URL and as a redirect target: all refused before any
 * connection. The same forms around a public IPv4 are not refused by the guard.
 */
const report = new Report('embedded-v4', 'Address guard: IPv6 forms that embed a private IPv4');

const PRIVATE_V4 = [
  '127.0.0.1',
  '127.8.9.10',
  '10.20.30.40',
  '172.16.0.1',
  '192.168.1.1',
  '169.254.169.254',
  '100.64.0.1',
  '0.0.0.0',
  '224.0.0.1',
];
const hex = (v4: string) => {
  const [a, b, c, d] = v4.split('.').map(Number) as [number, number, number, number];
  return [((a << 8) | b).toString(16), ((c << 8) | d).toString(16)];
};
const FORMS: Array<[string, (v4: string) => string]> = [
  ['IPv4-compatible', (v) => `::${v}`],
  ['IPv4-mapped', (v) => `::ffff:${v}`],
  ['SIIT', (v) => `::ffff:0:${v}`],
  ['NAT64 64:ff9b::/96', (v) => `64:ff9b::${v}`],
  ['NAT64 local 64:ff9b:1::/48', (v) => `64:ff9b:1::${v}`],
  ['6to4', (v) => `2002:${hex(v).join(':')}::1`],
];
const TEREDO = '2001:0:4136:e378:8000:63bf:3fff:fdd2';

describe('IPv6 that embeds a private IPv4', () => {
  let srv: Awaited<ReturnType<typeof startServer>>;
  let hits = 0;
  before(async () => {
    srv = await startServer((req, res) => {
      hits++;
      res.writeHead(302, { location: new URL(req.url ?? '/', 'http://x').searchParams.get('to') ?? '/' });
      res.end();
    });
  });
  after(async () => {
    await srv.close();
    report.print();
  });

  const targets = [
    ...PRIVATE_V4.flatMap((v4) =>
      FORMS.map(([form, spell]) => [`${form} of ${v4}`, `http://[${spell(v4)}]/feed`] as const),
    ),
    ['Teredo', `http://[${TEREDO}]/feed`] as const,
  ];
  const refused = (e: unknown) => e instanceof FetchError && e.code === 'blocked-address';

  it('refuses each as a feed URL and as a redirect target, before connecting', async () => {
    const client = createHttpClient(testConfig({ allowPrivate: false, connectTimeoutMs: 500, totalTimeoutMs: 1000 }));
    for (const [name, url] of targets) await assert.rejects(client.get(url), refused, `${name}: ${url}`);
    for (const [name, url] of targets) {
      const before = hits;
      await assert.rejects(
        client.get(`${srv.url}?to=${encodeURIComponent(url)}`, { allowPrivateHost: '127.0.0.1' }),
        refused,
        `redirect to ${name}`,
      );
      assert.equal(hits, before + 1, 'only the first hop reached a server');
    }
    report.add({
      case:
        `${targets.length} spellings: ${FORMS.length} IPv6 forms × ${PRIVATE_V4.length} private ` +
        `IPv4 (loopback, RFC 1918, metadata, CGNAT, 0/8, multicast) + Teredo`,
      expected: 'refused',
      observed: `${targets.length} of ${targets.length} refused as feed URLs, ${targets.length} of ${targets.length} as redirect targets (blocked-address)`,
    });
  });

  it('does not refuse the same forms around a public IPv4 (the guard judges what they carry)', async () => {
    const { isPublicAddress } = await import('../../src/ingest/address-guard.js');
    const spelled = FORMS.filter(([f]) => !f.includes('local')).map(
      ([f, spell]) => [f, new URL(`http://[${spell('8.8.8.8')}]/`).hostname.slice(1, -1)] as const,
    );
    for (const [form, addr] of spelled) assert.equal(isPublicAddress(addr), true, `${form}: ${addr}`);
    report.add({
      case: `${spelled.length} forms around 8.8.8.8`,
      expected: 'public',
      observed: `${spelled.length} of ${spelled.length} public`,
    });
  });
});
