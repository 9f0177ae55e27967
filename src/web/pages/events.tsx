import type { EventMember } from '../../store/event-reads.js';
import type { EventRow } from '../../store/event-rows.js';
import { sourceLabel } from '../../store/sources.js';
import { filterQuery, type EventFilter } from '../filters.js';
import { Age, Layout } from './layout.js';
import { relativeTime } from '../relative-time.js';
import { httpUrl } from '../../ingest/http-url.js';

/** The significance badge: the score, coloured by band, with its meaning on hover. */
export function Score(props: { n: number }) {
  const band = props.n >= 9 ? 'top' : props.n >= 7 ? 'high' : props.n >= 4 ? 'mid' : 'low';
  return (
    <span class={`score ${band}`} title={`significance ${props.n} of 10`}>
      {props.n}
    </span>
  );
}

/**
 * An event's age, one way everywhere: its last update (what the lists are sorted by), and,
 * when its first report is older than that reads, when it was first seen, both in words.
 */
export function EventAge(props: { firstSeen: string; lastUpdated: string; now: Date }) {
  if (relativeTime(props.firstSeen, props.now) === relativeTime(props.lastUpdated, props.now))
    return (
      <span class="age">
        <Age iso={props.lastUpdated} now={props.now} />
      </span>
    );
  return (
    <span class="age">
      first seen <Age iso={props.firstSeen} now={props.now} /> · updated <Age iso={props.lastUpdated} now={props.now} />
    </span>
  );
}

export interface EventCard extends EventRow {
  primary?: { sourceName: string; sourceAuthor: string | null; url: string | null; sourceId: string } | undefined;
}

/**
 * What a related event has in common with the one on the page, in words: their shared topics,
 * then their shared names. How closely it is related shows by its place in the list (best
 * first); a percentage of "relatedness" means nothing to a reader.
 */
export function sharedSubjects(
  a: Pick<EventCard, 'topics' | 'entities'>,
  b: Pick<EventCard, 'topics' | 'entities'>,
  max = 4,
): string[] {
  const names = new Set(b.entities.map((x) => x.name));
  return [
    ...a.topics.filter((t) => b.topics.includes(t)),
    ...a.entities.filter((x) => names.has(x.name)).map((x) => x.name),
  ].slice(0, max);
}

export function Card(props: { e: EventCard; now: Date; shared?: string[] }) {
  const e = props.e;
  return (
    <div class="item event">
      <div class="meta">
        <Score n={e.significance} />
        {e.primary ? sourceLabel({ name: e.primary.sourceName, author: e.primary.sourceAuthor }) : ''}
        {e.sourceCount > 1 ? ` +${e.sourceCount - 1} more` : ''} ·{' '}
        <EventAge firstSeen={e.firstSeen} lastUpdated={e.lastUpdated} now={props.now} />
        {httpUrl(e.primary?.url) ? (
          <>
            {' '}
            ·{' '}
            <a href={httpUrl(e.primary?.url)!} rel="noopener noreferrer">
              source ↗
            </a>
          </>
        ) : null}
        {props.shared?.length ? <span class="sim"> · shares {props.shared.join(', ')}</span> : null}
      </div>
      <h3>
        <a href={`/events/${encodeURIComponent(e.id)}`}>{e.title}</a>
      </h3>
      <p>{e.summary}</p>
    </div>
  );
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
  events: EventCard[];
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

const ROLE_LABEL = { primary: 'primary', coverage: 'coverage', commentary: 'commentary' } as const;

export interface GuideRef {
  slug: string;
  title: string;
  eventCount: number;
}

export function EventPage(props: {
  event: EventCard;
  members: EventMember[];
  related: Array<EventCard & { similarity: number }>;
  guides: GuideRef[];
  now: Date;
}) {
  const e = props.event;
  const f = e.factors;
  return (
    <Layout title={e.title}>
      <a href="/">← Events</a>
      <div class="meta head">
        <Score n={e.significance} />
        {e.primary ? sourceLabel({ name: e.primary.sourceName, author: e.primary.sourceAuthor }) : ''} ·{' '}
        <EventAge firstSeen={e.firstSeen} lastUpdated={e.lastUpdated} now={props.now} />
      </div>
      <h1>{e.title}</h1>
      <p class="lead">{e.summary}</p>
      {e.topics.length ? (
        <p class="topics">
          {e.topics.map((t) => (
            <a class="topic" href={`/topics/${encodeURIComponent(t)}`}>
              {t}
            </a>
          ))}
        </p>
      ) : null}

      <h2>Why {e.significance} of 10</h2>
      <table class="factors">
        <tr>
          <th>factor</th>
          <th>measured</th>
          <th>points</th>
        </tr>
        <tr>
          <td>base</td>
          <td></td>
          <td>{f.base ?? ''}</td>
        </tr>
        {Object.entries(f.factors ?? {}).map(([name, x]) => (
          <tr>
            <td title={x.why}>{name}</td>
            <td>{x.value}</td>
            <td>+{x.points}</td>
          </tr>
        ))}
        {f.llm ? (
          <tr>
            <td>model's adjustment</td>
            <td>{f.llm.reason}</td>
            <td>
              {f.llm.delta > 0 ? '+' : ''}
              {f.llm.delta}
            </td>
          </tr>
        ) : null}
      </table>

      <h2>
        Coverage ({props.members.length} article{props.members.length === 1 ? '' : 's'} from {e.sourceCount} source
        {e.sourceCount === 1 ? '' : 's'})
      </h2>
      {props.members.map((m) => (
        <div class="item member">
          <div class="meta">
            <span class={`role ${m.role}`}>{ROLE_LABEL[m.role]}</span>{' '}
            {sourceLabel({ name: m.sourceName, author: m.sourceAuthor })} · tier {m.tier} ·{' '}
            <Age iso={m.publishedAt ?? m.fetchedAt} now={props.now} />
            {httpUrl(m.url) ? (
              <>
                {' '}
                ·{' '}
                <a href={httpUrl(m.url)!} rel="noopener noreferrer">
                  source ↗
                </a>
              </>
            ) : null}
          </div>
          <h3>
            <a href={`/articles/${m.articleId}`}>{m.title}</a>
          </h3>
          {m.summary ? <p>{m.summary}</p> : null}
        </div>
      ))}

      {e.entities.length ? (
        <>
          <h2>Who and what</h2>
          <p class="entities">
            {e.entities.map((x) => (
              <span class={`entity ${x.type}`} title={x.type}>
                {x.name}
              </span>
            ))}
          </p>
        </>
      ) : null}

      <h2>Related guides ({props.guides.length})</h2>
      {props.guides.length === 0 ? (
        <p class="meta">None yet.</p>
      ) : (
        <ul class="guides">
          {props.guides.map((g) => (
            <li>
              <a href={`/guides/${encodeURIComponent(g.slug)}`}>{g.title}</a>{' '}
              <span class="meta">
                · {g.eventCount} event{g.eventCount === 1 ? '' : 's'}
              </span>
            </li>
          ))}
        </ul>
      )}

      <h2>Related events ({props.related.length})</h2>
      {props.related.length === 0 ? (
        <p class="meta">None yet.</p>
      ) : (
        props.related.map((r) => <Card e={r} now={props.now} shared={sharedSubjects(e, r)} />)
      )}
    </Layout>
  );
}
