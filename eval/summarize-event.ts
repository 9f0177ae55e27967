/**
 * npm run eval:summarize-event [-- --llm]: `almanac summarize-event` scored against
 * human-written neutral summaries of multi-document events, every *.jsonl file in
 * ../shared/data/multidoc/ (format: eval/event-summary-metrics.ts). We hold no such data
 * today: the run says so and measures nothing; no reference is ever written by us.
 * Target: ROUGE-1 0.40 without a model (the best published system, a 7B LLM, reaches 0.41).
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../src/config.js';
import { llmFromConfig } from '../src/analyze/llm/extractor.js';
import { scoreFile } from './event-summary-metrics.js';
import { pad, pct, requireData } from './shared-data.js';

const dir = requireData('multidoc', 'eval:summarize-event (no multi-document summary data: nothing measured)');
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.jsonl'))
  .sort();
if (!files.length) {
  console.error(`eval:summarize-event: no .jsonl file in ${dir}: nothing measured`);
  process.exit(1);
}
const llm = process.argv.includes('--llm') ? llmFromConfig(loadConfig(process.env, { db: ':memory:' })) : undefined;
if (process.argv.includes('--llm') && !llm) {
  console.error('eval:summarize-event --llm: no LLM configured (ALMANAC_LLM_URL, ALMANAC_LLM_MODEL)');
  process.exit(1);
}
console.log(
  `${pad('file', 34)} ${pad('events', 7)} ${pad(llm ? 'ours (llm) R1/R2/RL' : 'ours (local) R1/R2/RL', 24)} earliest lead R1/R2/RL`,
);
let worst: { file: string; r1: number } | undefined;
for (const f of files) {
  const s = await scoreFile(join(dir, f), llm);
  for (const e of s.skipped) console.error(`${f}: skipped ${e}`);
  const fmt = (r: { r1: number; r2: number; rl: number }) => `${pct(r.r1)} ${pct(r.r2)} ${pct(r.rl)}`;
  console.log(`${pad(f, 34)} ${pad(s.events, 7)} ${pad(fmt(s.ours), 24)} ${fmt(s.lead)}`);
  if (!worst || s.ours.r1 < worst.r1) worst = { file: f, r1: s.ours.r1 };
}
console.log(`worst file: ${worst!.file}, ROUGE-1 ${pct(worst!.r1)} (target 0.40)`);
