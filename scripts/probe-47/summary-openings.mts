/**
 * Probe (issue 47): article summaries of the real stream that cannot stand alone: fewer than six
 * words ("Sexual fetish content."), or opening past the text's start on a word that points back at
 * a sentence left out ("On that front, Anthropic just gained some ground.", "These are …"). The stream's
 * items cleaned as the pipeline cleans them, then summarised by the local extractor.
 * Usage: node --import tsx scripts/probe-47/summary-openings.mts [--print]
 */
import { readFileSync } from 'node:fs';
import { extractLocal } from '../../src/analyze/local.js';
import { cleanText } from '../../src/ingest/boilerplate/clean.js';

const POINTS_BACK =
  /^(?:he|she|it|they|this|that|these|those|his|her|its|their|but|and|also|however|meanwhile|instead|still|yet|so|on that front|some have)\b/i;
let n = 0;
let short = 0;
let back = 0;
for (const l of readFileSync('../shared/data/streams/ai-news-stream.jsonl', 'utf8').split('\n').filter(Boolean)) {
  const r = JSON.parse(l) as { id: string; title: string; text?: string; url: string };
  const text = cleanText(r.text ?? '').text;
  const x = extractLocal({ id: r.id, title: r.title, text, url: r.url });
  if (!x.summary) continue;
  n++;
  const words = x.summary.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
  const isShort = words < 6;
  const isBack = POINTS_BACK.test(x.summary) && !text.trimStart().startsWith(x.summary.slice(0, 30));
  if (isShort) short++;
  if (isBack) back++;
  if ((isShort || isBack) && process.argv.includes('--print')) console.log(x.summary.slice(0, 140));
}
console.log({ summaries: n, underSixWords: short, pointingBack: back });
