import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { EventCard } from './events.js';
import { eventPageHtml } from './event-page.js';

const now = new Date('2026-11-22T12:00:00Z');
const hostile = `<script>"x" & 'y'</script>`;
const event: EventCard = {
  id: "e1'",
  title: hostile,
  summary: 'A & B',
  significance: 7,
  factors: {
    score: 7,
    base: 2,
    factors: { tier: { value: 'tier <1>', points: 3, why: 'a "first" source' } },
    llm: { delta: -1, reason: "it's minor" },
  },
  primaryArticleId: 1,
  firstSeen: '2026-11-20T12:00:00Z',
  lastUpdated: '2026-11-22T11:00:00Z',
  kind: null,
  topics: ['a&b'],
  entities: [{ name: 'O<Ai>', type: 'org', weight: 1 }],
  sourceCount: 1,
  articleCount: 1,
  primary: { sourceName: 'Blog', sourceAuthor: 'Ann', url: 'javascript:alert(1)', sourceId: 'blog' },
};

test('the event page escapes every stored string and writes the model adjustment row', () => {
  const html = eventPageHtml({
    event,
    members: [
      {
        articleId: 5,
        role: 'primary',
        title: 'T & U',
        url: 'https://example.com/a?x=1&y=2',
        publishedAt: null,
        fetchedAt: '2026-11-22T10:00:00Z',
        sourceName: 'Blog',
        sourceAuthor: 'Ann',
        tier: 1,
        summary: null,
      },
    ],
    related: [],
    guides: [{ slug: 'g', title: 'G & H', eventCount: 1 }],
    topicLabels: new Map(),
    now,
  });
  assert.ok(!html.includes('<script>'));
  assert.ok(html.includes('<title>&lt;script&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/script&gt; · Almanac</title>'));
  assert.ok(html.includes('<td title="a &quot;first&quot; source">tier</td><td>tier &lt;1&gt;</td><td>+3</td>'));
  assert.ok(html.includes('<tr><td>model&#39;s adjustment</td><td>it&#39;s minor</td><td>-1</td></tr>'));
  assert.ok(html.includes('<a class="topic" href="/topics/a%26b">A&amp;b</a>'));
  assert.ok(html.includes('<span class="entity org" title="org">O&lt;Ai&gt;</span>'));
  assert.ok(html.includes('<h2>Coverage (1 article from 1 source)</h2>'));
  // No link for a javascript: address; a plain one with its & escaped.
  assert.ok(!html.includes('javascript:'));
  assert.ok(html.includes('<a href="https://example.com/a?x=1&amp;y=2" rel="noopener noreferrer">source ↗</a>'));
  assert.ok(html.includes('<span class="meta">· 1 event</span>'));
  assert.ok(html.includes('<h2>Related events (0)</h2><p class="meta">None yet.</p>'));
  assert.ok(html.startsWith('<html lang="en"><head>') && html.endsWith('</main></body></html>'));
});

test('the event page names its topics and what a related event shares by the stored labels', () => {
  const topics = ['ai-and-jobs'];
  const html = eventPageHtml({
    event: { ...event, topics },
    members: [],
    related: [{ ...event, id: 'e2', title: 'Another', topics, entities: [], similarity: 0.5 }],
    guides: [],
    topicLabels: new Map([['ai-and-jobs', 'AI and work']]),
    now,
  });
  assert.ok(html.includes('<a class="topic" href="/topics/ai-and-jobs">AI and work</a>'));
  assert.ok(html.includes('shares AI and work'));
  assert.ok(!html.includes('AI and jobs'));
});
