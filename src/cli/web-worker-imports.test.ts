import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, it } from 'node:test';

const SRC = dirname(import.meta.dirname);

/** The source files a module loads when it runs: its relative imports and re-exports, not those of types only. */
function loads(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const found: string[] = [];
  for (const m of text.matchAll(/^(import|export)\s+(type\s+)?[^;]*?from\s*'(\.[^']+)'|^import\s*'(\.[^']+)'/gms)) {
    if (m[2]) continue;
    const spec = (m[3] ?? m[4])!.replace(/\.js$/, '');
    const base = resolve(dirname(file), spec);
    const hit = ['.ts', '.tsx'].map((x) => base + x).find(existsSync);
    if (hit) found.push(hit);
  }
  return found;
}

/** Every source file reachable from `entry`, each with the file that first loaded it. */
function reachable(entry: string): Map<string, string | undefined> {
  const from = new Map<string, string | undefined>([[entry, undefined]]);
  const queue = [entry];
  while (queue.length) {
    const f = queue.shift()!;
    for (const next of loads(f))
      if (!from.has(next)) {
        from.set(next, f);
        queue.push(next);
      }
  }
  return from;
}

describe('a web worker of serve --workers', () => {
  it('loads the web app without the NLP model (tens of megabytes of heap and seconds of start in every worker)', () => {
    const from = reachable(join(SRC, 'cli', 'web-worker.ts'));
    const nlp = join(SRC, 'analyze', 'nlp.ts');
    const chain: string[] = [];
    for (let f: string | undefined = nlp; f && from.has(f); f = from.get(f)) chain.unshift(relative(SRC, f));
    assert.ok(!from.has(nlp), `loaded through ${chain.join(' → ')}`);
    assert.ok(from.has(join(SRC, 'web', 'pages', 'event-page.ts')), 'the walk reaches the pages');
  });
});
