import { readFileSync } from 'node:fs';
import { assetPath } from '../paths.js';
import { slugify } from '../store/sources.js';
import { DEMO_SOURCES } from './sources.js';

export interface DemoArticle {
  sourceId: string;
  slug: string;
  title: string;
  author: string | null;
  /** Which happening it is about: the answer key our clustering tests check against (never read by the pipeline). */
  event: string | null;
  /** Hours before the newest article of the corpus. */
  hoursBeforeNewest: number;
  paragraphs: string[];
}

export class CorpusError extends Error {
  override name = 'CorpusError';
}

/**
 * Reads the demo corpus: our own short write-ups of 2026 AI events, in a plain format,
 * one article per block:
 *
 *   ## <source-id> | <hours before the newest> | <title>
 *   by: <author>            (optional)
 *   event: <key>            (the happening it reports: for tests only)
 *   <paragraphs separated by blank lines>
 */
export function parseCorpus(text: string): DemoArticle[] {
  const known = new Set(DEMO_SOURCES.map((s) => s.id));
  const out: DemoArticle[] = [];
  const slugs = new Set<string>();
  for (const block of text.split(/^## /m).slice(1)) {
    const [head, ...rest] = block.split('\n');
    const parts = (head ?? '').split('|').map((s) => s.trim());
    if (parts.length < 3) throw new CorpusError(`demo corpus: bad header "## ${head}"`);
    const [sourceId, hours, ...titleParts] = parts;
    const title = titleParts.join(' | ');
    if (!known.has(sourceId!)) throw new CorpusError(`demo corpus: unknown source ${sourceId} in "## ${head}"`);
    const h = Number(hours);
    if (!Number.isFinite(h) || h < 0) throw new CorpusError(`demo corpus: bad age ${hours} in "## ${head}"`);
    let author: string | null = null;
    let event: string | null = null;
    for (;;) {
      if (rest[0]?.startsWith('by:')) author = rest.shift()!.slice(3).trim();
      else if (rest[0]?.startsWith('event:')) event = rest.shift()!.slice(6).trim();
      else break;
    }
    const paragraphs = rest
      .join('\n')
      .split(/\n\s*\n/)
      .map((p) => p.replace(/\s+/g, ' ').trim())
      .filter(Boolean);
    if (!paragraphs.length) throw new CorpusError(`demo corpus: no text for "${title}"`);
    let slug = slugify(title);
    while (slugs.has(slug)) slug += '-2';
    slugs.add(slug);
    out.push({ sourceId: sourceId!, slug, title, author, event, hoursBeforeNewest: h, paragraphs });
  }
  // Ages in the file are relative; measure them from the newest article.
  const newest = Math.min(...out.map((a) => a.hoursBeforeNewest));
  return out.map((a) => ({ ...a, hoursBeforeNewest: a.hoursBeforeNewest - newest }));
}

export function loadCorpus(): DemoArticle[] {
  return parseCorpus(readFileSync(assetPath('demo', 'corpus.txt'), 'utf8'));
}
