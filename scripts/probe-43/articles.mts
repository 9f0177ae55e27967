// Issue 43 probe: runs against the tree named as the first argument, so one script measures the code
// before and after. Run it from inside that tree (tsx reads the tree's tsconfig), for example:
//   git archive 0373044 | tar -x -C /tmp/before && ln -s "$PWD/node_modules" /tmp/before/node_modules
//   (cd /tmp/before && node --import tsx "$OLDPWD/scripts/probe-43/articles.mts" /tmp/before [args])
//   node --import tsx scripts/probe-43/articles.mts "$PWD" [args]
// Times /articles on a generated store of N articles, with the code of the tree given (before or after).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
const [root, nArg] = process.argv.slice(2) as [string, string];
const N = Number(nArg);
const { openSqliteFile, openDb } = await import(`${root}/src/store/db.ts`);
const { createApp } = await import(`${root}/src/web/app.tsx`);
const { fixedClock } = await import(`${root}/src/clock.ts`);
const file = join(mkdtempSync(join(tmpdir(), 'probe-art-')), 's.db');
let t = performance.now();
const raw = openSqliteFile(file);
raw
  .prepare(
    `INSERT INTO sources (id, name, feed_url, created_at) VALUES ('gen', 'Generated', 'https://gen.example/feed', '2026-01-01T00:00:00Z')`,
  )
  .run();
raw
  .prepare(`WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k WHERE i < ?)
  INSERT INTO articles (source_id, guid, url, canonical_url, title, published_at, fetched_at, text, content_hash, updated_at)
  SELECT 'gen', 'g' || i, 'https://gen.example/' || i, 'https://gen.example/' || i, 'Article ' || i,
    CASE WHEN i % 7 = 0 THEN NULL ELSE strftime('%Y-%m-%dT%H:%M:%SZ', 1700000000 + (i / 3) * 60, 'unixepoch') END,
    strftime('%Y-%m-%dT%H:%M:%SZ', 1700000000 + (i / 3) * 60, 'unixepoch'), 'Words of article ' || i, printf('%032d', i), '2026-01-01T00:00:00Z' FROM k`)
  .run(N);
raw.close();
console.log(`${N} articles written in ${((performance.now() - t) / 1000).toFixed(1)} s`);
const db = openDb(file);
const app = createApp({ db, clock: fixedClock('2026-11-22T12:00:00Z') });
const time = async (path: string) => {
  const t0 = performance.now();
  const r = await app.request(path);
  await r.text();
  return `${path}: ${r.status} in ${(performance.now() - t0).toFixed(0)} ms`;
};
await time('/articles');
console.log(await time('/articles'));
console.log(await time('/articles?page=2'));
const deep = (
  await db.get(
    `SELECT id FROM articles ORDER BY COALESCE(published_at, fetched_at) DESC, id DESC LIMIT 1 OFFSET ${Math.floor(N * 0.9)}`,
  )
).id;
console.log(await time(`/articles?before=${deep}`));
console.log(await time(`/api/articles?limit=30`));
t = performance.now();
await Promise.all(Array.from({ length: 10 }, () => app.request('/articles').then((r) => r.text())));
console.log(`10 concurrent /articles: ${(performance.now() - t).toFixed(0)} ms for all`);
await db.close();
