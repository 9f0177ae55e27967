#!/usr/bin/env node
// The published entry point runs the compiled code; `npm install` builds it (the prepare script).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const entry = new URL('../dist/main.js', import.meta.url);

/** The newest modification time of the TypeScript sources under `dir` (0 when there are none). */
function newestSource(dir) {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const path = `${dir}/${e.name}`;
    if (e.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (/\.tsx?$/.test(e.name)) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

// In a checkout (the package ships no src/main.ts), sources changed since the last build (a
// `git pull`) would otherwise run as the old code: build them first.
const checkout = `${root}src`;
if (existsSync(`${checkout}/main.ts`) && (!existsSync(entry) || newestSource(checkout) > statSync(entry).mtimeMs)) {
  console.error('almanac: the sources changed since the last build; building them (npm run build)…');
  const built = spawnSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: 'inherit' });
  if (built.status !== 0) {
    console.error('almanac: the build failed (above); run `npm install`, then `npm run build`');
    process.exit(1);
  }
}
if (!existsSync(entry)) {
  console.error('almanac: dist/ is missing; run `npm install` (or `npm run build`) first');
  process.exit(1);
}
await import(entry.href);
