import { dayLabel } from '../../guides/overview.js';
import { SOURCE_EVENTS, type GuideView } from '../../guides/view.js';
import type { Guide } from '../../store/guides.js';
import { sourceLabel } from '../../store/sources.js';
import { labelOf } from '../../store/topics.js';
import { Card, Score, type EventCard } from './events.js';
import { Age, Layout } from './layout.js';

/** Guides: living explainers of a topic, an entity or a saved query, told through their events. */
const SUBJECT: Record<Guide['subjectKind'], string> = { topic: 'topic', entity: 'about', query: 'saved query' };

function subjectLine(g: Guide, topicLabels: ReadonlyMap<string, string>) {
  if (g.subjectKind === 'topic')
    return (
      <>
        topic <a href={`/topics/${encodeURIComponent(g.subject)}`}>{labelOf(topicLabels, g.subject)}</a>
      </>
    );
  if (g.subjectKind === 'entity')
    return (
      <>
        {SUBJECT.entity} <a href={`/?entity=${encodeURIComponent(g.subject)}`}>{g.subject}</a>
      </>
    );
  return (
    <>
      {SUBJECT.query} <code>{g.subject}</code>
    </>
  );
}

export function GuidesPage(props: { guides: Guide[]; topicLabels: ReadonlyMap<string, string>; now: Date }) {
  return (
    <Layout title="Guides">
      <h1>Guides</h1>
      <p class="meta">
        {props.guides.length} guides. A guide explains one subject through its events; it is made for every topic or
        entity that several sources cover, and by hand for a saved query. Busiest first.
      </p>
      {props.guides.map((g) => (
        <div class="item">
          <h3>
            <a href={`/guides/${encodeURIComponent(g.slug)}`}>{g.title}</a>
          </h3>
          <div class="meta">
            {subjectLine(g, props.topicLabels)} · {g.eventCount} event{g.eventCount === 1 ? '' : 's'}
            {g.lastEventAt ? (
              <>
                {' '}
                · latest <Age iso={g.lastEventAt} now={props.now} />
              </>
            ) : null}
            {g.origin === 'manual' ? ' · added by hand' : ''}
          </div>
        </div>
      ))}
    </Layout>
  );
}

const STANCE: Record<string, string> = { agreed: 'Sources agree', disputed: 'Sources differ', single: 'One source' };

