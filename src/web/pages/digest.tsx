import { Card, type EventCard } from './events.js';
import { Layout } from './layout.js';
import { digestCountWords } from '../digest-count.js';

const UTC_MINUTE = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
  timeZone: 'UTC',
});

/** "24h" → "the last 24 hours", "7d" → "the last 7 days": the period as a reader says it. */
export function periodWords(since: string): string {
  const m = /^(\d+)([hd])$/.exec(since);
  if (!m) return `since ${since}`;
  const n = Number(m[1]);
  return `the last ${n === 1 ? '' : `${n} `}${m[2] === 'h' ? 'hour' : 'day'}${n === 1 ? '' : 's'}`;
}

export function DigestPage(props: { since: string; from: string; events: EventCard[]; total: number; now: Date }) {
  const count = digestCountWords(props);
  return (
    <Layout title="Digest">
      <h1>Digest</h1>
      <p class="meta">
        {count[0]!.toUpperCase()}
        {count.slice(1)} in {periodWords(props.since)} (since{' '}
        <time datetime={props.from}>{UTC_MINUTE.format(new Date(props.from))} UTC</time>), by significance ·{' '}
        {['24h', '7d', '30d'].map((s) =>
          s === props.since ? (
            <b>{s} </b>
          ) : (
            <>
              <a href={`/digest?since=${s}`}>{s}</a>{' '}
            </>
          ),
        )}
      </p>
      {props.events.map((e) => (
        <Card e={e} now={props.now} />
      ))}
    </Layout>
  );
}
