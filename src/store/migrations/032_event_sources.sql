-- Which sources each event has an article from, filed under the week of the event's last
-- update (whole weeks since 1970, as event_subjects.week in 007), so that a list or feed
-- filtered by source reads that source's newest weeks of events, the way a topic's are read
-- (recent-weeks.ts), and tests a source against an event with one index probe. Before, it
-- walked every event newest first and read each one's articles to find the source: at 1M
-- articles a source's feed read about 600 events and 2,400 articles for its 50 entries.
-- Kept by triggers, so every writer keeps it: a row per (source, event) while the event has
-- an article from the source (an article joins, leaves or moves between events), its week
-- moved with the event's last update. A copy (copy-store) fills it as event_articles arrive.
CREATE TABLE event_sources (
  source_id TEXT NOT NULL,
  week INTEGER NOT NULL,
  event_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  PRIMARY KEY (source_id, week, event_id)
) WITHOUT ROWID;
CREATE UNIQUE INDEX event_sources_event ON event_sources(event_id, source_id);
-- @sqlite
INSERT INTO event_sources (source_id, week, event_id)
  SELECT DISTINCT a.source_id, CAST(unixepoch(e.last_updated) / 604800 AS INTEGER), ea.event_id
  FROM event_articles ea JOIN articles a ON a.id = ea.article_id JOIN events e ON e.id = ea.event_id;
CREATE TRIGGER event_sources_insert AFTER INSERT ON event_articles BEGIN
  INSERT OR IGNORE INTO event_sources (source_id, week, event_id)
    SELECT a.source_id, CAST(unixepoch(e.last_updated) / 604800 AS INTEGER), e.id FROM articles a, events e
    WHERE a.id = new.article_id AND e.id = new.event_id;
END;
-- What the event's remaining articles no longer cover goes (the article itself may be gone: a cascade).
CREATE TRIGGER event_sources_delete AFTER DELETE ON event_articles BEGIN
  DELETE FROM event_sources WHERE event_id = old.event_id AND source_id NOT IN (
    SELECT a.source_id FROM event_articles ea JOIN articles a ON a.id = ea.article_id WHERE ea.event_id = old.event_id);
END;
CREATE TRIGGER event_sources_move AFTER UPDATE OF event_id, article_id ON event_articles
  WHEN old.event_id IS NOT new.event_id OR old.article_id IS NOT new.article_id BEGIN
  DELETE FROM event_sources WHERE event_id = old.event_id AND source_id NOT IN (
    SELECT a.source_id FROM event_articles ea JOIN articles a ON a.id = ea.article_id WHERE ea.event_id = old.event_id);
  INSERT OR IGNORE INTO event_sources (source_id, week, event_id)
    SELECT a.source_id, CAST(unixepoch(e.last_updated) / 604800 AS INTEGER), e.id FROM articles a, events e
    WHERE a.id = new.article_id AND e.id = new.event_id;
END;
CREATE TRIGGER event_sources_week AFTER UPDATE OF last_updated ON events WHEN old.last_updated IS NOT new.last_updated BEGIN
  UPDATE event_sources SET week = CAST(unixepoch(new.last_updated) / 604800 AS INTEGER)
    WHERE event_id = new.id AND week <> CAST(unixepoch(new.last_updated) / 604800 AS INTEGER);
END;
-- @postgres
INSERT INTO event_sources (source_id, week, event_id)
  SELECT DISTINCT a.source_id, floor(extract(epoch FROM e.last_updated::timestamptz) / 604800)::bigint, ea.event_id
  FROM event_articles ea JOIN articles a ON a.id = ea.article_id JOIN events e ON e.id = ea.event_id;
CREATE FUNCTION event_sources_members() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    DELETE FROM event_sources WHERE event_id = OLD.event_id AND source_id NOT IN (
      SELECT a.source_id FROM event_articles ea JOIN articles a ON a.id = ea.article_id WHERE ea.event_id = OLD.event_id);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO event_sources (source_id, week, event_id)
      SELECT a.source_id, floor(extract(epoch FROM e.last_updated::timestamptz) / 604800)::bigint, e.id FROM articles a, events e
      WHERE a.id = NEW.article_id AND e.id = NEW.event_id
      ON CONFLICT DO NOTHING;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER event_sources_insert AFTER INSERT ON event_articles FOR EACH ROW EXECUTE FUNCTION event_sources_members();
CREATE TRIGGER event_sources_delete AFTER DELETE ON event_articles FOR EACH ROW EXECUTE FUNCTION event_sources_members();
CREATE TRIGGER event_sources_move AFTER UPDATE OF event_id, article_id ON event_articles FOR EACH ROW
  WHEN (OLD.event_id IS DISTINCT FROM NEW.event_id OR OLD.article_id IS DISTINCT FROM NEW.article_id)
  EXECUTE FUNCTION event_sources_members();
CREATE FUNCTION event_sources_week() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE event_sources SET week = floor(extract(epoch FROM NEW.last_updated::timestamptz) / 604800)::bigint
    WHERE event_id = NEW.id AND week <> floor(extract(epoch FROM NEW.last_updated::timestamptz) / 604800)::bigint;
  RETURN NULL;
END $$;
CREATE TRIGGER event_sources_week AFTER UPDATE OF last_updated ON events FOR EACH ROW
  WHEN (OLD.last_updated IS DISTINCT FROM NEW.last_updated) EXECUTE FUNCTION event_sources_week();
