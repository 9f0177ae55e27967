/**
 * Probe (issue 47): the articles the probes cluster, in the pipeline's order (publication time,
 * ties by article id) from a store, or in `almanac cluster`'s (ties by id) from a stream file
 * (../shared/data/streams) with the local extractor's entities, as the pipeline would have them.
 */
import { readFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { extractLocal } from '../../src/analyze/local.js';
import type { ClusterInput } from '../../src/events/cluster.js';

export interface ProbeArticle {
  id: string;
  title: string;
  text: string;
  url: string;
  at: string;
  source_id: string;
  author?: string | null;
  entities: string | null;
}

export function readArticles(source: string): ProbeArticle[] {
  if (!source.endsWith('.jsonl'))
    return new Database(source, { readonly: true })
      .prepare(`SELECT a.id, a.title, a.text, a.url, coalesce(a.published_at, a.fetched_at) at, a.source_id, a.author, x.entities
      FROM articles a LEFT JOIN extractions x ON x.article_id = a.id ORDER BY at, a.id`)
      .all() as ProbeArticle[];
  return readFileSync(source, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map(
      (l) =>
        JSON.parse(l) as { id: string; title: string; text: string; url: string; published: string; source: string },
    )
    .map((r) => ({
      ...r,
      at: r.published,
      source_id: r.source,
      entities: JSON.stringify(extractLocal({ id: r.id, title: r.title, text: r.text, url: r.url }).entities),
    }))
    .sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** The clusterer's input for an article, with its entities or (`none`) without. */
export function clusterInput(r: ProbeArticle, mode: string): ClusterInput {
  const entities =
    mode === 'none' ? undefined : (JSON.parse(r.entities ?? '[]') as { name: string }[]).map((e) => e.name);
  return {
    id: String(r.id),
    title: r.title,
    text: r.text,
    url: r.url,
    published: new Date(r.at),
    source: r.source_id,
    entities,
    author: r.author ?? undefined,
  };
}
