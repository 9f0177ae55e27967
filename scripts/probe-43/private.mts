// Issue 43 probe: runs against the tree named as the first argument, so one script measures the code
// before and after. Run it from inside that tree (tsx reads the tree's tsconfig), for example:
//   git archive 0373044 | tar -x -C /tmp/before && ln -s "$PWD/node_modules" /tmp/before/node_modules
//   (cd /tmp/before && node --import tsx "$OLDPWD/scripts/probe-43/private.mts" /tmp/before [args])
//   node --import tsx scripts/probe-43/private.mts "$PWD" [args]
// Before-fix probe: what `sources add --allow-private` did with a redirect and an announced feed on another private host.
import { createServer } from 'node:http';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
const root = process.argv[2]!;
const { main } = await import(`${root}/src/cli/index.ts`);
const { openDb } = await import(`${root}/src/store/db.ts`);
const { listSources } = await import(`${root}/src/store/sources.ts`);
let otherHits = 0;
const other = createServer((_q, r) => {
  otherHits++;
  r.writeHead(200, { 'content-type': 'application/rss+xml' });
  r.end(
    '<?xml version="1.0"?><rss version="2.0"><channel><title>Other</title><link>http://x/</link><description>x</description><item><guid>g</guid><title>t</title><link>http://x/1</link></item></channel></rss>',
  );
});
await new Promise<void>((r) => other.listen(0, '127.0.0.2', r));
const op = (other.address() as { port: number }).port;
const typed = createServer((q, r) => {
  const u = new URL(q.url!, 'http://x');
  const to = u.searchParams.get('to')!;
  if (u.pathname === '/redirect') {
    r.writeHead(302, { location: to });
    return r.end();
  }
  r.writeHead(200, { 'content-type': 'text/html' });
  r.end(`<html><head><link rel="alternate" type="application/rss+xml" href="${to}"></head></html>`);
});
await new Promise<void>((r) => typed.listen(0, '127.0.0.1', r));
const tp = (typed.address() as { port: number }).port;
const db = join(mkdtempSync(join(tmpdir(), 'probe-')), 's.db');
const target = `http://127.0.0.2:${op}/feed.xml`;
for (const [id, path] of [
  ['via-redirect', 'redirect'],
  ['via-page', 'page'],
]) {
  const code = await main(
    [
      'sources',
      'add',
      `http://127.0.0.1:${tp}/${path}?to=${encodeURIComponent(target)}`,
      '--allow-private',
      '--id',
      id,
      '--db',
      db,
    ],
    { ALMANAC_HOST_DELAY_MS: '0' },
  );
  console.log(`${path}: exit ${code}`);
}
const s = openDb(db);
for (const x of await listSources(s)) console.log(`stored ${x.id}: ${x.feedUrl} allow_private=${x.allowPrivate}`);
await s.close();
console.log(`requests the other private host saw during add: ${otherHits}`);
const code = await main(['fetch', '--all', '--db', db], { ALMANAC_HOST_DELAY_MS: '0' });
console.log(`plain fetch: exit ${code}; the other host has now seen ${otherHits} requests`);
other.close();
typed.close();
