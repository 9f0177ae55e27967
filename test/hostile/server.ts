import type { IncomingMessage, ServerResponse } from 'node:http';
import { createGzip } from 'node:zlib';
import { startServer } from '../helpers.js';

/**
 * A loopback server that misbehaves on purpose, one path per kind of misbehaviour. The
 * feeds' words are our own; each item is long enough to count as full text, so the
 * cases exercise fetching and parsing, not the full-text stage.
 */
const BODY =
  'The lab published a long account of how the model was trained, evaluated and released, with notes on data, compute and safety testing. '.repeat(
    8,
  );

export function rssItem(i: {
  guid: string;
  title: string;
  link: string;
  date?: string;
  body?: string;
  author?: string;
}): string {
  return (
    `<item><guid isPermaLink="false">${i.guid}</guid><title>${i.title}</title><link>` +
    `${i.link}</link>${i.date ? `<pubDate>${i.date}</pubDate>` : ''}` +
    `${i.author ? `<author>${i.author}</author>` : ''}<description>${i.body ?? BODY}</description></item>`
  );
}

export function rss(items: string[], decl = '<?xml version="1.0" encoding="utf-8"?>'): string {
  return (
    `${decl}<rss version="2.0"><channel><title>Hostile</title><link>http://hostile.test/</link>` +
    `<description>x</description>${items.join('')}</channel></rss>`
  );
}

/** A gzip stream of `bytes` zero bytes, compressed once (about 1 MB per GB). */
async function gzipBomb(bytes: number): Promise<Buffer> {
  const gz = createGzip({ level: 9 });
  const out: Buffer[] = [];
  gz.on('data', (c: Buffer) => out.push(c));
  const done = new Promise((r) => gz.on('end', r));
  const chunk = Buffer.alloc(1 << 20);
  for (let sent = 0; sent < bytes; sent += chunk.length) {
    if (!gz.write(chunk)) await new Promise((r) => gz.once('drain', r));
  }
  gz.end();
  await done;
  return Buffer.concat(out);
}

export interface HostileServer {
  url: string;
  /** Requests seen per path. */
  hits: Map<string, number>;
  /** Bytes written per path (to show a capped download stopped early). */
  sent: Map<string, number>;
  close(): Promise<void>;
}

