import type { Source, SourceStats } from '../../store/sources.js';
import { sourceLabel } from '../../store/sources.js';
import { Age, Layout } from './layout.js';
import { httpUrl } from '../../ingest/http-url.js';

export function SourcesPage(props: { sources: Source[]; stats: Map<string, SourceStats>; now: Date }) {
  return (
    <Layout title="Sources">
      <h1>Sources</h1>
      <table>
        <thead>
          <tr>
            <th>Source</th>
            <th>Tier</th>
            <th>Articles</th>
            <th>Last success</th>
            <th>Health</th>
          </tr>
        </thead>
        <tbody>
          {props.sources.map((s) => (
            <tr>
              <td>
                <a href={`/sources/${encodeURIComponent(s.id)}`}>{sourceLabel(s)}</a>
                <div class="meta">{s.kind}</div>
              </td>
              <td>{s.tier}</td>
              <td>{props.stats.get(s.id)?.articles ?? 0}</td>
              <td>
                <Age iso={s.lastSuccessAt} now={props.now} />
              </td>
              <td>
                {s.consecutiveFailures > 0 ? (
                  <span class="bad" title={s.lastError ?? ''}>
                    {s.consecutiveFailures} failure{s.consecutiveFailures === 1 ? '' : 's'}: {s.lastError}
                  </span>
                ) : s.lastSuccessAt ? (
                  <span class="ok">ok</span>
                ) : (
                  'not fetched yet'
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Layout>
  );
}

export interface FetchLogRow {
  startedAt: string;
  durationMs: number;
  httpStatus: number | null;
  outcome: string;
  error: string | null;
  itemsSeen: number;
  itemsNew: number;
}

export function SourcePage(props: {
  source: Source;
  stats: SourceStats | undefined;
  log: FetchLogRow[];
  articles: { id: number; title: string; publishedAt: string | null }[];
  now: Date;
}) {
  const s = props.source;
  return (
    <Layout title={sourceLabel(s)}>
      <a href="/sources">← Sources</a>
      <h1>{sourceLabel(s)}</h1>
      <p class="meta">
        {s.kind} · tier {s.tier} · {props.stats?.articles ?? 0} articles ·{' '}
        <a href={httpUrl(s.feedUrl) ?? '#'} rel="noopener noreferrer">
          feed ↗
        </a>
        {httpUrl(s.homeUrl) ? (
          <>
            {' '}
            ·{' '}
            <a href={httpUrl(s.homeUrl)!} rel="noopener noreferrer">
              site ↗
            </a>
          </>
        ) : null}{' '}
        · <a href={`/?source=${encodeURIComponent(s.id)}`}>its events</a>
      </p>
      <table>
        <tbody>
          <tr>
            <th>Last fetch</th>
            <td>
              <Age iso={s.lastFetchAt} now={props.now} />
            </td>
          </tr>
          <tr>
            <th>Last success</th>
            <td>
              <Age iso={s.lastSuccessAt} now={props.now} />
            </td>
          </tr>
          <tr>
            <th>Health</th>
            <td>
              {s.consecutiveFailures > 0 ? (
                <span class="bad">
                  {s.consecutiveFailures === 1 ? '1 failure' : `${s.consecutiveFailures} failures in a row`}:{' '}
                  {s.lastError}
                </span>
              ) : s.lastSuccessAt ? (
                <span class="ok">ok</span>
              ) : (
                'not fetched yet'
              )}
            </td>
          </tr>
          <tr>
            <th>Next poll</th>
            <td>{s.nextPollAt ? new Date(s.nextPollAt).toUTCString() : 'when due'}</td>
          </tr>
        </tbody>
      </table>
      <h2>Recent fetches</h2>
      <table>
        <thead>
          <tr>
            <th>When</th>
            <th>Outcome</th>
            <th>HTTP</th>
            <th>Items (new)</th>
            <th>Time</th>
          </tr>
        </thead>
        <tbody>
          {props.log.map((l) => (
            <tr>
              <td>
                <Age iso={l.startedAt} now={props.now} />
              </td>
              <td>
                {l.outcome === 'error' ? (
                  <span class="bad" title={l.error ?? ''}>
                    error: {l.error}
                  </span>
                ) : (
                  l.outcome
                )}
              </td>
              <td>{l.httpStatus ?? ''}</td>
              <td>
                {l.itemsSeen} ({l.itemsNew})
              </td>
              <td>{l.durationMs} ms</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>Latest articles</h2>
      {props.articles.map((a) => (
        <div class="item">
          <div class="meta">
            <Age iso={a.publishedAt} now={props.now} />
          </div>
          <h3>
            <a href={`/articles/${a.id}`}>{a.title}</a>
          </h3>
        </div>
      ))}
    </Layout>
  );
}
