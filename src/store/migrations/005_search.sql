-- Search over events (title, summary) and over what extraction found (claims, quotes),
-- beside the articles' own index.
-- @sqlite
CREATE VIRTUAL TABLE events_fts USING fts5(title, summary, content='events', content_rowid='rowid', tokenize='porter unicode61');
INSERT INTO events_fts(rowid, title, summary) SELECT rowid, title, summary FROM events;
CREATE TRIGGER events_fts_insert AFTER INSERT ON events BEGIN
  INSERT INTO events_fts(rowid, title, summary) VALUES (new.rowid, new.title, new.summary);
END;
CREATE TRIGGER events_fts_delete AFTER DELETE ON events BEGIN
  INSERT INTO events_fts(events_fts, rowid, title, summary) VALUES ('delete', old.rowid, old.title, old.summary);
END;
CREATE TRIGGER events_fts_update AFTER UPDATE OF title, summary ON events BEGIN
  INSERT INTO events_fts(events_fts, rowid, title, summary) VALUES ('delete', old.rowid, old.title, old.summary);
  INSERT INTO events_fts(rowid, title, summary) VALUES (new.rowid, new.title, new.summary);
END;

-- Claims and quotes as plain text, one row per extraction (rowid = article id).
CREATE VIRTUAL TABLE extraction_fts USING fts5(claims, quotes, tokenize='porter unicode61');
INSERT INTO extraction_fts(rowid, claims, quotes)
  SELECT article_id,
    COALESCE((SELECT group_concat(json_extract(value, '$.text'), ' ¶ ') FROM json_each(claims)), ''),
    COALESCE((SELECT group_concat(json_extract(value, '$.text'), ' ¶ ') FROM json_each(quotes)), '')
  FROM extractions;
CREATE TRIGGER extraction_fts_delete AFTER DELETE ON extractions BEGIN
  DELETE FROM extraction_fts WHERE rowid = old.article_id;
END;
CREATE TRIGGER extraction_fts_upsert AFTER INSERT ON extractions BEGIN
  DELETE FROM extraction_fts WHERE rowid = new.article_id;
  INSERT INTO extraction_fts(rowid, claims, quotes) VALUES (new.article_id,
    COALESCE((SELECT group_concat(json_extract(value, '$.text'), ' ¶ ') FROM json_each(new.claims)), ''),
    COALESCE((SELECT group_concat(json_extract(value, '$.text'), ' ¶ ') FROM json_each(new.quotes)), ''));
END;
CREATE TRIGGER extraction_fts_update AFTER UPDATE OF claims, quotes ON extractions BEGIN
  DELETE FROM extraction_fts WHERE rowid = new.article_id;
  INSERT INTO extraction_fts(rowid, claims, quotes) VALUES (new.article_id,
    COALESCE((SELECT group_concat(json_extract(value, '$.text'), ' ¶ ') FROM json_each(new.claims)), ''),
    COALESCE((SELECT group_concat(json_extract(value, '$.text'), ' ¶ ') FROM json_each(new.quotes)), ''));
END;
-- @postgres
ALTER TABLE events ADD COLUMN search tsvector GENERATED ALWAYS AS (
  setweight(to_tsvector('english', title), 'A') || setweight(to_tsvector('english', summary), 'B')) STORED;
CREATE INDEX events_search ON events USING GIN (search);
-- Claims and quotes are JSON arrays: a generated column cannot unnest them, a trigger can.
ALTER TABLE extractions ADD COLUMN search tsvector;
CREATE INDEX extractions_search ON extractions USING GIN (search);
CREATE FUNCTION extractions_search_fill() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.search := setweight(to_tsvector('english', COALESCE((SELECT string_agg(x->>'text', ' ¶ ') FROM json_array_elements(NEW.claims::json) x), '')), 'A')
    || setweight(to_tsvector('english', COALESCE((SELECT string_agg(x->>'text', ' ¶ ') FROM json_array_elements(NEW.quotes::json) x), '')), 'B');
  RETURN NEW;
END $$;
CREATE TRIGGER extractions_search_fill BEFORE INSERT OR UPDATE OF claims, quotes ON extractions
  FOR EACH ROW EXECUTE FUNCTION extractions_search_fill();
-- @both
