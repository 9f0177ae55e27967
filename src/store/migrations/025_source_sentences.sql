-- The sentences each source's items begin and end with, counted across its items (by a short
-- hash of the folded sentence), so that boilerplate an outlet repeats ("This is today's
-- edition of …") is learned from the store: a sentence in several items of one source, each
-- under another title, is the outlet's rather than the story's (src/ingest/boilerplate).
-- Counted once per new item as it is stored, so a lookup costs an index read per sentence.
CREATE TABLE source_sentences (
  source_id TEXT NOT NULL,
  key TEXT NOT NULL,
  items INTEGER NOT NULL,
  -- The title of the last item counted (its key): the same story again under the same title counts once.
  last_title TEXT NOT NULL,
  last_article BIGINT NOT NULL,
  PRIMARY KEY (source_id, key)
);
CREATE INDEX source_sentences_single ON source_sentences (last_article) WHERE items = 1;
