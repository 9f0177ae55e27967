import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Parser from 'rss-parser';
import { parseFeed } from '../src/ingest/feeds/parse.js';
import { measure, printTable, saveResults, seeded, type Figure } from './harness.js';

/**
 * Feed parsing: our parser path (format sniffing, decoding, parsing, normalizing, HTML
 * sanitizing, URL resolving) against rss-parser and against Python's feedparser (Debian's
 * python3-feedparser, run by /usr/bin/python3 when it has it) on the same synthetic
 * feeds, written to disk once: RSS 2.0 with content:encoded, Atom 1.0 and RSS 1.0, 30
 * items each with a paragraph or three of HTML and relative links. Each parser parses the
 * files once untimed before its timed runs.
 */
const WORDS = (
  'model lab release open weights chip export control policy agent benchmark safety research ' +
  'funding data center compute regulation court copyright startup training inference license ' +
  'europe china'
).split(' ');

export function syntheticFeeds(n: number): Array<{ name: string; xml: string }> {
  const rnd = seeded(11);
  const pick = () => WORDS[Math.floor(rnd() * WORDS.length)]!;
  const sentence = (k: number) => Array.from({ length: k }, pick).join(' ');
  const html = () =>
    Array.from(
      { length: 1 + Math.floor(rnd() * 3) },
      () => `<p>${sentence(40)} <a href="/post/${Math.floor(rnd() * 1e6)}">${pick()}</a> <em>${sentence(6)}</em>.</p>`,
    ).join('');
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const date = (i: number) => new Date(Date.UTC(2026, 10, 1) - i * 3_600_000);
  return Array.from({ length: n }, (_, f) => {
    const kind = f % 3;
    const items = Array.from({ length: 30 }, (_, i) => ({
      id: `https://site${f}.example/p/${i}`,
      title: sentence(8),
      body: html(),
      d: date(i),
    }));
    const xml =
      kind === 0
        ? `<?xml version="1.0" encoding="utf-8"?><rss version="2.0" ` +
          `xmlns:content="http://purl.org/rss/1.0/modules/content/" ` +
          `xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Feed ${f}</title><link>` +
          `https://site${f}.example/</link><description>${sentence(10)}</description>` +
          `${items
            .map(
              (it) =>
                `<item><title>${it.title}</title><link>${it.id}</link><guid>${it.id}</guid>` +
                `<pubDate>${it.d.toUTCString()}</pubDate><dc:creator>Writer ${f}</dc:creator>` +
                `<description>${esc(it.body.slice(0, 200))}</description>` +
                `<content:encoded><![CDATA[${it.body}]]></content:encoded></item>`,
            )
            .join('')}</channel></rss>`
        : kind === 1
          ? `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom" ` +
            `xml:base="https://site${f}.example/"><title>Feed ${f}</title><id>urn:feed:${f}</id>` +
            `<updated>${date(0).toISOString()}</updated><link href="https://site${f}.example/"/>` +
            `${items
              .map(
                (it) =>
                  `<entry><title>${it.title}</title><id>${it.id}</id><link href="` +
                  `${it.id}"/><updated>${it.d.toISOString()}</updated><author><name>Writer ${f}</name>` +
                  `</author><content type="html">${esc(it.body)}</content></entry>`,
              )
              .join('')}</feed>`
          : `<?xml version="1.0" encoding="utf-8"?><rdf:RDF ` +
            `xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" ` +
            `xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel ` +
            `rdf:about="https://site${f}.example/"><title>Feed ${f}</title><link>https://site` +
            `${f}.example/</link><description>${sentence(10)}</description></channel>` +
            `${items
              .map(
                (it) =>
                  `<item rdf:about="${it.id}"><title>${it.title}</title><link>` +
                  `${it.id}</link><dc:date>${it.d.toISOString()}</dc:date><description>` +
                  `${esc(it.body)}</description></item>`,
              )
              .join('')}</rdf:RDF>`;
    return { name: `feed-${f}.xml`, xml };
  });
}

