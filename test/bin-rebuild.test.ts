import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';

const npm = spawnSync('npm', ['--version'], { encoding: 'utf8' }).status === 0;

/**
 * bin/almanac.js in a checkout whose sources changed since the last build (a `git pull`) builds
 * them before running, so `npm start` never runs the old code. Tried in a package of its own whose
 * build only writes dist/main.js, so the test does not rebuild this repository.
 */
describe('bin/almanac.js in a checkout', { skip: npm ? false : 'npm is not installed' }, () => {
  it('builds when a source is newer than the build, and only then', () => {
    const dir = mkdtempSync(join(tmpdir(), 'almanac-bin-'));
    try {
      mkdirSync(join(dir, 'bin'));
      mkdirSync(join(dir, 'src', 'web'), { recursive: true });
      copyFileSync(join(import.meta.dirname, '..', 'bin', 'almanac.js'), join(dir, 'bin', 'almanac.js'));
      writeFileSync(join(dir, 'src', 'main.ts'), 'export {};\n');
      writeFileSync(join(dir, 'src', 'web', 'page.tsx'), 'export {};\n');
      const build =
        "require('fs').mkdirSync('dist',{recursive:true});require('fs').writeFileSync('dist/main.js','console.log(\"ran\")')";
      writeFileSync(
        join(dir, 'package.json'),
        JSON.stringify({
          name: 'bin-test',
          type: 'module',
          scripts: { build: `node -e "${build.replaceAll('"', '\\"')}"` },
        }),
      );
      const run = () => spawnSync(process.execPath, [join(dir, 'bin', 'almanac.js')], { cwd: dir, encoding: 'utf8' });
      const first = run();
      assert.equal(first.status, 0, first.stderr);
      assert.match(first.stderr, /building them/, 'no build yet: it builds');
      assert.equal(first.stdout.trim(), 'ran');
      const second = run();
      assert.doesNotMatch(second.stderr, /building/, 'built and unchanged: it runs at once');
      assert.equal(second.stdout.trim(), 'ran');
      const later = new Date(Date.now() + 60_000);
      utimesSync(join(dir, 'src', 'web', 'page.tsx'), later, later);
      const third = run();
      assert.match(third.stderr, /building them/, 'a source changed in a subfolder: it builds again');
      assert.equal(third.stdout.trim(), 'ran');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('says what to do when the build fails, and runs nothing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'almanac-bin-'));
    try {
      mkdirSync(join(dir, 'bin'));
      mkdirSync(join(dir, 'src'));
      copyFileSync(join(import.meta.dirname, '..', 'bin', 'almanac.js'), join(dir, 'bin', 'almanac.js'));
      writeFileSync(join(dir, 'src', 'main.ts'), 'export {};\n');
      writeFileSync(
        join(dir, 'package.json'),
        JSON.stringify({ name: 'bin-test', scripts: { build: 'node -e "process.exit(2)"' } }),
      );
      const r = spawnSync(process.execPath, [join(dir, 'bin', 'almanac.js')], { cwd: dir, encoding: 'utf8' });
      assert.equal(r.status, 1);
      assert.match(r.stderr, /the build failed/);
      assert.doesNotMatch(r.stderr, /at .*\.js:\d+/, 'no stack trace');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
