-- A guide's local overview is now made when it is read (guides/overview.ts); only the
-- model's overview is stored. The copies written by ingest before are dropped.
UPDATE guides SET overview = '' WHERE overview_by <> 'llm';
