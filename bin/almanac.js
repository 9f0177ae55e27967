#!/usr/bin/env node
// The published entry point runs the compiled code; `npm install` builds it (the prepare script).
import { existsSync } from 'node:fs';
const entry = new URL('../dist/main.js', import.meta.url);
if (!existsSync(entry)) {
  console.error('almanac: dist/ is missing; run `npm install` (or `npm run build`) first');
  process.exit(1);
}
await import(entry.href);
