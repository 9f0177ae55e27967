import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { EventCardRow } from '../../store/event-cards.js';
import { readFilter } from '../filters.js';
import { eventsListHtml, type FilterChoices } from './events-list.js';

const now = new Date('2026-11-23T06:00:00Z');
const choices: FilterChoices = {
  topics: [
    { slug: 'ai-chips', label: 'AI chips' },
    { slug: 'robotics', label: 'Robots & <arms>' },
  ],
  sources: [{ id: 'lab-1', label: 'The "Lab" (Ann O\'Neil)' }],
  kinds: ['news', 'research'],
};
const card = (id: string): EventCardRow => ({
  id,
  title: `Event ${id}`,
  summary: 'A summary.',
  significance: 6,
  firstSeen: '2026-11-22T06:00:00Z',
  lastUpdated: '2026-11-22T06:00:00Z',
  topics: [],
  sourceCount: 1,
});
const page = (query: Record<string, string>, events: EventCardRow[], hasMore: boolean) => {
  const { f, ignored } = readFilter(query);
  return eventsListHtml({ events, f, hasMore, now, choices, ignored });
};

test('the filter bar escapes its labels and selects only the current value of each menu', () => {
  const html = page({ topic: 'robotics', min: '6', sort: 'score' }, [card('e1')], false);
  assert.match(html, /<option value="robotics" selected="">Robots &amp; &lt;arms&gt;<\/option>/);
  assert.match(html, /<option value="lab-1">The &quot;Lab&quot; \(Ann O&#39;Neil\)<\/option>/);
  assert.match(html, /<option value="6" selected="">6\+<\/option>/);
  assert.match(html, /<option value="score" selected="">score<\/option>/);
  // Menus without a filter select their "all" (or "any time") choice.
  assert.match(html, /<select name="source"><option value="" selected="">all<\/option>/);
  assert.match(html, /<select name="since"><option value="" selected="">any time<\/option>/);
  assert.equal(html.match(/ selected=""/g)?.length, 6);
});

test('a middle page links to the newer and older pages under the same filters, and its feeds', () => {
  const html = page({ topic: 'ai-chips', page: '2' }, [card('e1'), card('e2')], true);
  assert.match(
    html,
    /<p class="meta">2 events · page 2 · more on the next page · <a href="\/feed.atom\?topic=ai-chips">Atom<\/a>/,
  );
  assert.match(
    html,
    /<a href="\/\?topic=ai-chips">← Newer<\/a><a href="\/\?topic=ai-chips&amp;page=3">Older →<\/a><\/nav>/,
  );
  assert.match(
    html,
    /<link rel="alternate" type="application\/atom\+xml" title="Almanac events \(Atom\)" href="\/feed.atom\?topic=ai-chips"\/>/,
  );
  assert.equal(html.match(/<div class="item event">/g)?.length, 2);
});

test('an empty first page says so, names the filters it ignored and has no page links', () => {
  const html = page({ min: 'banana' }, [], false);
  assert.match(
    html,
    /<p class="note">Ignored a filter this page could not read: min=banana: a score from 0 to 10\.<\/p>/,
  );
  assert.match(html, /<p class="meta">0 events · <a href/);
  assert.match(html, /<p>No events match\./);
  assert.match(html, /<nav class="pager" aria-label="Pages"><span><\/span><span><\/span><\/nav>/);
});