export async function startHostileServer(): Promise<HostileServer> {
  const bomb = await gzipBomb(1 << 30);
  const hits = new Map<string, number>();
  const sent = new Map<string, number>();
  let base = '';
  let flip = 0;
  // Each feed links to its own pages: the same URL in two feeds is one article (deduped by URL).
  let feed = '';
  const item = (n: number, extra: Partial<Parameters<typeof rssItem>[0]> = {}) =>
    rssItem({
      guid: `item-${n}`,
      title: `Item ${n} of the ${feed} feed`,
      link: `${base}${feed}/posts/${n}`,
      date: 'Mon, 16 Nov 2026 10:00:00 GMT',
      ...extra,
    });

  const routes: Record<string, (req: IncomingMessage, res: ServerResponse) => void> = {
    '/never': () => {
      /* accepts the connection, never answers */
    },
    '/trickle': (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      const body = rss([item(1)]);
      let i = 0;
      const t = setInterval(() => {
        if (res.destroyed || i >= body.length) return clearInterval(t);
        res.write(body[i++]!);
        sent.set('/trickle', i);
      }, 1000);
      res.on('close', () => clearInterval(t));
    },
    '/huge-declared': (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml', 'content-length': String(2 * 1024 ** 3) });
      writeForever(res, '/huge-declared', 2 * 1024 ** 3);
    },
    '/huge-chunked': (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      writeForever(res, '/huge-chunked', 2 * 1024 ** 3);
    },
    '/gzip-bomb': (_req, res) => {
      res.writeHead(200, {
        'content-type': 'application/rss+xml',
        'content-encoding': 'gzip',
        'content-length': String(bomb.length),
      });
      res.end(bomb);
    },
    '/loop': (_req, res) => {
      res.writeHead(302, { location: '/loop' });
      res.end();
    },
    '/to-private': (_req, res) => {
      res.writeHead(301, { location: 'http://10.0.0.1/feed.xml' });
      res.end();
    },
    '/to-metadata': (_req, res) => {
      res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' });
      res.end();
    },
    '/html': (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.end(
        '<!doctype html><html><head><title>Not a feed</title></head><body><p>Welcome to our site.</p></body></html>',
      );
    },
    '/wrong-charset': (_req, res) => {
      // Says UTF-8, sends Latin-1 bytes (é as 0xE9).
      res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' });
      res.end(
        Buffer.from(
          rss([item(1, { title: 'Caf\u00e9 owners adopt a new model' })]).replace(
            'encoding="utf-8"',
            'encoding="utf-8"',
          ),
          'latin1',
        ),
      );
    },
    '/no-charset': (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/xml' });
      res.end(
        Buffer.from(
          rss([item(1, { title: 'Na\u00efve r\u00e9sum\u00e9 of the week' })], '<?xml version="1.0"?>'),
          'latin1',
        ),
      );
    },
    '/truncated': (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      const full = rss([item(1), item(2), item(3)]);
      res.end(full.slice(0, full.indexOf('<item>', full.indexOf('item-2')) + 40));
    },
    '/xxe': (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.end(
        `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>${rss([item(1, { title: 'Secrets: &xxe;' })], '')}`,
      );
    },
    '/billion-laughs': (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      const ents = [
        '<!ENTITY lol "lol">',
        ...Array.from({ length: 9 }, (_, k) => `<!ENTITY lol${k + 1} "${`&lol${k || ''};`.repeat(10)}">`),
      ].join('');
      res.end(`<?xml version="1.0"?><!DOCTYPE rss [${ents}]>${rss([item(1, { title: 'Laughs &lol9;' })], '')}`);
    },
    '/many-items': (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.end(
        rss(
          Array.from({ length: 10_000 }, (_, n) => item(n, { body: `Short note number ${n} about a model release.` })),
        ),
      );
    },
    '/new-guids': (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.end(rss([item(1, { guid: `random-${Math.random().toString(36).slice(2)}` })]));
    },
    '/odd-dates': (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.end(
        rss([item(1, { date: 'Tue, 01 Jan 2099 00:00:00 GMT' }), item(2, { date: 'Thu, 01 Jan 1970 00:00:00 GMT' })]),
      );
    },
    '/429': (_req, res) => {
      res.writeHead(429, { 'retry-after': '7200' });
      res.end('slow down');
    },
    '/503': (_req, res) => {
      res.writeHead(503, { 'retry-after': new Date(Date.now() + 3 * 3600_000).toUTCString() });
      res.end('maintenance');
    },
    '/flip': (_req, res) => {
      if (flip++ % 2 === 1) {
        res.writeHead(500);
        return void res.end('oops');
      }
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.end(rss([item(1), item(2)]));
    },
    '/always-500': (_req, res) => {
      res.writeHead(500);
      res.end('down');
    },
  };

  function writeForever(res: ServerResponse, path: string, limit: number) {
    const chunk = Buffer.alloc(64 * 1024, 'a');
    let n = 0;
    const pump = () => {
      while (!res.destroyed && n < limit) {
        n += chunk.length;
        sent.set(path, n);
        if (!res.write(chunk)) return void res.once('drain', pump);
      }
      if (!res.destroyed) res.end();
    };
    res.on('close', () => (n = limit));
    pump();
  }

  const srv = await startServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    hits.set(path, (hits.get(path) ?? 0) + 1);
    const route = routes[path];
    feed = path.slice(1);
    if (route) return route(req, res);
    res.writeHead(404);
    res.end();
  });
  base = srv.url;
  return { url: srv.url, hits, sent, close: srv.close };
}
