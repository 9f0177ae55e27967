import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// @ts-expect-error: a plain ES module script, without type declarations
import { longLines, sourceFiles } from '../scripts/check-line-length.mjs';

test('longLines reports each line over the limit with its number and length', () => {
  const text = ['short', 'x'.repeat(161), 'x'.repeat(160), `// ${'y'.repeat(200)}`].join('\n');
  assert.deepEqual(longLines(text, 160), [
    { line: 2, length: 161 },
    { line: 4, length: 203 },
  ]);
});

test('longLines counts characters, not UTF-16 units or bytes', () => {
  assert.deepEqual(longLines('→'.repeat(160), 160), []);
  assert.deepEqual(longLines('😀'.repeat(161), 160), [{ line: 1, length: 161 }]);
});

test('sourceFiles walks a folder for sources, skipping node_modules and dist', () => {
  const dir = mkdtempSync(join(tmpdir(), 'almanac-lines-'));
  try {
    for (const sub of ['a', 'node_modules', 'dist']) mkdirSync(join(dir, sub));
    for (const f of ['a/one.ts', 'a/two.tsx', 'a/notes.md', 'node_modules/x.ts', 'dist/y.js', 'z.mjs'])
      writeFileSync(join(dir, f), '');
    assert.deepEqual(sourceFiles(dir), [join(dir, 'a/one.ts'), join(dir, 'a/two.tsx'), join(dir, 'z.mjs')]);
    assert.deepEqual(sourceFiles(join(dir, 'missing')), []);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
