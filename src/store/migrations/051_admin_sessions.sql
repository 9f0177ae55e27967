-- Admin sign-ins, kept in the store rather than in one process's memory: with several web
-- worker processes (serve --workers) a login answered by one must hold on the next request,
-- which another may answer. Only a hash of the session id (the cookie) is kept, so the
-- store's rows cannot be replayed as cookies; expires_at is in epoch milliseconds.
CREATE TABLE admin_sessions (
  id_hash TEXT PRIMARY KEY,
  expires_at INTEGER NOT NULL
);
CREATE INDEX admin_sessions_by_expiry ON admin_sessions (expires_at);