export function GuidePage(props: {
  view: GuideView;
  timeline: EventCard[];
  changes: Array<{ card: EventCard; change: 'new' | 'updated' }>;
  topicLabels: ReadonlyMap<string, string>;
  now: Date;
}) {
  const v = props.view;
  const g = v.guide;
  return (
    <Layout title={g.title}>
      <a href="/guides">← Guides</a>
      <h1>{g.title}</h1>
      <p class="meta">
        Guide · {subjectLine(g, props.topicLabels)} · {g.eventCount} event{g.eventCount === 1 ? '' : 's'} · updated{' '}
        <Age iso={g.updatedAt} now={props.now} />
        {g.overviewBy === 'llm' ? ' · overview written by the model' : ''}
      </p>
      {v.overviewParts ? (
        <>
          <p class="lead">{v.overviewParts.scope}</p>
          {v.overviewParts.latest.length ? (
            <ul class="latest">
              {v.overviewParts.latest.map((e) => (
                <li>
                  <time datetime={e.at}>{dayLabel(e.at)}</time> ·{' '}
                  <a href={`/events/${encodeURIComponent(e.eventId)}`}>{e.title}</a> · <Score n={e.significance} />
                </li>
              ))}
            </ul>
          ) : null}
        </>
      ) : (
        <p class="lead">{v.overview}</p>
      )}

      <h2 id="changes">
        What changed since {v.since.slice(0, 10)} ({props.changes.length})
      </h2>
      <form method="get" class="filters" action={`/guides/${encodeURIComponent(g.slug)}#changes`}>
        <label>
          Since{' '}
          <input
            type="text"
            name="since"
            value={v.since.slice(0, 10)}
            size={10}
            aria-label="since date (YYYY-MM-DD, 24h or 7d)"
          />
        </label>{' '}
        <button type="submit">Show</button>
      </form>
      {props.changes.length === 0 ? (
        <p class="meta">Nothing new since then.</p>
      ) : (
        props.changes.map((c) => (
          <div class="change">
            <span class={`role ${c.change === 'new' ? 'primary' : 'coverage'}`}>{c.change}</span>
            <Card e={c.card} now={props.now} />
          </div>
        ))
      )}

      <h2>Timeline</h2>
      <ol class="timeline">
        {props.timeline.map((e) => (
          <li>
            <time datetime={e.firstSeen}>{e.firstSeen.slice(0, 10)}</time> <Score n={e.significance} />{' '}
            <a href={`/events/${encodeURIComponent(e.id)}`}>{e.title}</a>
            {e.primary ? (
              <span class="meta"> · {sourceLabel({ name: e.primary.sourceName, author: e.primary.sourceAuthor })}</span>
            ) : null}
          </li>
        ))}
      </ol>
      {v.timelineTotal > props.timeline.length ? (
        <p class="meta">
          The {props.timeline.length} latest of {v.timelineTotal}.
        </p>
      ) : null}

      <h2>Who says what</h2>
      {v.claimGroups.length ? (
        <>
          <p class="meta">
            Assertions made by more than one source in the most significant events; "sources differ" when one negates
            what another asserts or gives other figures.
          </p>
          {v.claimGroups.map((cg) => (
            <div class={`claim-group ${cg.stance}`}>
              <div class="meta">
                <strong>{STANCE[cg.stance]}</strong> · {cg.sources.join(', ')}
                {cg.conflict
                  ? ` · ${cg.conflict.why === 'figures' ? 'different figures' : 'one negates the other'}`
                  : ''}
              </div>
              <ul>
                {cg.claims.map((c) => (
                  <li>
                    {c.text}{' '}
                    <span class="meta">
                      — <a href={`/articles/${c.articleId}`}>{c.sourceName}</a>
                    </span>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </>
      ) : null}
      {v.claimsBySource.length ? (
        <details class="by-source">
          <summary>Claims by source ({v.claimsBySource.length} sources)</summary>
          {v.claimsBySource.map((s) => (
            <>
              <h3>
                <a href={`/sources/${encodeURIComponent(s.sourceId)}`}>{s.sourceName}</a>
              </h3>
              <ul>
                {s.claims.slice(0, 6).map((c) => (
                  <li>
                    {c.text}{' '}
                    <a class="meta" href={`/events/${encodeURIComponent(c.eventId)}`}>
                      event
                    </a>
                  </li>
                ))}
              </ul>
            </>
          ))}
        </details>
      ) : null}

      <h2>Key quotes ({v.quotes.length})</h2>
      {v.quotes.length === 0 ? (
        <p class="meta">No attributed quotes yet.</p>
      ) : (
        v.quotes.map((q) => (
          <blockquote>
            <p>“{q.text}”</p>
            <footer>
              — {q.speaker}, in <a href={`/articles/${q.articleId}`}>{q.sourceName}</a>
            </footer>
          </blockquote>
        ))
      )}

      <h2>Sources that cover it most</h2>
      {v.timelineTotal > SOURCE_EVENTS ? <p class="meta">Counted over its latest {SOURCE_EVENTS} events.</p> : null}
      <ol>
        {v.topSources.map((s) => (
          <li>
            <a href={`/sources/${encodeURIComponent(s.sourceId)}`}>{sourceLabel(s)}</a>{' '}
            <span class="meta">
              · {s.articles} article{s.articles === 1 ? '' : 's'}
            </span>
          </li>
        ))}
      </ol>
    </Layout>
  );
}