const PYTHON = '/usr/bin/python3';
const FEEDPARSER_SCRIPT = `
import sys, os, time, feedparser
d = sys.argv[1]
files = [open(os.path.join(d, f), 'rb').read() for f in sorted(os.listdir(d))]
# One untimed pass first, as for the JavaScript parsers (their JIT warms up; here regex caches fill).
for b in files:
    feedparser.parse(b, response_headers={'content-location': 'https://example.com/'})
t = time.perf_counter()
for b in files:
    r = feedparser.parse(b, response_headers={'content-location': 'https://example.com/'})
    assert len(r.entries) == 30
print(len(files) / (time.perf_counter() - t))
`;

export async function benchFeedParsing(): Promise<void> {
  const feeds = syntheticFeeds(150);
  const bytes = feeds.map((f) => Buffer.from(f.xml));
  const mb = bytes.reduce((s, b) => s + b.length, 0) / 1024 / 1024;
  const dir = mkdtempSync(join(tmpdir(), 'almanac-bench-feeds-'));
  for (const f of feeds) writeFileSync(join(dir, f.name), f.xml);
  try {
    // Every parser gets one untimed pass over the files first, so each figure is for a warm
    // parser (a feed reader parses feeds all day), not for the JIT's or the caches' first pass.
    const oursOnce = () => {
      const t = performance.now();
      for (const b of bytes)
        if (parseFeed(b, { url: 'https://example.com/feed' }).items.length !== 30)
          throw new Error('bench: wrong item count');
      return bytes.length / ((performance.now() - t) / 1000);
    };
    oursOnce();
    const ours = measure('almanac parse-feed (parse, normalize, sanitize)', 'feeds/s', 5, oursOnce);
    const parser = new Parser();
    const rssParserRuns: number[] = [];
    for (const f of feeds) await parser.parseString(f.xml);
    for (let r = 0; r < 5; r++) {
      const t = performance.now();
      for (const f of feeds)
        if ((await parser.parseString(f.xml)).items.length !== 30) throw new Error('bench: rss-parser item count');
      rssParserRuns.push(bytes.length / ((performance.now() - t) / 1000));
    }
    rssParserRuns.sort((a, b) => a - b);
    const rssParser: Figure = {
      name: 'rss-parser (parse only, no sanitizing)',
      unit: 'feeds/s',
      median: rssParserRuns[2]!,
      min: rssParserRuns[0]!,
      max: rssParserRuns[4]!,
      runs: 5,
    };
    const figures = [ours, rssParser];
    const notes: string[] = [];
    let feedparser: Figure | undefined;
    const hasFeedparser =
      existsSync(PYTHON) && spawnSync(PYTHON, ['-c', 'import feedparser'], { stdio: 'ignore' }).status === 0;
    if (hasFeedparser) {
      const script = `${dir}.py`;
      writeFileSync(script, FEEDPARSER_SCRIPT);
      const feedDir = dir;
      feedparser = measure('Python feedparser 6 (baseline)', 'feeds/s', 3, () => {
        const r = spawnSync(PYTHON, [script, feedDir], { encoding: 'utf8' });
        if (r.status !== 0) throw new Error(`feedparser: ${r.stderr}`);
        return Number(r.stdout.trim());
      });
      rmSync(script, { force: true });
      figures.push(feedparser);
      notes.push(
        `ratio to feedparser ${(ours.median / feedparser.median).toFixed(1)}× (goal ≥ 5×); to rss-parser ${(ours.median / rssParser.median).toFixed(2)}×`,
      );
    } else {
      notes.push(
        `feedparser baseline skipped: ${PYTHON} cannot import feedparser (apt-get install ` +
          `python3-feedparser); ratio to rss-parser ` +
          `${(ours.median / rssParser.median).toFixed(2)}×`,
      );
    }
    printTable(
      `Feed parsing: ${feeds.length} synthetic feeds (RSS 2.0, Atom 1.0, RSS 1.0; 30 items each; ${mb.toFixed(1)} MB), one core`,
      figures,
      notes,
    );
    saveResults('feeds', { figures, megabytes: mb, feeds: feeds.length });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
