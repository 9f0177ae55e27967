-- Work shared by several processes (scale-out over PostgreSQL, and several processes on one
-- SQLite file): a job is claimed under a lease; a worker that dies leaves its lease to
-- expire and the job goes to another. Times are ISO-8601 UTC text, compared as text.
CREATE TABLE jobs (
  id INTEGER PRIMARY KEY,
  queue TEXT NOT NULL,
  key TEXT NOT NULL,
  run_after TEXT NOT NULL,
  lease_owner TEXT,
  lease_until TEXT,
  attempts INTEGER NOT NULL DEFAULT 0,
  last_error TEXT,
  created_at TEXT NOT NULL,
  UNIQUE (queue, key)
);
CREATE INDEX jobs_ready ON jobs(queue, run_after);

-- Politeness across processes: one request at a time per host, and a pause between them.
-- A worker holds a host until `until`; releasing it sets `until` to when the next request may go.
CREATE TABLE host_slots (
  host TEXT PRIMARY KEY,
  owner TEXT,
  until TEXT NOT NULL
);
