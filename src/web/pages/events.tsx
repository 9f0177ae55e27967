import type { EventMember, EventRow } from '../../store/events.js';
import { sourceLabel } from '../../store/sources.js';
import { Age, Layout } from './layout.js';

/** The significance badge: the score, coloured by band, with its meaning on hover. */
export function Score(props: { n: number }) {
  const band = props.n >= 9 ? 'top' : props.n >= 7 ? 'high' : props.n >= 4 ? 'mid' : 'low';
  return <span class={`score ${band}`} title={`significance ${props.n} of 10`}>{props.n}</span>;
}

export interface EventCard extends EventRow {
  primary?: { sourceName: string; sourceAuthor: string | null; url: string | null; sourceId: string } | undefined;
}

function Card(props: { e: EventCard; now: Date; similarity?: number }) {
  const e = props.e;
  return (
    <div class="item event">
      <div class="meta">
        <Score n={e.significance} />
        {e.primary ? sourceLabel({ name: e.primary.sourceName, author: e.primary.sourceAuthor }) : ''}
        {e.sourceCount > 1 ? ` +${e.sourceCount - 1} more` : ''} · <Age iso={e.lastUpdated} now={props.now} />
        {e.primary?.url ? <> · <a href={e.primary.url} rel="noopener noreferrer">source ↗</a></> : null}
        {props.similarity !== undefined ? <span class="sim" title="how related"> · {Math.round(props.similarity * 100)}% related</span> : null}
      </div>
      <h3><a href={`/events/${encodeURIComponent(e.id)}`}>{e.title}</a></h3>
      <p>{e.summary}</p>
    </div>
  );
}

export function EventsPage(props: { events: EventCard[]; page: number; hasMore: boolean; now: Date; total: number; min: number; topic?: string }) {
  const q = (page: number) => `/?page=${page}${props.min ? `&min=${props.min}` : ''}${props.topic ? `&topic=${encodeURIComponent(props.topic)}` : ''}`;
  return (
    <Layout title="Events">
      <h1>{props.topic ? `Events in ${props.topic}` : 'Events'}</h1>
      <p class="meta">
        {props.total} events ·{' '}
        {[0, 4, 7].map((m) => (m === props.min ? <b>{m ? `${m}+` : 'all'} </b> : <><a href={`/?min=${m}${props.topic ? `&topic=${encodeURIComponent(props.topic)}` : ''}`}>{m ? `${m}+` : 'all'}</a>{' '}</>))}
      </p>
      {props.events.length === 0 ? <p>No events yet: they appear once articles are fetched and processed.</p> : null}
      {props.events.map((e) => <Card e={e} now={props.now} />)}
      <div class="pager">
        {props.page > 1 ? <a href={q(props.page - 1)}>← Newer</a> : <span />}
        {props.hasMore ? <a href={q(props.page + 1)}>Older →</a> : <span />}
      </div>
    </Layout>
  );
}

const ROLE_LABEL = { primary: 'primary', coverage: 'coverage', commentary: 'commentary' } as const;

export function EventPage(props: { event: EventCard; members: EventMember[]; related: Array<EventCard & { similarity: number }>; now: Date }) {
  const e = props.event;
  const f = e.factors;
  return (
    <Layout title={e.title}>
      <a href="/">← Events</a>
      <div class="meta head">
        <Score n={e.significance} />
        {e.primary ? sourceLabel({ name: e.primary.sourceName, author: e.primary.sourceAuthor }) : ''} · <Age iso={e.firstSeen} now={props.now} />
      </div>
      <h1>{e.title}</h1>
      <p class="lead">{e.summary}</p>
      {e.topics.length ? (
        <p class="topics">{e.topics.map((t) => <a class="topic" href={`/?topic=${encodeURIComponent(t)}`}>{t}</a>)}</p>
      ) : null}

      <h2>Why {e.significance} of 10</h2>
      <table class="factors">
        <tr><th>factor</th><th>measured</th><th>points</th></tr>
        <tr><td>base</td><td></td><td>{f.base ?? ''}</td></tr>
        {Object.entries(f.factors ?? {}).map(([name, x]) => (
          <tr><td title={x.why}>{name}</td><td>{x.value}</td><td>+{x.points}</td></tr>
        ))}
        {f.llm ? <tr><td>model's adjustment</td><td>{f.llm.reason}</td><td>{f.llm.delta > 0 ? '+' : ''}{f.llm.delta}</td></tr> : null}
      </table>

      <h2>Coverage ({props.members.length} article{props.members.length === 1 ? '' : 's'} from {e.sourceCount} source{e.sourceCount === 1 ? '' : 's'})</h2>
      {props.members.map((m) => (
        <div class="item member">
          <div class="meta">
            <span class={`role ${m.role}`}>{ROLE_LABEL[m.role]}</span> {sourceLabel({ name: m.sourceName, author: m.sourceAuthor })} · tier {m.tier} · <Age iso={m.publishedAt ?? m.fetchedAt} now={props.now} />
            {m.url ? <> · <a href={m.url} rel="noopener noreferrer">source ↗</a></> : null}
          </div>
          <h3><a href={`/articles/${m.articleId}`}>{m.title}</a></h3>
          {m.summary ? <p>{m.summary}</p> : null}
        </div>
      ))}

      {e.entities.length ? (
        <>
          <h2>Who and what</h2>
          <p class="entities">{e.entities.map((x) => <span class={`entity ${x.type}`} title={x.type}>{x.name}</span>)}</p>
        </>
      ) : null}

      <h2>Related events ({props.related.length})</h2>
      {props.related.length === 0 ? <p class="meta">None yet.</p> : props.related.map((r) => <Card e={r} now={props.now} similarity={r.similarity} />)}
    </Layout>
  );
}
