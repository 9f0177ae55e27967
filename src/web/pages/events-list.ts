import type { EventCardRow } from '../../store/event-cards.js';
import { filterQuery, type EventFilter } from '../filters.js';
import { esc } from '../html.js';
import { cardHtml } from './fragments.js';
import { layoutHtml } from './layout.js';

/**
 * The events list (`/`), written as strings like the event page (see html.ts): its filter bar
 * alone is a hundred options, which hono/jsx built and walked as objects on every request.
 */

export interface FilterChoices {
  topics: { slug: string; label: string }[];
  sources: { id: string; label: string }[];
  kinds: readonly string[];
}

const SCORES = [
  ['0', 'any'],
  ['4', '4+'],
  ['6', '6+'],
  ['7', '7+'],
  ['9', '9+'],
] as const;

const PERIODS = [
  ['', 'any time'],
  ['24h', '24 hours'],
  ['7d', '7 days'],
  ['30d', '30 days'],
  ['90d', '90 days'],
] as const;

/** One choice of a menu, selected when it is the filter's current value. */
function optionHtml(value: string, label: string, current: string | number | undefined): string {
  return `<option value="${esc(value)}"${String(current ?? '') === value ? ' selected=""' : ''}>${esc(label)}</option>`;
}

function selectHtml(label: string, name: string, options: string): string {
  return `<label>${label} <select name="${name}">${options}</select></label>`;
}

/** The filter bar: a plain GET form, so it works without JavaScript and the state lives in the URL. */
function filterBarHtml(f: EventFilter, choices: FilterChoices): string {
  const all = (current: string | undefined) => optionHtml('', 'all', current);
  return (
    '<form class="filters" method="get" action="/" aria-label="Filter events">' +
    selectHtml('Score', 'min', SCORES.map(([v, l]) => optionHtml(v, l, f.min)).join('')) +
    selectHtml(
      'Topic',
      'topic',
      all(f.topic) + choices.topics.map((t) => optionHtml(t.slug, t.label, f.topic)).join(''),
    ) +
    selectHtml(
      'Source',
      'source',
      all(f.source) + choices.sources.map((s) => optionHtml(s.id, s.label, f.source)).join(''),
    ) +
    selectHtml('Kind', 'kind', all(f.kind) + choices.kinds.map((k) => optionHtml(k, k, f.kind)).join('')) +
    selectHtml('Since', 'since', PERIODS.map(([v, l]) => optionHtml(v, l, f.since)).join('')) +
    selectHtml('Sort', 'sort', optionHtml('time', 'newest', f.sort) + optionHtml('score', 'score', f.sort)) +
    '<button type="submit">Apply</button></form>'
  );
}

/** The page of events under the filters `f`, with links to the newer and older pages. */
export function eventsListHtml(props: {
  events: EventCardRow[];
  f: EventFilter;
  hasMore: boolean;
  now: Date;
  choices: FilterChoices;
  ignored?: string[];
}): string {
  const { f, events } = props;
  const feed = filterQuery({ ...f, page: 1 });
  const atom = esc(`/feed.atom${feed}`);
  const json = esc(`/feed.json${feed}`);
  let out = '<h1>Events</h1>';
  if (props.ignored?.length)
    out +=
      `<p class="note">Ignored ${props.ignored.length === 1 ? 'a filter' : 'filters'} this page could not read: ` +
      `${esc(props.ignored.join('; '))}.</p>`;
  out += filterBarHtml(f, props.choices);
  out +=
    `<p class="meta">${events.length} event${events.length === 1 ? '' : 's'}` +
    (f.page > 1 ? ` · page ${f.page}` : '') +
    (props.hasMore ? ' · more on the next page' : '') +
    ` · <a href="${atom}">Atom</a> · <a href="${json}">JSON Feed</a></p>`;
  if (!events.length)
    out +=
      '<p>No events match. They appear once articles are fetched and processed; widen the filters to see more.</p>';
  for (const e of events) out += cardHtml(e, props.now);
  out +=
    '<nav class="pager" aria-label="Pages">' +
    (f.page > 1 ? `<a href="${esc(`/${filterQuery(f, { page: f.page - 1 })}`)}">← Newer</a>` : '<span></span>') +
    (props.hasMore ? `<a href="${esc(`/${filterQuery(f, { page: f.page + 1 })}`)}">Older →</a>` : '<span></span>') +
    '</nav>';
  return layoutHtml('Events', out, { atom: `/feed.atom${feed}`, json: `/feed.json${feed}` });
}
