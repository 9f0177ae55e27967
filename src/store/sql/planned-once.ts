/**
 * A statement whose best plan is the same whatever its values (it reads rows by key: an
 * event's page) starts with this comment. PostgreSQL then plans it once per connection and
 * reuses the plan (pg-client.ts), where every other statement is planned for its values
 * each time it runs; SQLite plans every statement once anyway, and reads it as a comment.
 */
export const PLANNED_ONCE = '/* planned once */ ';
