import type { Clock } from '../clock.js';
import type { Config } from '../config.js';
import type { HttpClient } from '../ingest/fetch.js';
import type { Db } from '../store/db.js';
import type { ArticleInput } from '../analyze/types.js';
import type { Extraction } from '../extraction-schema.js';
import type { ExtractionMeta } from '../store/extractions.js';
import type { LlmClient } from '../analyze/llm/client.js';
import type { LocalPool } from '../analyze/local-pool.js';
import type { RefreshReport } from '../events/refresh.js';
import type { Relater } from '../relate/relater.js';
import type { PipelineState } from './state.js';

/** An extractor other than the local one (the LLM), given the article and its content hash (for the cache). */
export type Extractor = (
  a: ArticleInput,
  contentHash: string,
) => Promise<{ extraction: Extraction; meta: ExtractionMeta }>;

/** Everything a use case needs, passed in (never read from globals). */
export interface Deps {
  db: Db;
  /** What the pipeline keeps in memory beside `db` between batches: made once with it (see state.ts), never per copy. */
  state: PipelineState;
  config: Config;
  http: HttpClient;
  clock: Clock;
  log: (line: string) => void;
  /** Set when an LLM is configured. */
  extractor?: Extractor;
  /** The model itself, for event reviews (set with the extractor). */
  llm?: LlmClient;
  /** Threads for the local extractor; without it, it runs on the main thread. */
  localPool?: LocalPool;
  /** Who relates the events of a clustering batch once it commits; without it, the main thread (see relate/relater.ts). */
  relater?: Relater;
  /** How often growing events are related anew (see relateSizeClass); `npm run eval:relate` compares choices. */
  relateGrowth?: number;
  /** Told of each event refresh the clustering stage makes (the relating evaluation counts its passes). */
  onEventRefreshed?: (r: RefreshReport) => void;
}
