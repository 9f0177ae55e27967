-- Sources we follow, with their fetch state (the health shown to users).
CREATE TABLE sources (
  id TEXT PRIMARY KEY,                       -- slug
  name TEXT NOT NULL,
  author TEXT,
  home_url TEXT,
  feed_url TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL DEFAULT 'news',
  tier INTEGER NOT NULL DEFAULT 3 CHECK (tier BETWEEN 1 AND 3),
  poll_interval_s INTEGER NOT NULL DEFAULT 3600,
  allow_private INTEGER NOT NULL DEFAULT 0,
  fulltext TEXT NOT NULL DEFAULT 'auto' CHECK (fulltext IN ('auto', 'always', 'never')),
  etag TEXT,
  last_modified TEXT,
  last_fetch_at TEXT,
  last_success_at TEXT,
  last_error TEXT,
  last_error_at TEXT,
  consecutive_failures INTEGER NOT NULL DEFAULT 0,
  next_poll_at TEXT,
  created_at TEXT NOT NULL
);

-- One piece of writing. Text and HTML are sanitized before they get here.
CREATE TABLE articles (
  id INTEGER PRIMARY KEY,
  source_id TEXT NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
  guid TEXT NOT NULL,
  url TEXT,
  canonical_url TEXT,
  title TEXT NOT NULL,
  author TEXT,
  published_at TEXT,
  fetched_at TEXT NOT NULL,
  html TEXT NOT NULL DEFAULT '',
  text TEXT NOT NULL DEFAULT '',
  lang TEXT,
  image TEXT,
  word_count INTEGER NOT NULL DEFAULT 0,
  content_hash TEXT NOT NULL,
  truncated INTEGER NOT NULL DEFAULT 0,      -- the feed carried a teaser only
  updated_at TEXT NOT NULL,
  UNIQUE (source_id, guid)
);
CREATE INDEX articles_canonical_url ON articles(canonical_url);
CREATE INDEX articles_content_hash ON articles(content_hash);
CREATE INDEX articles_published ON articles(published_at DESC);
CREATE INDEX articles_source_published ON articles(source_id, published_at DESC);

-- The state of each pipeline stage for each article: what makes the pipeline resumable.
CREATE TABLE article_stages (
  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  stage TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('pending', 'done', 'failed')),
  error TEXT,
  attempts INTEGER NOT NULL DEFAULT 0,
  note TEXT,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (article_id, stage)
);
CREATE INDEX article_stages_todo ON article_stages(stage, status);

-- Every fetch of every source, for health pages and debugging.
CREATE TABLE fetch_log (
  id INTEGER PRIMARY KEY,
  source_id TEXT NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
  url TEXT NOT NULL,
  started_at TEXT NOT NULL,
  duration_ms INTEGER NOT NULL,
  http_status INTEGER,
  outcome TEXT NOT NULL CHECK (outcome IN ('ok', 'not-modified', 'error')),
  error TEXT,
  bytes INTEGER NOT NULL DEFAULT 0,
  items_seen INTEGER NOT NULL DEFAULT 0,
  items_new INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX fetch_log_source ON fetch_log(source_id, started_at DESC);

-- Room for the later stages: extraction, events, topics, guides.
CREATE TABLE extractions (
  article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
  extractor TEXT NOT NULL,
  version TEXT NOT NULL,
  summary TEXT NOT NULL DEFAULT '',
  topics TEXT NOT NULL DEFAULT '[]',
  claims TEXT NOT NULL DEFAULT '[]',
  quotes TEXT NOT NULL DEFAULT '[]',
  entities TEXT NOT NULL DEFAULT '[]',
  kind TEXT,
  created_at TEXT NOT NULL
);

CREATE TABLE events (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  summary TEXT NOT NULL DEFAULT '',
  significance INTEGER NOT NULL DEFAULT 1,
  factors TEXT NOT NULL DEFAULT '{}',
  primary_article_id INTEGER REFERENCES articles(id) ON DELETE SET NULL,
  first_seen TEXT NOT NULL,
  last_updated TEXT NOT NULL
);

CREATE TABLE event_articles (
  event_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  article_id INTEGER NOT NULL UNIQUE REFERENCES articles(id) ON DELETE CASCADE,
  role TEXT NOT NULL CHECK (role IN ('primary', 'coverage', 'commentary')),
  PRIMARY KEY (event_id, article_id)
);

CREATE TABLE event_relations (
  event_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  related_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  similarity REAL NOT NULL,
  PRIMARY KEY (event_id, related_id)
);

CREATE TABLE topics (
  slug TEXT PRIMARY KEY,
  label TEXT NOT NULL,
  aliases TEXT NOT NULL DEFAULT '[]',
  parent TEXT REFERENCES topics(slug) ON DELETE SET NULL
);

CREATE TABLE guides (
  slug TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  subject_kind TEXT NOT NULL CHECK (subject_kind IN ('topic', 'entity', 'query')),
  subject TEXT NOT NULL,
  overview TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

-- Full-text search over articles, kept in step by triggers.
-- @sqlite
CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles', content_rowid='id', tokenize='porter unicode61');
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
  INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
  INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
END;
CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN
  INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
  INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
END;
-- @postgres
-- PostgreSQL: a generated tsvector (title weighs more than text) under a GIN index.
ALTER TABLE articles ADD COLUMN search tsvector GENERATED ALWAYS AS (
  setweight(to_tsvector('english', title), 'A') || setweight(to_tsvector('english', left(text, 200000)), 'B')) STORED;
CREATE INDEX articles_search ON articles USING GIN (search);
-- @both
