import type { Source, SourceStats } from '../../store/sources.js';
import { sourceLabel } from '../../store/sources.js';
import { Age, Layout } from './layout.js';

export function SourcesPage(props: { sources: Source[]; stats: Map<string, SourceStats>; now: Date }) {
  return (
    <Layout title="Sources">
      <h1>Sources</h1>
      <table>
        <thead>
          <tr><th>Source</th><th>Tier</th><th>Articles</th><th>Last success</th><th>Health</th></tr>
        </thead>
        <tbody>
          {props.sources.map((s) => (
            <tr>
              <td><a href={s.homeUrl ?? s.feedUrl} rel="noopener noreferrer">{sourceLabel(s)}</a><div class="meta">{s.kind}</div></td>
              <td>{s.tier}</td>
              <td>{props.stats.get(s.id)?.articles ?? 0}</td>
              <td><Age iso={s.lastSuccessAt} now={props.now} /></td>
              <td>{s.consecutiveFailures > 0 ? <span class="bad" title={s.lastError ?? ''}>{s.consecutiveFailures} failures: {s.lastError}</span> : s.lastSuccessAt ? <span class="ok">ok</span> : 'not fetched yet'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Layout>
  );
}
