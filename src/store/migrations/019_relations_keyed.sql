-- Related events stored by their key (SQLite): the table was a rowid table beside an index on
-- its primary key, two b-trees where one does, and each relation a relating pass writes
-- touched both (and the newest end of the rowid order besides). PostgreSQL keeps its heap.
-- @sqlite
CREATE TABLE event_relations_keyed (
  event_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  related_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  similarity REAL NOT NULL,
  PRIMARY KEY (event_id, related_id)
) WITHOUT ROWID;
INSERT INTO event_relations_keyed (event_id, related_id, similarity)
  SELECT event_id, related_id, similarity FROM event_relations ORDER BY event_id, related_id;
DROP TABLE event_relations;
ALTER TABLE event_relations_keyed RENAME TO event_relations;
CREATE INDEX event_relations_related ON event_relations(related_id);
