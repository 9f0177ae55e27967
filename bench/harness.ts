import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** A figure as the bench reports it: the median of several runs, with min and max. */
export interface Figure {
  name: string;
  unit: string;
  median: number;
  min: number;
  max: number;
  runs: number;
}

export function measure(name: string, unit: string, runs: number, once: () => number): Figure {
  const xs: number[] = [];
  for (let i = 0; i < runs; i++) xs.push(once());
  xs.sort((a, b) => a - b);
  return { name, unit, median: xs[Math.floor(xs.length / 2)]!, min: xs[0]!, max: xs[xs.length - 1]!, runs };
}

const fmt = (x: number) => (x >= 100 ? Math.round(x).toLocaleString('en-US') : x.toFixed(2));

export function printTable(title: string, figures: Figure[], notes: string[] = []): void {
  console.log(`\n${title}`);
  const w = Math.max(...figures.map((f) => f.name.length), 10) + 2;
  console.log(`${'system'.padEnd(w)}${'median'.padStart(12)}${'min'.padStart(12)}${'max'.padStart(12)}  unit`);
  for (const f of figures)
    console.log(
      `${f.name.padEnd(w)}${fmt(f.median).padStart(12)}${fmt(f.min).padStart(12)}${fmt(f.max).padStart(12)}  ${f.unit}`,
    );
  for (const n of notes) console.log(`  ${n}`);
}

export function saveResults(name: string, data: unknown): void {
  const dir = join(import.meta.dirname, 'results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, `${name}.json`),
    JSON.stringify({ at: new Date().toISOString(), node: process.version, ...(data as object) }, null, 2) + '\n',
  );
}

/** A deterministic pseudo-random generator (mulberry32), so synthetic data is the same every run. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
