import type { Source } from '../../store/sources.js';
import { SOURCE_KINDS, sourceLabel } from '../../store/sources.js';
import { Layout } from './layout.js';

/** The sign-in form. */
export function Login(props: { error?: string }) {
  return (
    <Layout title="Admin: sign in">
      <h1>Admin</h1>
      {props.error ? (
        <p class="bad" role="alert">
          {props.error}
        </p>
      ) : null}
      <form method="post" action="/admin/login" class="filters">
        <label>
          Admin token <input type="password" name="token" autocomplete="current-password" required />
        </label>
        <button type="submit">Sign in</button>
      </form>
    </Layout>
  );
}

function Csrf(props: { token: string }) {
  return <input type="hidden" name="csrf" value={props.token} />;
}

/** Sources, their health, and the forms that change them. */
export function Dashboard(props: { sources: Source[]; csrf: string; done?: string; error?: string }) {
  return (
    <Layout title="Admin">
      <h1>Admin</h1>
      {props.done ? (
        <p class="ok" role="status">
          {props.done}
        </p>
      ) : null}
      {props.error ? (
        <p class="bad" role="alert">
          {props.error}
        </p>
      ) : null}

      <h2>Add a source</h2>
      <form method="post" action="/admin/sources" class="filters">
        <Csrf token={props.csrf} />
        <label>
          Feed or site URL <input type="text" name="url" required size={40} />
        </label>
        <label>
          Name <input type="text" name="name" />
        </label>
        <label>
          Tier{' '}
          <select name="tier">
            <option value="">auto</option>
            <option>1</option>
            <option>2</option>
            <option>3</option>
          </select>
        </label>
        <label>
          Kind{' '}
          <select name="kind">
            <option value="">auto</option>
            {SOURCE_KINDS.map((k) => (
              <option>{k}</option>
            ))}
          </select>
        </label>
        <button type="submit">Add</button>
      </form>

      <h2>Import OPML</h2>
      <form method="post" action="/admin/opml" enctype="multipart/form-data" class="filters">
        <Csrf token={props.csrf} />
        <label>
          OPML file <input type="file" name="file" accept=".opml,.xml,text/xml" />
        </label>
        <label>
          or paste it <textarea name="opml" rows={3} cols={40}></textarea>
        </label>
        <button type="submit">Import</button>
      </form>

      <h2>Add a guide</h2>
      <form method="post" action="/admin/guides" class="filters">
        <Csrf token={props.csrf} />
        <label>
          Title <input type="text" name="title" required />
        </label>
        <label>
          Query <input type="text" name="query" required placeholder="export AND (chip OR chips)" />
        </label>
        <button type="submit">Add guide</button>
      </form>

      <h2>Sources ({props.sources.length})</h2>
      <form method="post" action="/admin/refetch">
        <Csrf token={props.csrf} />
        <button type="submit">Refetch all now</button>
      </form>
      <table>
        <thead>
          <tr>
            <th>Source</th>
            <th>Health</th>
            <th></th>
          </tr>
        </thead>
        <tbody>
          {props.sources.map((s) => (
            <tr>
              <td>
                <a href={`/sources/${encodeURIComponent(s.id)}`}>{sourceLabel(s)}</a>
                <div class="meta">
                  {s.id} · {s.feedUrl}
                </div>
              </td>
              <td class={s.consecutiveFailures ? 'bad' : 'ok'}>
                {s.consecutiveFailures
                  ? `failing ×${s.consecutiveFailures}: ${s.lastError ?? ''}`
                  : s.lastSuccessAt
                    ? `ok ${s.lastSuccessAt.slice(0, 16)}`
                    : 'never fetched'}
              </td>
              <td>
                <form method="post" action={`/admin/sources/${encodeURIComponent(s.id)}/refetch`}>
                  <Csrf token={props.csrf} />
                  <button type="submit">Refetch</button>
                </form>
                <form method="post" action={`/admin/sources/${encodeURIComponent(s.id)}/remove`}>
                  <Csrf token={props.csrf} />
                  <button type="submit">Remove</button>
                </form>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form method="post" action="/admin/logout">
        <Csrf token={props.csrf} />
        <button type="submit">Sign out</button>
      </form>
    </Layout>
  );
}
