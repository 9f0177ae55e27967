#!/usr/bin/env node
// Biome's formatter wraps code at its lineWidth but leaves comments, strings and regular
// expressions as written, so this check holds every line of the sources to a hard limit.
// Usage: node scripts/check-line-length.mjs [--max N] [folder…]
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const MAX_LINE = 160;
const FOLDERS = ['src', 'test', 'bench', 'eval', 'scripts', 'bin'];
const SOURCE = /\.(ts|tsx|js|mjs)$/;

/** The lines of `text` longer than `max` characters (code points), as { line, length }. */
export function longLines(text, max = MAX_LINE) {
  const found = [];
  text.split('\n').forEach((line, i) => {
    const length = [...line].length;
    if (length > max) found.push({ line: i + 1, length });
  });
  return found;
}

/** Every source file under `dir`, depth first, skipping node_modules and dist. */
export function sourceFiles(dir) {
  const out = [];
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return out;
  }
  for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const path = join(dir, e.name);
    if (e.isDirectory() && e.name !== 'node_modules' && e.name !== 'dist') out.push(...sourceFiles(path));
    else if (e.isFile() && SOURCE.test(e.name)) out.push(path);
  }
  return out;
}

function main(argv) {
  let max = MAX_LINE;
  const folders = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--max') max = Number(argv[++i]);
    else folders.push(argv[i]);
  }
  if (!Number.isInteger(max) || max < 1) {
    console.error('check-line-length: --max needs a positive integer');
    return 2;
  }
  let count = 0;
  for (const file of (folders.length ? folders : FOLDERS).flatMap(sourceFiles)) {
    for (const { line, length } of longLines(readFileSync(file, 'utf8'), max)) {
      console.log(`${file}:${line}: ${length} characters (limit ${max})`);
      count++;
    }
  }
  if (count) console.error(`check-line-length: ${count} lines over ${max} characters`);
  return count ? 1 : 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1])
  process.exitCode = main(process.argv.slice(2));
