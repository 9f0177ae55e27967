-- Re-index an event's text only when its title or summary actually changed: a refresh
-- writes both columns every time, and each FTS5 rewrite costs a segment write and merge.
-- (PostgreSQL's generated tsvector needs no such care.)
-- @sqlite
DROP TRIGGER events_fts_update;
CREATE TRIGGER events_fts_update AFTER UPDATE OF title, summary ON events
  WHEN old.title IS NOT new.title OR old.summary IS NOT new.summary BEGIN
  INSERT INTO events_fts(events_fts, rowid, title, summary) VALUES ('delete', old.rowid, old.title, old.summary);
  INSERT INTO events_fts(rowid, title, summary) VALUES (new.rowid, new.title, new.summary);
END;
