import type { SourceKind } from '../store/sources.js';

/** The demo's sources: names, authors, tiers and kinds like the real ones, each served in one feed format. */
export interface DemoSource {
  id: string;
  name: string;
  author?: string;
  tier: 1 | 2 | 3;
  kind: SourceKind;
  format: 'rss' | 'atom' | 'json';
  /** The feed carries only a teaser; the full text is on the article's page (exercises the full-text stage). */
  teaser?: boolean;
}

export const DEMO_SOURCES: DemoSource[] = [
  { id: 'interconnects', name: 'Interconnects', author: 'Nathan Lambert', tier: 2, kind: 'newsletter', format: 'rss' },
  { id: 'the-batch', name: 'The Batch', tier: 2, kind: 'newsletter', format: 'rss' },
  { id: 'hugging-face', name: 'Hugging Face Blog', tier: 1, kind: 'lab', format: 'atom' },
  { id: 'openai', name: 'OpenAI Blog', tier: 1, kind: 'lab', format: 'rss' },
  { id: 'anthropic', name: 'Anthropic News', tier: 1, kind: 'lab', format: 'atom' },
  { id: 'google-deepmind', name: 'Google DeepMind Blog', tier: 1, kind: 'lab', format: 'atom' },
  { id: 'policy-wire', name: 'Policy Wire', tier: 1, kind: 'news', format: 'json', teaser: true },
  { id: 'tech-ledger', name: 'The Tech Ledger', tier: 1, kind: 'news', format: 'rss' },
  { id: 'import-ai', name: 'Import AI', author: 'Jack Clark', tier: 2, kind: 'newsletter', format: 'rss' },
  { id: 'compute-notes', name: 'Compute Notes', author: 'Priya Raman', tier: 2, kind: 'analyst', format: 'json' },
  { id: 'eu-digest', name: 'EU Tech Policy Digest', tier: 2, kind: 'policy', format: 'atom' },
  {
    id: 'open-weights-weekly',
    name: 'Open Weights Weekly',
    author: 'Marta Kowalski',
    tier: 3,
    kind: 'newsletter',
    format: 'rss',
    teaser: true,
  },
  { id: 'research-roundup', name: 'Research Roundup', tier: 3, kind: 'paper', format: 'atom' },
];
