import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// What ships: the build compiles only the code that runs, and the package carries the build,
// the entry point and the files read at run time, never the tests, the evals or the benchmarks.
const root = fileURLToPath(new URL('..', import.meta.url));
const TEST_SUPPORT = /\.test\.tsx?$|\.fixture\.ts$|(^|\/)(shared-suite|feed-suite)\.ts$|\/fixtures\//;

test('the build compiles no test, fixture or test-suite file', () => {
  const shown = execFileSync(
    process.execPath,
    [`${root}node_modules/typescript/bin/tsc`, '-p', 'tsconfig.json', '--showConfig'],
    {
      cwd: root,
      encoding: 'utf8',
    },
  );
  const files: string[] = JSON.parse(shown).files;
  assert.ok(files.includes('./src/main.ts'), 'the entry point is built');
  assert.deepEqual(
    files.filter((f) => TEST_SUPPORT.test(f)),
    [],
  );
});

test('the package holds the build, the entry point and the run-time files, and no sources', () => {
  const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8' });
  const paths: string[] = JSON.parse(out)[0].files.map((f: { path: string }) => f.path);
  for (const needed of [
    'bin/almanac.js',
    'package.json',
    'README.md',
    'src/store/migrations/001_initial.sql',
    'src/demo/corpus.txt',
  ])
    assert.ok(paths.includes(needed), `${needed} is packed`);
  const misplaced = paths.filter((p) => /^(test|bench|eval|scripts|patches)\//.test(p) || /^src\/.*\.tsx?$/.test(p));
  assert.deepEqual(misplaced, []);
});

test('installing the package runs no script of ours (patches are applied in development only)', () => {
  const { scripts } = JSON.parse(readFileSync(`${root}package.json`, 'utf8')) as { scripts: Record<string, string> };
  for (const hook of ['preinstall', 'install', 'postinstall'])
    assert.equal(scripts[hook], undefined, `no ${hook} script`);
  assert.match(scripts.prepare ?? '', /patch-package/, 'a clone applies the patches when it installs');
});
