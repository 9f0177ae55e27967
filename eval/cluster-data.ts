import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadCorpus } from '../src/demo/corpus.js';
import type { ClusterInput } from '../src/events/cluster.js';
import { cleanArticle, clusterText } from '../src/ingest/boilerplate/article.js';
import { readJsonlFile } from './shared-data.js';

/** The labelled clustering files (../shared/data/clustering) and our demo corpus, as the clusterer reads them. */
interface LabelledRow {
  id: string;
  title: string;
  text?: string;
  published: string;
  source: string;
  url: string;
  cluster: string;
}

export interface LabelledFile {
  name: string;
  docs: ClusterInput[];
  gold: Map<string, string>;
}

/** Every labelled file of the folder (lines with a "cluster" label), by name. */
export function labelledFiles(dir: string): LabelledFile[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .sort()
    .map((name) => {
      const rows = readJsonlFile<LabelledRow>(join(dir, name));
      return {
        name,
        docs: rows.map((r) => ({
          id: r.id,
          title: r.title,
          text: r.text ?? '',
          url: r.url,
          source: r.source,
          published: new Date(r.published),
        })),
        gold: new Map(rows.map((r) => [r.id, r.cluster])),
      };
    });
}

/** Our demo corpus (its `event:` keys the answer): our own write-ups, so what it scores is not a quality claim. */
export function demoFile(withText: boolean): LabelledFile {
  const corpus = loadCorpus();
  const anchor = Date.parse('2026-11-22T12:00:00Z');
  return {
    name: `demo corpus, ${withText ? 'full text' : 'headlines only'}`,
    docs: corpus.map((a, i) => ({
      id: String(i),
      title: a.title,
      text: withText ? a.paragraphs.join('\n\n') : '',
      url: `https://example.org/${a.sourceId}/${a.slug}`,
      source: a.sourceId,
      author: a.author ?? undefined,
      published: new Date(anchor - a.hoursBeforeNewest * 3_600_000),
    })),
    gold: new Map(corpus.map((a, i) => [String(i), a.event!])),
  };
}

/**
 * The same articles as other feeds give them: headlines alone (when there is text), and without URLs;
 * and as the pipeline clusters them, cleaned of boilerplate (when there is text): by what it is only,
 * since what a source repeats across items is learned from a store a batch does not have.
 */
export function variants(f: LabelledFile): LabelledFile[] {
  const out = [f];
  if (f.docs.some((d) => d.text)) {
    out.push({ ...f, name: 'headlines only', docs: f.docs.map((d) => ({ ...d, text: '' })) });
    out.push({ ...f, name: 'cleaned as the pipeline does', docs: f.docs.map(cleaned) });
  }
  out.push({ ...f, name: 'no URL', docs: f.docs.map((d) => ({ ...d, url: undefined })) });
  return out;
}

function cleaned(d: ClusterInput): ClusterInput {
  const c = cleanArticle({ title: d.title, text: d.text ?? '', html: '', wordCount: 0 });
  return { ...d, title: c.title, text: clusterText(c) };
}

/** The file's articles published before (first) or from (second) its median time: a stream the settings were not looked at on. */
export function half(f: LabelledFile, second: boolean): LabelledFile {
  const times = f.docs.map((d) => d.published.getTime()).sort((a, b) => a - b);
  const mid = times[Math.floor(times.length / 2)]!;
  return {
    name: `${second ? 'second' : 'first'} time half`,
    docs: f.docs.filter((d) => d.published.getTime() >= mid === second),
    gold: f.gold,
  };
}
