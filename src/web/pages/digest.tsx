import { Card, type EventCard } from './events.js';
import { Layout } from './layout.js';

export function DigestPage(props: { since: string; from: string; events: EventCard[]; now: Date }) {
  return (
    <Layout title="Digest">
      <h1>Digest</h1>
      <p class="meta">
        {props.events.length} events since {new Date(props.from).toUTCString()}, by significance ·{' '}
        {['24h', '7d', '30d'].map((s) => (s === props.since ? <b>{s} </b> : <><a href={`/digest?since=${s}`}>{s}</a>{' '}</>))}
      </p>
      {props.events.map((e) => <Card e={e} now={props.now} />)}
    </Layout>
  );
}
