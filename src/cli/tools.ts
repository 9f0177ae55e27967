import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { parseFeed } from '../ingest/feeds/parse.js';
import { extractPage } from '../ingest/page/extract.js';
import { searchArticles } from '../store/articles.js';
import type { Deps } from '../pipeline/deps.js';
import { UsageError } from './context.js';

/** Reads a file, `-` for stdin; un-gzips `.gz` files. */
export function readInput(path: string | undefined): Buffer {
  if (!path) throw new UsageError('give --input <file> (or --input - for stdin)');
  const buf = path === '-' ? readFileSync(0) : readFileSync(path);
  return path.endsWith('.gz') || (buf[0] === 0x1f && buf[1] === 0x8b) ? gunzipSync(buf) : buf;
}

export function parseFeedCommand(flags: Record<string, unknown>): number {
  const buf = readInput(flags['input'] as string | undefined);
  const feed = parseFeed(buf, {
    url: flags['url'] as string | undefined,
    contentType: flags['content-type'] as string | undefined,
  });
  console.log(JSON.stringify(feed, null, 2));
  return 0;
}

export function extractPageCommand(flags: Record<string, unknown>): number {
  const buf = readInput(flags['input'] as string | undefined);
  const page = extractPage(new TextDecoder().decode(buf), flags['url'] as string | undefined);
  console.log(
    JSON.stringify(
      {
        title: page.title,
        author: page.author,
        published: page.published,
        lang: page.lang,
        image: page.image,
        text: page.text,
        html: page.html,
      },
      null,
      2,
    ),
  );
  return 0;
}

export async function searchCommand(deps: Deps, query: string[], flags: Record<string, unknown>): Promise<number> {
  const q = query.join(' ').trim();
  if (!q) throw new UsageError('search: give a query');
  const hits = await searchArticles(deps.db, q, Number(flags['limit'] ?? 20));
  if (flags['json']) console.log(JSON.stringify({ results: hits }, null, 2));
  else
    for (const h of hits)
      console.log(
        `${String(h.id).padStart(6)}  ${h.title}\n        ${h.snippet.replace(/<\/?mark>/g, '*').replace(/\s+/g, ' ')}`,
      );
  return 0;
}
