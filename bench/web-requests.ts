import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { STOPWORDS } from '../src/analyze/text/stopwords.js';

/**
 * Distinct requests for the web bench: what real traffic looks like when no two readers ask
 * for the same page, so the page cache cannot answer. Searches are words and names drawn
 * from the real titles of `../shared/data/streams/` (or a short built-in list when that is
 * absent, said in the output); feeds and lists cover every topic, source and page given.
 */

/** Used only when the public stream is absent. */
const BUILT_IN_QUERIES = [
  'OpenAI',
  'Anthropic',
  'model',
  'chip export',
  'Nvidia',
  'open weights',
  'copyright court',
  'agent',
  'data center',
  'Google DeepMind',
  'safety',
  'regulation europe',
];

/** Capitalised runs ("Google DeepMind") and content words of a title, each a query. */
export function queriesOfTitle(title: string): string[] {
  const words = title.match(/[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu) ?? [];
  const out: string[] = [];
  let run: string[] = [];
  const endRun = () => {
    if (run.length) out.push(run.slice(0, 3).join(' '));
    run = [];
  };
  for (const [i, w] of words.entries()) {
    const plain = w.replace(/[’'.-]+$/, '');
    const lower = plain.toLowerCase();
    if (STOPWORDS.has(lower) || plain.length < 3) {
      endRun();
      continue;
    }
    // A capital after the first word marks a name; the first word of a title is capitalised anyway.
    if (i > 0 && /^\p{Lu}/u.test(plain)) run.push(plain);
    else {
      endRun();
      if (plain.length >= 5) out.push(lower);
    }
  }
  endRun();
  return out;
}

/** Up to `max` distinct queries from the stream's titles, in the stream's order, and where they came from. */
export function searchQueries(dataDir: string, max = 2000): { queries: string[]; from: string } {
  const file = join(dataDir, 'streams', 'ai-news-stream.jsonl');
  if (!existsSync(file))
    return { queries: BUILT_IN_QUERIES, from: `a built-in list of ${BUILT_IN_QUERIES.length} (${file} absent)` };
  const seen = new Set<string>();
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const { title } = JSON.parse(line) as { title?: string };
    for (const q of queriesOfTitle(title ?? '')) {
      seen.add(q);
      if (seen.size >= max) return { queries: [...seen], from: `${file} titles` };
    }
  }
  return { queries: [...seen], from: `${file} titles` };
}

/** The paths of each distinct-request row: every event, search, filtered feed and list page given. */
export function distinctPaths(o: {
  events: string[];
  queries: string[];
  topics: string[];
  sources: string[];
  pages: number;
}): Array<[string, string[]]> {
  const feeds: string[] = [];
  for (const min of [0, 3, 5, 7]) {
    for (const t of o.topics) feeds.push(`/feed.atom?topic=${t}${min ? `&min=${min}` : ''}`);
    for (const s of o.sources) feeds.push(`/feed.atom?source=${s}${min ? `&min=${min}` : ''}`);
  }
  const lists: string[] = [];
  for (let p = 1; p <= o.pages; p++) {
    lists.push(p === 1 ? '/' : `/?page=${p}`);
    for (const t of o.topics) lists.push(`/?topic=${t}${p === 1 ? '' : `&page=${p}`}`);
  }
  return [
    ['event page', o.events.map((id) => `/events/${encodeURIComponent(id)}`)],
    ['events list, pages 1–50', lists],
    ['search', o.queries.map((q) => `/search?q=${encodeURIComponent(q)}`)],
    ['Atom feed, filtered', feeds],
  ];
}
