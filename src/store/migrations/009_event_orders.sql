-- The two orders the events list, the feeds and the API use, each as one index (ties
-- broken by id), so a page of the newest or the most significant events is an index walk
-- that stops at the page's end, however many events the store holds.
CREATE INDEX events_recent ON events(last_updated DESC, significance DESC, id);
CREATE INDEX events_top ON events(significance DESC, last_updated DESC, id);
DROP INDEX events_last_updated;
DROP INDEX events_significance;
