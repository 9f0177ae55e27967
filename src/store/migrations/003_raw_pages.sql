-- The fetched page of an article, kept only when the user asks (--keep-raw / ALMANAC_KEEP_RAW=1), gzipped.
CREATE TABLE raw_pages (
  article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
  url TEXT NOT NULL,
  content_type TEXT,
  body BLOB NOT NULL,
  fetched_at TEXT NOT NULL
);
