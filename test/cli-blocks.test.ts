import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';

const root = join(import.meta.dirname, '..');

function almanac(args: string[], input: string) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts', ...args], {
    cwd: root,
    input,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('building blocks on the command line', () => {
  it('analyze prints one line per article in the contract shape and skips bad lines with a reason', () => {
    const text =
      'Anthropic said on Monday it would open a lab in Tokyo. ' +
      '"We want to be close to our customers in Japan," said Dario Amodei. The lab will hire 50 researchers.';
    const input = [
      JSON.stringify({ id: 'a1', title: 'Anthropic opens Tokyo lab', text }),
      'not json',
      JSON.stringify({ id: 'a2' }),
      JSON.stringify({ id: 7, text: 'Short.' }),
    ].join('\n');
    const r = almanac(['analyze', '--input', '-'], input);
    assert.equal(r.code, 0, r.err);
    const lines = r.out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    assert.deepEqual(
      lines.map((l) => l.id),
      ['a1', '7'],
    );
    assert.deepEqual(Object.keys(lines[0]), [
      'id',
      'summary',
      'keyphrases',
      'topics',
      'claims',
      'quotes',
      'entities',
      'kind',
    ]);
    const q = lines[0].quotes[0];
    assert.equal(text.slice(q.start, q.end), q.text);
    assert.equal(q.speaker, 'Dario Amodei');
    assert.match(r.err, /line 2: not JSON/);
    assert.match(r.err, /line 3: text/);
  });

  it('analyze leaves out a title repeated at the top of the text', () => {
    const body =
      'Anthropic said on Monday it would open a research lab in Tokyo next year. The lab will hire fifty researchers from universities across Japan and Korea.';
    const input = [
      { id: 'plain', title: 'Anthropic opens Tokyo lab', text: body },
      { id: 'titled', title: 'Anthropic opens Tokyo lab', text: `Anthropic opens Tokyo lab\n\n${body}` },
    ];
    const r = almanac(['analyze', '--input', '-'], input.map((l) => JSON.stringify(l)).join('\n'));
    assert.equal(r.code, 0, r.err);
    const [plain, titled] = r.out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    assert.equal(titled.summary, plain.summary);
    assert.ok(titled.summary.startsWith('Anthropic said on Monday'), titled.summary);
  });

  it('analyze --llm without a configured model says what to set', () => {
    const r = almanac(['analyze', '--llm', '--input', '-', '--db', ':memory:'], '{"id":"1","text":"x"}');
    assert.equal(r.code, 2);
    assert.match(r.err, /no LLM configured \(set ALMANAC_LLM_URL and ALMANAC_LLM_MODEL/);
  });

  it('cluster prints {id, event} for every line, same events for the same story', () => {
    const rows = [
      { id: '1', title: 'Commerce Department restricts foreign access to Fable 5', published: '2026-11-20T10:00:00Z' },
      { id: '2', title: 'DeepMind weather model forecasts cyclones ten days out', published: '2026-11-20T11:00:00Z' },
      {
        id: '3',
        title: 'Fable 5 access for foreign researchers restricted by Commerce Department',
        published: '2026-11-20T12:00:00Z',
      },
    ];
    const r = almanac(['cluster', '--input', '-'], rows.map((x) => JSON.stringify(x)).join('\n'));
    assert.equal(r.code, 0, r.err);
    const out = r.out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { id: string; event: string });
    assert.deepEqual(
      out.map((o) => o.id),
      ['1', '2', '3'],
    );
    assert.equal(out[0]!.event, out[2]!.event);
    assert.notEqual(out[0]!.event, out[1]!.event);
    const bad = almanac(['cluster', '--input', '-'], '{"id":"x","title":"t","published":"yesterday"}');
    assert.equal(bad.code, 2);
    assert.match(bad.err, /published: not a date/);
  });

  it('migrate-store copies a store to a new file, refuses a full target, and says what is missing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'almanac-mig-'));
    try {
      const from = join(dir, 'a.db');
      assert.equal(almanac(['init', '--catalog', 'ai', '--db', from], '').code, 0);
      const r = almanac(['migrate-store', '--from', from, '--to', `sqlite:${join(dir, 'b.db')}`], '');
      assert.equal(r.code, 0, r.err);
      assert.match(r.out, /copied \d+ rows in \d+ tables/);
      const list = (db: string) => almanac(['sources', 'list', '--db', db], '').out;
      assert.ok(list(from).split('\n').length > 10);
      assert.equal(list(join(dir, 'b.db')), list(from));
      const again = almanac(['migrate-store', '--from', from, '--to', join(dir, 'b.db')], '');
      assert.equal(again.code, 1);
      assert.match(again.err, /not empty \(table sources has rows\)/);
      const missing = almanac(['migrate-store', '--from', from], '');
      assert.equal(missing.code, 2);
      assert.match(missing.err, /--to <url> is required/);
      const down = almanac(['migrate-store', '--from', from, '--to', 'postgres://nobody@127.0.0.1:1/none'], '');
      assert.equal(down.code, 1);
      assert.match(down.err, /cannot open the PostgreSQL store at postgres:\/\/nobody@127\.0\.0\.1:1\/none/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
