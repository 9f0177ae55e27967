-- Event centroids with their version before the text (SQLite). A centroid is kilobytes of
-- JSON and SQLite keeps a row's columns in order, spilling the end of a long row onto
-- overflow pages: with the text first, reading an event's size, norm and latest time (the
-- version relating checks its parsed copy against) walked the whole text's pages. Relating
-- reads the versions of every candidate and the text only of those it does not hold parsed.
-- PostgreSQL keeps long values apart from the row (TOAST) and its table as it is.
-- @sqlite
CREATE TABLE event_vectors_ordered (
  event_id TEXT PRIMARY KEY REFERENCES events(id) ON DELETE CASCADE,
  size INTEGER NOT NULL,
  norm2 REAL NOT NULL,
  last_seen TEXT NOT NULL,
  centroid TEXT NOT NULL
);
INSERT INTO event_vectors_ordered (event_id, size, norm2, last_seen, centroid)
  SELECT event_id, size, norm2, last_seen, centroid FROM event_vectors ORDER BY rowid;
DROP TABLE event_vectors;
ALTER TABLE event_vectors_ordered RENAME TO event_vectors;
CREATE INDEX event_vectors_last_seen ON event_vectors(last_seen);
