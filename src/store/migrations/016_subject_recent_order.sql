-- Relating cuts each subject's list at 200 events, ties within a week by id in byte order
-- (eventsSharing in src/store/events.ts). On SQLite the index holds that order already (its
-- entries end with the primary key's event_id); on PostgreSQL the id joins the index, so the
-- cut is a walk of the index, not a sort of a busy subject's whole week.
-- @postgres
DROP INDEX event_subjects_recent;
CREATE INDEX event_subjects_recent ON event_subjects (kind, subject, week, event_id COLLATE "C");
