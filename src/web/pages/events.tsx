import { raw } from 'hono/html';
import type { EventCardRow } from '../../store/event-cards.js';
import type { EventWithPrimary } from '../../store/event-page.js';
import { filterQuery, type EventFilter } from '../filters.js';
import { cardHtml, eventAgeHtml, scoreHtml } from './fragments.js';
import { Layout } from './layout.js';
import { labelOf } from '../../store/topics.js';

/** The significance badge (see fragments.ts). */
export function Score(props: { n: number }) {
  return raw(scoreHtml(props.n));
}

/** An event's age: its last update, and when it was first seen if that reads otherwise (see fragments.ts). */
export function EventAge(props: { firstSeen: string; lastUpdated: string; now: Date }) {
  return raw(eventAgeHtml(props.firstSeen, props.lastUpdated, props.now));
}

/** An event with its primary article's source, as lists and pages show it. */
export type EventCard = EventWithPrimary;

/**
 * What a related event has in common with the one on the page, in words: their shared topics,
 * then their shared names. How closely it is related shows by its place in the list (best
 * first); a percentage of "relatedness" means nothing to a reader.
 */
export function sharedSubjects(
  a: Pick<EventCard, 'topics' | 'entities'>,
  b: Pick<EventCard, 'topics' | 'entities'>,
  topicLabels: ReadonlyMap<string, string>,
  max = 4,
): string[] {
  const names = new Set(b.entities.map((x) => x.name));
  return [
    ...a.topics.filter((t) => b.topics.includes(t)).map((t) => labelOf(topicLabels, t)),
    ...a.entities.filter((x) => names.has(x.name)).map((x) => x.name),
  ].slice(0, max);
}

/** An event in a list (see fragments.ts). */
export function Card(props: { e: EventCardRow; now: Date; shared?: string[] }) {
  return raw(cardHtml(props.e, props.now, props.shared));
}

export interface FilterChoices {
  topics: { slug: string; label: string }[];
  sources: { id: string; label: string }[];
  kinds: readonly string[];
}

/** The filter bar: a plain GET form, so it works without JavaScript and the state lives in the URL. */
function FilterBar(props: { f: EventFilter; choices: FilterChoices }) {
  const f = props.f;
  const opt = (value: string, label: string, current: string | number | undefined) => (
    <option value={value} selected={String(current ?? '') === value}>
      {label}
    </option>
  );
  return (
    <form class="filters" method="get" action="/" aria-label="Filter events">
      <label>
        Score{' '}
        <select name="min">
          {[
            ['0', 'any'],
            ['4', '4+'],
            ['6', '6+'],
            ['7', '7+'],
            ['9', '9+'],
          ].map(([v, l]) => opt(v!, l!, f.min))}
        </select>
      </label>
      <label>
        Topic{' '}
        <select name="topic">
          {opt('', 'all', f.topic)}
          {props.choices.topics.map((t) => opt(t.slug, t.label, f.topic))}
        </select>
      </label>
      <label>
        Source{' '}
        <select name="source">
          {opt('', 'all', f.source)}
          {props.choices.sources.map((s) => opt(s.id, s.label, f.source))}
        </select>
      </label>
      <label>
        Kind{' '}
        <select name="kind">
          {opt('', 'all', f.kind)}
          {props.choices.kinds.map((k) => opt(k, k, f.kind))}
        </select>
      </label>
      <label>
        Since{' '}
        <select name="since">
          {[
            ['', 'any time'],
            ['24h', '24 hours'],
            ['7d', '7 days'],
            ['30d', '30 days'],
            ['90d', '90 days'],
          ].map(([v, l]) => opt(v!, l!, f.since))}
        </select>
      </label>
      <label>
        Sort{' '}
        <select name="sort">
          {opt('time', 'newest', f.sort)}
          {opt('score', 'score', f.sort)}
        </select>
      </label>
      <button type="submit">Apply</button>
    </form>
  );
}

export function EventsPage(props: {
  events: EventCardRow[];
  f: EventFilter;
  hasMore: boolean;
  now: Date;
  choices: FilterChoices;
  ignored?: string[];
}) {
  const f = props.f;
  const feed = filterQuery({ ...f, page: 1 });
  return (
    <Layout title="Events" feeds={{ atom: `/feed.atom${feed}`, json: `/feed.json${feed}` }}>
      <h1>Events</h1>
      {props.ignored?.length ? (
        <p class="note">
          Ignored {props.ignored.length === 1 ? 'a filter' : 'filters'} this page could not read:{' '}
          {props.ignored.join('; ')}.
        </p>
      ) : null}
      <FilterBar f={f} choices={props.choices} />
      <p class="meta">
        {props.events.length} event{props.events.length === 1 ? '' : 's'}
        {f.page > 1 ? ` · page ${f.page}` : ''}
        {props.hasMore ? ' · more on the next page' : ''} · <a href={`/feed.atom${feed}`}>Atom</a> ·{' '}
        <a href={`/feed.json${feed}`}>JSON Feed</a>
      </p>
      {props.events.length === 0 ? (
        <p>No events match. They appear once articles are fetched and processed; widen the filters to see more.</p>
      ) : null}
      {props.events.map((e) => (
        <Card e={e} now={props.now} />
      ))}
      <nav class="pager" aria-label="Pages">
        {f.page > 1 ? <a href={`/${filterQuery(f, { page: f.page - 1 })}`}>← Newer</a> : <span />}
        {props.hasMore ? <a href={`/${filterQuery(f, { page: f.page + 1 })}`}>Older →</a> : <span />}
      </nav>
    </Layout>
  );
}

export interface GuideRef {
  slug: string;
  title: string;
  eventCount: number;
}
