-- Related-event candidates are the recent events that share a topic or an entity: read
-- per subject through this index (week = the event's last update, see 007) instead of
-- scanning every recent event's JSON.
CREATE INDEX event_subjects_recent ON event_subjects(kind, subject, week);
