/**
 * Inclusive time of the functions whose name or file matches any pattern, from a V8 CPU
 * profile (`node --cpu-prof`): how bench/README.md finds where the time goes.
 *   node --import tsx bench/profile-summary.ts [--self] <file.cpuprofile> <pattern> [pattern…]
 * A function counts once per sample even when it recurses. With --self, the time spent in
 * each function itself instead (native calls count to the function that made them).
 */
import { readFileSync } from 'node:fs';

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: Node[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

const args = process.argv.slice(2);
const self = args[0] === '--self';
const [file, ...patterns] = self ? args.slice(1) : args;
if (!file || patterns.length === 0) {
  console.error('usage: node --import tsx bench/profile-summary.ts [--self] <file.cpuprofile> <pattern> [pattern…]');
  process.exit(2);
}
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const label = (n: Node) =>
  `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.split('/').slice(-2).join('/')}:${n.callFrame.lineNumber + 1}`;

const selfUs = new Map<number, number>();
profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
const inclusive = new Map<string, number>();
for (const [id, us] of selfUs) {
  const seen = new Set<string>();
  // With --self, only the sampled function itself.
  for (let q: number | undefined = id; q !== undefined; q = self ? undefined : parent.get(q)) {
    const k = label(byId.get(q)!);
    if (seen.has(k)) continue;
    seen.add(k);
    inclusive.set(k, (inclusive.get(k) ?? 0) + us);
  }
}
console.log(`profile: ${((profile.endTime - profile.startTime) / 1e6).toFixed(1)} s in all`);
const rows = [...inclusive]
  .filter(([k]) => patterns.some((p) => k.includes(p)))
  .sort((a, b) => b[1] - a[1])
  .slice(0, 40);
for (const [k, us] of rows) console.log(`${(us / 1e6).toFixed(1).padStart(8)} s  ${k}`);
