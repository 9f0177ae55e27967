import { TAXONOMY } from '../../src/analyze/taxonomy.js';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it, mock } from 'node:test';
import { main } from '../../src/cli/index.js';
import { openDb } from '../../src/store/db.js';
import { listSources } from '../../src/store/sources.js';
import { Report } from './report.js';
import { rss, rssItem } from './server.js';

/**
 * `almanac sources add <url> --allow-private` through the real CLI: the allowance is for the
 * host typed (127.0.0.1 here) and nothing else. Redirects to, and feeds announced on, every
 * other private host (another loopback address that serves a real feed, RFC 1918, the cloud
 * metadata address, localhost, IPv6 spellings) are refused at add time with a message, and
 * no source is stored for them; the typed host's own feed is added with the allowance.
 */
const report = new Report('private-access', 'Private access per host: sources add --allow-private');

async function listenOn(host: string, handler: (req: IncomingMessage, res: ServerResponse) => void) {
  const server = createServer(handler);
  await new Promise<void>((r) => server.listen(0, host, r));
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

const FEED = rss([rssItem({ guid: 'g1', title: 'A private feed item', link: 'http://127.0.0.1/p/1' })]);

describe('sources add --allow-private', () => {
  let typed: Awaited<ReturnType<typeof listenOn>>;
  let other: Awaited<ReturnType<typeof listenOn>>;
  let otherHits = 0;
  let dir: string;
  const targets = (): Array<[string, string]> => [
    ['another loopback address that serves a feed', `http://127.0.0.2:${other.port}/feed.xml`],
    ['localhost (the same machine, another name)', `http://localhost:${other.port}/feed.xml`],
    ['10.0.0.0/8', 'http://10.1.2.3/feed.xml'],
    ['192.168.0.0/16', 'http://192.168.0.10/feed.xml'],
    ['172.16.0.0/12', 'http://172.20.0.1/feed.xml'],
    ['cloud metadata', 'http://169.254.169.254/latest/meta-data/'],
    ['::1', `http://[::1]:${other.port}/feed.xml`],
    ['IPv4-mapped 127.0.0.2', `http://[::ffff:127.0.0.2]:${other.port}/feed.xml`],
    ['IPv4-compatible 127.0.0.2', `http://[::127.0.0.2]:${other.port}/feed.xml`],
    ['NAT64 of the metadata address', 'http://[64:ff9b::a9fe:a9fe]/latest/'],
    ['fd00::/8', 'http://[fd00::5]/feed.xml'],
  ];

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'almanac-private-'));
    other = await listenOn('127.0.0.2', (_req, res) => {
      otherHits++;
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.end(FEED);
    });
    typed = await listenOn('127.0.0.1', (req, res) => {
      const u = new URL(req.url ?? '/', 'http://x');
      const to = u.searchParams.get('to') ?? '';
      if (u.pathname === '/redirect') {
        res.writeHead(302, { location: to });
        return void res.end();
      }
      if (u.pathname === '/page') {
        res.writeHead(200, { 'content-type': 'text/html' });
        return void res.end(
          `<!doctype html><html><head><title>Intranet</title><link rel="alternate" type="application/rss+xml" href="${to}"></head><body>hi</body></html>`,
        );
      }
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.end(FEED);
    });
  });
  after(async () => {
    await typed.close();
    await other.close();
    rmSync(dir, { recursive: true, force: true });
    report.print();
  });

  /** Runs the CLI in this process; returns its exit code and what it printed. */
  const cli = async (args: string[], env: Record<string, string> = {}) => {
    const out: string[] = [];
    const log = mock.method(console, 'log', (...a: unknown[]) => void out.push(a.join(' ')));
    const err = mock.method(console, 'error', (...a: unknown[]) => void out.push(a.join(' ')));
    try {
      const code = await main([...args, '--db', join(dir, 'store.db')], {
        ALMANAC_HOST_DELAY_MS: '0',
        ALMANAC_CONNECT_TIMEOUT_MS: '1000',
        ALMANAC_TIMEOUT_MS: '2000',
        ...env,
      });
      return { code, out: out.join('\n') };
    } finally {
      log.mock.restore();
      err.mock.restore();
    }
  };
  const sources = async () => {
    const db = openDb(join(dir, 'store.db'), { seed: TAXONOMY });
    try {
      return await listSources(db);
    } finally {
      await db.close();
    }
  };

  it('refuses a redirect from the typed host to any other private host, and stores nothing', async () => {
    const refused: string[] = [];
    for (const [name, url] of targets()) {
      const r = await cli([
        'sources',
        'add',
        `http://127.0.0.1:${typed.port}/redirect?to=${encodeURIComponent(url)}`,
        '--allow-private',
      ]);
      assert.equal(r.code, 1, `${name}: ${r.out}`);
      assert.match(
        r.out,
        /redirects to .*, a private address on another host; --allow-private covers only the host you typed, 127\.0\.0\.1/,
        name,
      );
      refused.push(name);
    }
    assert.equal((await sources()).length, 0);
    assert.equal(otherHits, 0, 'nothing reached the other host');
    report.add({
      case: `${refused.length} redirects from the typed host to another private host`,
      expected: 'refused at add, nothing stored',
      observed:
        `${refused.length} of ${targets().length} refused (exit 1, "redirects to <host> ` +
        `(<address>), a private address on another host…"); 0 sources; the other host saw ` +
        `${otherHits} requests`,
    });
  });

  it('refuses a feed a page on the typed host announces on any other private host, and stores nothing', async () => {
    let n = 0;
    let sample = '';
    for (const [name, url] of targets()) {
      const r = await cli([
        'sources',
        'add',
        `http://127.0.0.1:${typed.port}/page?to=${encodeURIComponent(url)}`,
        '--allow-private',
      ]);
      assert.equal(r.code, 1, `${name}: ${r.out}`);
      assert.match(
        r.out,
        /announces the feed .*, a private address on another host; --allow-private covers only the host you typed/,
        name,
      );
      sample ||= r.out;
      n++;
    }
    assert.equal((await sources()).length, 0);
    assert.equal(otherHits, 0);
    report.add({
      case: `${n} pages on the typed host announcing a feed on another private host`,
      expected: 'refused at add, nothing stored',
      observed: `${n} of ${n} refused: "${sample.replace(/^almanac: /, '').slice(0, 100)}…"`,
    });
  });

  it('adds the typed host’s own feed with the allowance, and a public feed it points to without it', async () => {
    const own = await cli([
      'sources',
      'add',
      `http://127.0.0.1:${typed.port}/page?to=${encodeURIComponent('/feed.xml')}`,
      '--allow-private',
      '--id',
      'own',
    ]);
    assert.equal(own.code, 0, own.out);
    const pub = await cli([
      'sources',
      'add',
      `http://127.0.0.1:${typed.port}/page?to=${encodeURIComponent('http://93.184.216.34/feed.xml')}`,
      '--allow-private',
      '--id',
      'pub',
    ]);
    assert.equal(pub.code, 0, pub.out);
    const list = await sources();
    const byId = new Map(list.map((s) => [s.id, s]));
    assert.equal(byId.get('own')?.allowPrivate, true);
    assert.equal(byId.get('pub')?.allowPrivate, false, 'the allowance stays with the typed host');
    // And with ALMANAC_ALLOW_PRIVATE=1 the user allowed every private address: the other host's feed is taken.
    const everywhere = await cli(
      [
        'sources',
        'add',
        `http://127.0.0.1:${typed.port}/page?to=${encodeURIComponent(`http://127.0.0.2:${other.port}/feed.xml`)}`,
        '--id',
        'everywhere',
      ],
      { ALMANAC_ALLOW_PRIVATE: '1' },
    );
    assert.equal(everywhere.code, 0, everywhere.out);
    report.add({
      case: 'the typed host’s own feed; a public feed its page names; ALMANAC_ALLOW_PRIVATE=1',
      expected: 'added; allowance only on the typed host',
      observed: `own: allow_private ${byId.get('own')?.allowPrivate}; public: ${byId.get('pub')?.allowPrivate}; with the config: exit ${everywhere.code}`,
    });
  });
});
