import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parseFeedDate } from './dates.js';

describe('parseFeedDate', () => {
  it('reads the common forms', () => {
    assert.equal(parseFeedDate('Thu, 01 Jan 2004 19:48:21 GMT')?.toISOString(), '2004-01-01T19:48:21.000Z');
    assert.equal(parseFeedDate('2003-12-31T10:14:55-08:00')?.toISOString(), '2003-12-31T18:14:55.000Z');
    assert.equal(parseFeedDate('Mon, 26 January 2004 16:31:00 PT')?.toISOString(), '2004-01-27T00:31:00.000Z');
    assert.equal(parseFeedDate('Sun Jan  4 16:29:06 2004')?.toISOString(), '2004-01-04T16:29:06.000Z');
  });
  it('refuses impossible dates instead of guessing', () => {
    for (const s of ['', 'Sun, 99 Jun 2009 12:00:00 GMT', '2003-12-31T25:14:55Z', '2013-xx-27', 'yesterday'])
      assert.equal(parseFeedDate(s), null, s);
  });
});

const casesFile = join(
  import.meta.dirname,
  '..',
  '..',
  '..',
  '..',
  'shared',
  'data',
  'feeds',
  'feedparser-date-cases.json',
);

describe('feedparser date cases', { skip: existsSync(casesFile) ? false : `${casesFile} not found` }, () => {
  it('reads the RFC 822, W3C-DTF, ISO 8601 and asctime cases', () => {
    const { cases } = JSON.parse(readFileSync(casesFile, 'utf8')) as {
      cases: Array<{ parser: string; input: string; expected_utc_struct_time: number[] | null }>;
    };
    const ours = cases.filter((c) => ['rfc822', 'w3dtf', 'iso8601', 'asctime', 'perforce'].includes(c.parser));
    const failures: string[] = [];
    for (const c of ours) {
      const d = parseFeedDate(c.input);
      const got = d
        ? [
            d.getUTCFullYear(),
            d.getUTCMonth() + 1,
            d.getUTCDate(),
            d.getUTCHours(),
            d.getUTCMinutes(),
            d.getUTCSeconds(),
          ]
        : null;
      const want = c.expected_utc_struct_time?.slice(0, 6) ?? null;
      if (JSON.stringify(got) !== JSON.stringify(want))
        failures.push(
          `${c.parser} ${JSON.stringify(c.input)}: got ${JSON.stringify(got)}, want ${JSON.stringify(want)}`,
        );
    }
    console.log(`date cases: ${ours.length - failures.length}/${ours.length} pass`);
    assert.ok(failures.length <= ours.length * 0.1, failures.join('\n'));
  });
});
