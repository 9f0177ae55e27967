import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

/**
 * The store knows SQL, not the domain: no file under src/store imports a folder of src/ other
 * than the store itself (analyze/, events/, guides/, relate/, web/…). What the store needs from
 * the domain is passed in by the caller; types it stores are declared in the store or in a
 * neutral module at the top of src/ (extraction-schema.ts).
 */
const STORE = dirname(fileURLToPath(import.meta.url));
const SRC = dirname(STORE);

/** Every module a source text names: static imports and re-exports, side-effect imports, import(). */
function specifiers(text: string): string[] {
  const found: string[] = [];
  for (const re of [/\bfrom\s*'([^']+)'/g, /\bimport\s*'([^']+)'/g, /\bimport\(\s*'([^']+)'\s*\)/g])
    for (const m of text.matchAll(re)) found.push(m[1]!);
  return found;
}

/** The imports of `file` (text `text`) that reach a folder of src/ other than the store, as "file: specifier". */
function domainImports(file: string, text: string): string[] {
  return specifiers(text)
    .filter((s) => s.startsWith('.'))
    .filter((s) => {
      const inSrc = relative(SRC, resolve(dirname(file), s));
      // A folder of src/ (not a neutral top-level module, not outside src/) that is not the store.
      return !inSrc.startsWith('..') && inSrc.includes(sep) && inSrc.split(sep)[0] !== 'store';
    })
    .map((s) => `${relative(SRC, file)}: ${s}`);
}

function storeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? storeFiles(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

describe('the store layer', () => {
  it('imports no domain folder: every file under src/store', () => {
    const files = storeFiles(STORE);
    assert.ok(files.length > 30, 'the store files were found');
    const offenders = files.flatMap((f) => domainImports(f, readFileSync(f, 'utf8')));
    assert.deepEqual(offenders, [], `store files that import the domain:\n${offenders.join('\n')}`);
  });

  it('names the file and the import that reaches a domain folder (and lets neutral modules and tests through)', () => {
    const file = join(STORE, 'sql', 'open.ts');
    const text = [
      "import { TAXONOMY } from '../../analyze/taxonomy.js';",
      "import type { Db } from '../db.js';",
      "import { assetPath } from '../../paths.js';",
      "import { BACKENDS } from '../../../test/helpers.js';",
      'import {',
      '  relateEvent,',
      "} from '../../relate/relate.js';",
      "const m = await import('../../web/app.js');",
      "import 'node:fs';",
    ].join('\n');
    assert.deepEqual(domainImports(file, text), [
      `store${sep}sql${sep}open.ts: ../../analyze/taxonomy.js`,
      `store${sep}sql${sep}open.ts: ../../relate/relate.js`,
      `store${sep}sql${sep}open.ts: ../../web/app.js`,
    ]);
  });
});
