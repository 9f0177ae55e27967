-- An event whose related events and novelty are still to be computed: the pipeline relates a
-- clustering batch's events after the batch commits (on another thread where it can) and
-- writes them with the next batch (src/events/relate-pending.ts). The mark is stored, so a
-- crash between the two leaves the events to the next run instead of losing them.
ALTER TABLE events ADD COLUMN relate_pending INTEGER NOT NULL DEFAULT 0;
CREATE INDEX events_relate_pending ON events (id) WHERE relate_pending = 1;
