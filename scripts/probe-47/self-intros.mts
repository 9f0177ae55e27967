/**
 * Probe (issue 47): article summaries of the real stream that open with a host's or a show's
 * self-introduction ("I'm <name>, … guest host", "Welcome back to <show>, your hub …", "<Show> is
 * <outlet>'s podcast …") or end cut at a case's "v.": the stream's items cleaned as the pipeline
 * cleans them, then summarised by the local extractor. The pattern counts openings, so a
 * first-person lead that is the story ("I'm not sure anyone asked for …") is counted too.
 * Usage: node --import tsx scripts/probe-47/self-intros.mts [--print]
 */
import { readFileSync } from 'node:fs';
import { cleanText } from '../../src/ingest/boilerplate/clean.js';
import { extractLocal } from '../../src/analyze/local.js';
const SELFISH =
  /^(?:I['’]m\s|I am\s|This is \p{Lu}\p{Ll}+ \p{Lu}|(?:Hello|Hey there|Hi),? and welcome|Welcome (?:back )?to|\S+(?: \S+){0,2} is \S+['’]s? (?:\S+ )?(?:podcast|newsletter))/u;
let n = 0,
  bad = 0,
  vcut = 0;
for (const l of readFileSync('../shared/data/streams/ai-news-stream.jsonl', 'utf8').split('\n').filter(Boolean)) {
  const r = JSON.parse(l);
  const c = cleanText(r.text ?? '');
  const x = extractLocal({ id: r.id, title: r.title, text: c.text, url: r.url });
  n++;
  if (SELFISH.test(x.summary)) {
    bad++;
    if (process.argv.includes('--print')) console.log(x.summary.slice(0, 120));
  }
  if (/\bv\.$/.test(x.summary)) vcut++;
}
console.log({ n, selfIntroSummaries: bad, cutAtV: vcut });
