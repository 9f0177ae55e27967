import type { TopicStat } from '../../store/topic-stats.js';
import { Card, type EventCard } from './events.js';
import { Layout } from './layout.js';

/** Events per week as a small inline SVG line (no script, no external asset). */
export function Sparkline(props: { values: number[]; width?: number; height?: number; label: string }) {
  const w = props.width ?? 96;
  const h = props.height ?? 22;
  const max = Math.max(1, ...props.values);
  const step = props.values.length > 1 ? w / (props.values.length - 1) : w;
  const points = props.values
    .map((v, i) => `${(i * step).toFixed(1)},${(h - 2 - (v / max) * (h - 4)).toFixed(1)}`)
    .join(' ');
  return (
    <svg class="spark" width={w} height={h} viewBox={`0 0 ${w} ${h}`} role="img" aria-label={props.label}>
      <title>{props.label}</title>
      <polyline points={points} />
    </svg>
  );
}

export function TopicsPage(props: { topics: TopicStat[] }) {
  const label = new Map(props.topics.map((t) => [t.slug, t.label]));
  return (
    <Layout title="Topics">
      <h1>Topics</h1>
      <p class="meta">
        {props.topics.length} topics, by number of events; the line shows events per week over the last 12 weeks.
      </p>
      <table class="topics-table">
        <thead>
          <tr>
            <th>Topic</th>
            <th>Events</th>
            <th>Last 12 weeks</th>
          </tr>
        </thead>
        <tbody>
          {props.topics.map((t) => (
            <tr>
              <td>
                <a href={`/topics/${encodeURIComponent(t.slug)}`}>{t.label}</a>
                {t.parent ? (
                  <div class="meta">
                    in <a href={`/topics/${encodeURIComponent(t.parent)}`}>{label.get(t.parent) ?? t.parent}</a>
                  </div>
                ) : null}
              </td>
              <td>{t.events}</td>
              <td>
                <Sparkline values={t.weekly} label={`${t.label}: ${t.weekly.join(', ')} events per week`} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Layout>
  );
}

export function TopicPage(props: { topic: TopicStat; events: EventCard[]; now: Date }) {
  const t = props.topic;
  return (
    <Layout title={t.label} feeds={{ atom: `/feed.atom?topic=${t.slug}`, json: `/feed.json?topic=${t.slug}` }}>
      <a href="/topics">← Topics</a>
      <h1>{t.label}</h1>
      <p class="meta">
        {t.events} event{t.events === 1 ? '' : 's'} ·{' '}
        <Sparkline values={t.weekly} width={160} height={28} label={`${t.weekly.join(', ')} events per week`} /> ·{' '}
        <a href={`/?topic=${encodeURIComponent(t.slug)}`}>filter events</a> ·{' '}
        <a href={`/feed.atom?topic=${encodeURIComponent(t.slug)}`}>Atom</a>
      </p>
      {props.events.map((e) => (
        <Card e={e} now={props.now} />
      ))}
    </Layout>
  );
}
