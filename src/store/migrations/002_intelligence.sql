-- Extraction: keyphrases, who extracted (and why a fallback happened), tokens spent.
ALTER TABLE extractions ADD COLUMN keyphrases TEXT NOT NULL DEFAULT '[]';
ALTER TABLE extractions ADD COLUMN note TEXT;
ALTER TABLE extractions ADD COLUMN model TEXT;
ALTER TABLE extractions ADD COLUMN tokens_in INTEGER NOT NULL DEFAULT 0;
ALTER TABLE extractions ADD COLUMN tokens_out INTEGER NOT NULL DEFAULT 0;
ALTER TABLE extractions ADD COLUMN quotes_dropped INTEGER NOT NULL DEFAULT 0;

-- Answers of the LLM by (content hash, prompt version, model): re-processing costs nothing.
CREATE TABLE llm_cache (
  key TEXT PRIMARY KEY,
  response TEXT NOT NULL,
  tokens_in INTEGER NOT NULL DEFAULT 0,
  tokens_out INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL
);

-- Events: what the event page shows without recomputing.
ALTER TABLE events ADD COLUMN kind TEXT;
ALTER TABLE events ADD COLUMN topics TEXT NOT NULL DEFAULT '[]';
ALTER TABLE events ADD COLUMN entities TEXT NOT NULL DEFAULT '[]';
ALTER TABLE events ADD COLUMN source_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE events ADD COLUMN article_count INTEGER NOT NULL DEFAULT 0;
CREATE INDEX events_last_updated ON events(last_updated DESC);
CREATE INDEX events_significance ON events(significance DESC, last_updated DESC);
CREATE INDEX event_articles_event ON event_articles(event_id);
CREATE INDEX event_relations_related ON event_relations(related_id);

-- The clusterer's state between runs: document frequencies and each event's centroid.
CREATE TABLE cluster_terms (
  term TEXT PRIMARY KEY,
  df INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TABLE cluster_meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
CREATE TABLE event_vectors (
  event_id TEXT PRIMARY KEY REFERENCES events(id) ON DELETE CASCADE,
  centroid TEXT NOT NULL,
  norm2 REAL NOT NULL,
  size INTEGER NOT NULL,
  last_seen TEXT NOT NULL
);
CREATE INDEX event_vectors_last_seen ON event_vectors(last_seen);

-- An event merged into another keeps its address: links to it still land.
CREATE TABLE event_redirects (
  from_id TEXT PRIMARY KEY,
  to_id TEXT NOT NULL
);
