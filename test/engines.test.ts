import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, it } from 'node:test';

const root = join(import.meta.dirname, '..');
const require = createRequire(join(root, 'package.json'));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  engines: { node: string };
  dependencies: Record<string, string>;
};

const version = (v: string) => v.split('.').map(Number).concat(0, 0, 0).slice(0, 3) as [number, number, number];
const cmp = (a: number[], b: number[]) => a[0]! - b[0]! || a[1]! - b[1]! || a[2]! - b[2]!;
/** Whether a version meets an engines range of the forms packages use: ">=x.y.z", "^x", "x.x", "x.y.z", joined by "||". */
function satisfies(v: string, range: string): boolean {
  return range.split('||').some((clause) => {
    const c = clause.trim();
    const x = /^(\d+)\.x$/.exec(c);
    if (x) return version(v)[0] === Number(x[1]);
    const m = /^(>=|\^)?\s*v?(\d+(?:\.\d+){0,2})$/.exec(c);
    if (!m) throw new Error(`unread engines range: ${range}`);
    const [have, want] = [version(v), version(m[2]!)];
    if (m[1] === '>=') return cmp(have, want) >= 0;
    if (m[1] === '^') return have[0] === want[0] && cmp(have, want) >= 0;
    return cmp(have, want) === 0;
  });
}
const floor = /^>=\s*(\d+(?:\.\d+){0,2})$/.exec(pkg.engines.node)?.[1];

/**
 * The Node we say we run on (package.json engines) is one every dependency runs on. One
 * exception, explained: sanitize-html asks for Node >= 22.12 because it require()s
 * htmlparser2 12, which is ESM only; require() of ES modules is on by default from Node
 * 22.12 and, backported, from 20.19, our floor. npm's EBADENGINE warning for it is harmless there.
 */
describe('the Node version we declare', () => {
  it('is a plain floor that every dependency accepts (sanitize-html: see below)', () => {
    assert.ok(floor, `engines.node is ${pkg.engines.node}`);
    for (const dep of Object.keys(pkg.dependencies)) {
      if (dep === 'sanitize-html') continue;
      const engines = (
        JSON.parse(readFileSync(join(root, 'node_modules', dep, 'package.json'), 'utf8')) as {
          engines?: { node?: string };
        }
      ).engines?.node;
      if (engines)
        assert.ok(satisfies(floor!, engines), `${dep} wants Node ${engines}; we declare ${pkg.engines.node}`);
    }
  });

  it('runs sanitize-html: its only need beyond our floor is require() of ES modules, which this Node has', () => {
    assert.ok(satisfies(process.versions.node, pkg.engines.node));
    assert.equal(process.features.require_module, true);
    const sanitize = require('sanitize-html') as (html: string) => string;
    assert.equal(sanitize('<p onclick="x()">ok<script>alert(1)</script></p>'), '<p>ok</p>');
  });
});
