-- The model's review of an event (when an LLM is configured): a synthesised summary and an
-- adjustment of the significance by at most ±2 with its reason. Made when the event is new
-- and again each time its member count doubles (review_members: the count it saw), so a
-- large story costs a handful of calls, not one per article.
ALTER TABLE events ADD COLUMN review_key TEXT;
ALTER TABLE events ADD COLUMN review_members INTEGER;
ALTER TABLE events ADD COLUMN review_summary TEXT;
ALTER TABLE events ADD COLUMN review_delta INTEGER;
ALTER TABLE events ADD COLUMN review_reason TEXT;
ALTER TABLE events ADD COLUMN review_model TEXT;
