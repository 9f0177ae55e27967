import type { Deps } from '../pipeline/deps.js';
import { createApp } from '../web/app.js';

/** A page of the web app as a string, rendered without a server (for `digest --format html`). */
export async function renderToString(deps: Deps, path: string): Promise<string> {
  const res = await createApp({ db: deps.db, clock: deps.clock }).request(path);
  return res.text();
}
