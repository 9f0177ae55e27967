import { join } from 'node:path';
import { readdirSync } from 'node:fs';
import type { LogisticModel } from '../src/analyze/logistic.js';
import { clusterBatch, OnlineClusterer, type ClusterInput, type ClusterSettings } from '../src/events/cluster.js';
import { loadCorpus } from '../src/demo/corpus.js';
import { readJsonlFile } from './shared-data.js';

/**
 * The labelled clustering files as the clusterer reads them, and the examples its model of
 * "same happening?" learns from: each article placed in published order by the clusterer
 * itself, the answer key choosing among the events it looks at closely (so the evidence
 * is gathered exactly as at run time), every event looked at one example.
 */
export interface LabelledRow { id: string; title: string; text: string; published: string; source: string; url: string; cluster: string }

export interface LabelledFile { name: string; docs: ClusterInput[]; gold: Map<string, string> }

/** Every labelled file of the folder (lines with a "cluster" label). */
export function labelledFiles(dir: string): LabelledFile[] {
  return readdirSync(dir).filter((f) => f.endsWith('.jsonl')).sort().map((name) => {
    const rows = readJsonlFile<LabelledRow>(join(dir, name));
    return {
      name,
      docs: rows.map((r) => ({ id: r.id, title: r.title, text: r.text ?? '', url: r.url, source: r.source, published: new Date(r.published) })),
      gold: new Map(rows.map((r) => [r.id, r.cluster])),
    };
  });
}

/**
 * Our demo corpus (src/demo/corpus.txt, its `event:` keys the answer): the only labelled
 * full text we have, our own write-ups, so what it scores is not a quality claim.
 */
export function demoFile(): LabelledFile {
  const corpus = loadCorpus();
  const anchor = Date.parse('2026-11-22T12:00:00Z');
  return {
    name: 'demo corpus (full text)',
    docs: corpus.map((a, i) => ({ id: String(i), title: a.title, text: a.paragraphs.join('\n\n'), url: `https://example.org/${a.sourceId}/${a.slug}`, source: a.sourceId, published: new Date(anchor - a.hoursBeforeNewest * 3_600_000) })),
    gold: new Map(corpus.map((a, i) => [String(i), a.event!])),
  };
}

/** The same articles as other inputs give them: headlines alone, and without URLs (not every feed's URLs carry words). */
export function variants(f: LabelledFile): LabelledFile[] {
  const out = [f];
  if (f.docs.some((d) => d.text)) out.push({ ...f, name: `${f.name}, headlines only`, docs: f.docs.map((d) => ({ ...d, text: '' })) });
  out.push({ ...f, name: `${f.name}, no URL`, docs: f.docs.map((d) => ({ ...d, url: undefined })) });
  return out;
}

export interface Examples { X: number[][]; y: number[] }

const byTime = (a: ClusterInput, b: ClusterInput) => a.published.getTime() - b.published.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export function examplesOf(f: LabelledFile): Examples {
  const c = new OnlineClusterer();
  const label = new Map<string, string>();
  const X: number[][] = [];
  const y: number[] = [];
  for (const d of [...f.docs].sort(byTime)) {
    const g = f.gold.get(d.id)!;
    const a = c.place(d, (_doc, looks) => {
      let pick: string | undefined;
      for (const l of looks) {
        const right = label.get(l.event) === g;
        X.push(l.features);
        y.push(right ? 1 : 0);
        if (right && pick === undefined) pick = l.event;
      }
      return pick === undefined ? [] : [pick];
    });
    if (a.created) label.set(a.event, g);
  }
  return { X, y };
}

/** The file's articles published before (first) or from (second) its median time. */
export function half(f: LabelledFile, second: boolean): LabelledFile {
  const times = f.docs.map((d) => d.published.getTime()).sort((a, b) => a - b);
  const mid = times[Math.floor(times.length / 2)]!;
  const docs = f.docs.filter((d) => (d.published.getTime() >= mid) === second);
  return { name: `${f.name} ${second ? 'second' : 'first'} half`, docs, gold: f.gold };
}

export const clusterWith = (f: LabelledFile, model: LogisticModel, settings: Partial<ClusterSettings> = {}) => clusterBatch(f.docs, { ...settings, model });
