import type { Clock } from '../clock.js';
import type { Config } from '../config.js';
import type { HttpClient } from '../ingest/fetch.js';
import type { Db } from '../store/db.js';

/** Everything a use case needs, passed in (never read from globals). */
export interface Deps {
  db: Db;
  config: Config;
  http: HttpClient;
  clock: Clock;
  log: (line: string) => void;
}
