import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { gunzipSync } from 'node:zlib';
import { pagePR } from '../../../eval/page-metrics.js';
import { extractPage } from './extract.js';

const PAGE =
  `<!doctype html><html lang="en"><head><title>Lab ships model | Example News</title>
<meta property="og:title" content="Lab ships a weather model">
<meta property="og:image" content="/img/lead.jpg">
<meta name="author" content="Ada Writer">
<script type="application/ld+json">{"@type":"NewsArticle","headline":"Lab ships a weather model",` +
  `"datePublished":"2026-11-20T09:00:00Z","author":{"@type":"Person","name":"Ada Writer"}}</script>
</head><body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Lab ships a weather model</h1>
<p>A research lab released a model on Thursday that forecasts the tracks of tropical cyclones up to ` +
  `ten days ahead, two days further than the physics-based systems forecasters use today.</p>
<p>The team trained it on four decades of reanalysis data and tested it on the storms of the last ` +
  `two seasons, where its track errors were a fifth smaller than the best operational model.</p>
<p>National weather services will get the forecasts through a public archive, and the lab says it ` +
  `will publish the code so that others can check the results for themselves.</p>
<script>alert(1)</script><p onclick="steal()">Forecasters who saw early versions said the gain ` +
  `would matter most for evacuation decisions made three to five days before landfall.</p>
</article><aside>Related: ten other stories you might like</aside><footer>© Example News</footer></body></html>`;

describe('page extraction', () => {
  it('finds the article, its metadata from JSON-LD and meta tags, and drops the page around it', () => {
    const p = extractPage(PAGE, 'https://news.example/2026/11/20/weather');
    assert.equal(p.title, 'Lab ships a weather model');
    assert.equal(p.author, 'Ada Writer');
    assert.equal(p.published, '2026-11-20T09:00:00.000Z');
    assert.equal(p.lang, 'en');
    assert.equal(p.image, 'https://news.example/img/lead.jpg');
    assert.match(p.text, /tropical cyclones up to ten days ahead/);
    assert.match(p.text, /evacuation decisions/);
    assert.doesNotMatch(p.text, /Related: ten other stories|© Example News|Home/);
    assert.doesNotMatch(p.html, /<script|onclick|alert/);
  });

  it('scores at or above trafilatura (0.957 F1) on the public benchmark pages', (t) => {
    const dir = join(import.meta.dirname, '..', '..', '..', '..', 'shared', 'data', 'pages', 'aeb');
    if (!existsSync(dir)) return t.skip(`${dir} absent (public data sets live in ../shared/data)`);
    const truth = JSON.parse(readFileSync(join(dir, 'ground-truth.json'), 'utf8')) as Record<
      string,
      { articleBody: string; url: string }
    >;
    let p = 0;
    let r = 0;
    const ids = Object.keys(truth);
    for (const id of ids) {
      const html = gunzipSync(readFileSync(join(dir, 'html', `${id}.html.gz`))).toString('utf8');
      const x = pagePR(extractPage(html, truth[id]!.url).text, truth[id]!.articleBody);
      p += x.p / ids.length;
      r += x.r / ids.length;
    }
    const f1 = (2 * p * r) / (p + r);
    assert.ok(f1 >= 0.957, `F1 ${f1.toFixed(3)}`);
  });
});
