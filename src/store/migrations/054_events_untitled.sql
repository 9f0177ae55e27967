-- The events that have no title yet (a bare row until its refresh, see event-writes.ts): few,
-- so a list can ask cheaply whether any of a subject's events is one before it skips weeks of
-- them by their counts (recent-weeks.ts).
CREATE INDEX events_untitled ON events (id) WHERE title = '';
